package se.samsyn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.samsyn.followup.ImportType;

class SyntheticClientsTests {

    @ParameterizedTest
    @EnumSource(ImportType.class)
    void writesTheAskedNumberOfRowsWithTheImportColumnsAndTheSameFileForTheSameSeed(ImportType type) throws IOException {
        StringWriter first = new StringWriter();
        SyntheticClients.write(type, first, "1280-BENCH", 101, 7L, LocalDate.of(2026, 6, 1));
        StringWriter second = new StringWriter();
        SyntheticClients.write(type, second, "1280-BENCH", 101, 7L, LocalDate.of(2026, 6, 1));
        List<String> lines = first.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", type.columns()));
        assertThat(lines).hasSize(102);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.split(",", -1).length == type.columns().size());
        assertThat(second.toString()).isEqualTo(first.toString());
    }
}
