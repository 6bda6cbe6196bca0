package se.samsyn.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samsyn.imports.TabularFile.Format;

class TabularFileTests {

    private final TabularFile file = new TabularFile(List.of("code", "goal", "level"), true);
    private final List<String> rows = new ArrayList<>();
    private final List<FileProblem> problems = new ArrayList<>();

    private long read(String text, Format format) {
        return read(text.getBytes(StandardCharsets.UTF_8), format);
    }

    private long read(byte[] bytes, Format format) {
        return file.read(new ByteArrayInputStream(bytes), format,
                (row, values) -> rows.add(row + ":" + values), problems::add);
    }

    @Test
    void keepsQuotedCommasAndLineBreaksWhole() {
        long count = read("code,goal,level\nA,\"Bo kvar, med stöd, i egen bostad\",2\nB,\"två\nrader\",3\n", Format.CSV);
        assertThat(count).isEqualTo(2);
        assertThat(rows).containsExactly("2:{code=A, goal=Bo kvar, med stöd, i egen bostad, level=2}",
                "3:{code=B, goal=två\nrader, level=3}");
        assertThat(problems).isEmpty();
    }

    @Test
    void aRowWithMoreOrFewerFieldsThanTheHeaderIsARowError() {
        read("code,goal,level\nA,x,1,extra\nB,y\nC,z,3\n", Format.CSV);
        assertThat(rows).containsExactly("4:{code=C, goal=z, level=3}");
        assertThat(problems).containsExactly(new FileProblem(2, null, "import.error.field-count", List.of("4", "3")),
                new FileProblem(3, null, "import.error.field-count", List.of("2", "3")));
    }

    @Test
    void refusesAWrongHeaderAnEmptyFileAndAHeaderWithoutRows() {
        read("code,level,goal\nA,1,x\n", Format.CSV);
        read("", Format.CSV);
        read("code,goal,level\n", Format.CSV);
        assertThat(rows).isEmpty();
        assertThat(problems).extracting(FileProblem::messageKey)
                .containsExactly("import.error.header", "import.error.empty", "import.error.no-rows");
        assertThat(problems.get(0).args()).containsExactly("code,goal,level");
    }

    @Test
    void refusesLatin1InsteadOfStoringReplacementCharacters() {
        byte[] latin1 = "code,goal,level\nA,Bo på äldreboende,1\n".getBytes(StandardCharsets.ISO_8859_1);
        read(latin1, Format.CSV);
        assertThat(rows).isEmpty();
        assertThat(problems).extracting(FileProblem::messageKey).containsExactly("import.error.encoding");
        problems.clear();
        read(latin1, Format.JSON);
        assertThat(problems).extracting(FileProblem::messageKey).containsExactly("import.error.encoding");
    }

    @Test
    void aJsonElementThatIsNotAnObjectIsAnErrorAndTheRestIsStillRead() {
        read("[{\"code\":\"A\",\"goal\":\"x\",\"level\":1}, 42, {\"code\":\"C\",\"level\":\"3\"}]", Format.JSON);
        assertThat(rows).containsExactly("1:{code=A, goal=x, level=1}", "3:{code=C, goal=, level=3}");
        assertThat(problems).containsExactly(new FileProblem(2, null, "import.error.json-object", List.of()));
    }

    @Test
    void textAfterTheArrayUnknownPropertiesAndNestedValuesAreErrors() {
        read("[{\"code\":\"A\",\"colour\":\"red\",\"goal\":{\"x\":1}}] trailing", Format.JSON);
        assertThat(rows).isEmpty();
        assertThat(problems).containsExactly(new FileProblem(1, "colour", "import.error.json-unknown", List.of()),
                new FileProblem(1, "goal", "import.error.json-value", List.of()),
                new FileProblem(0, null, "import.error.trailing", List.of()));
    }

    @Test
    void aJsonFileMustBeANonEmptyArray() {
        read("{\"code\":\"A\"}", Format.JSON);
        read("[]", Format.JSON);
        read("", Format.JSON);
        assertThat(problems).extracting(FileProblem::messageKey)
                .containsExactly("import.error.json-array", "import.error.no-rows", "import.error.empty");
    }

    @Test
    void numbersAreOnlyPlainDecimals() {
        assertThat(PlainValues.decimal("40")).contains(new BigDecimal("40"));
        assertThat(PlainValues.decimal(" 12,5 ")).contains(new BigDecimal("12.5"));
        assertThat(PlainValues.decimal("-3.25")).contains(new BigDecimal("-3.25"));
        for (String bad : List.of("0x1p5", "40d", "1e308", "NaN", "Infinity", "1 000", "", "+4", "4.")) {
            assertThat(PlainValues.decimal(bad)).as(bad).isEmpty();
        }
        assertThat(PlainValues.integer("7")).contains(7);
        assertThat(PlainValues.integer("7.0")).isEmpty();
    }

    @Test
    void datesMustExistAndLieBetween1900AndAYearAhead() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        assertThat(PlainValues.date("2026-02-28", today).date()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(PlainValues.date("2027-11-30", today).date()).isEqualTo(LocalDate.of(2027, 11, 30));
        assertThat(PlainValues.date("2026-13-01", today).problem()).isEqualTo(PlainValues.DateProblem.NO_SUCH_DAY);
        assertThat(PlainValues.date("2026-02-30", today).problem()).isEqualTo(PlainValues.DateProblem.NO_SUCH_DAY);
        assertThat(PlainValues.date("0001-01-01", today).problem()).isEqualTo(PlainValues.DateProblem.OUT_OF_RANGE);
        assertThat(PlainValues.date("2027-12-01", today).problem()).isEqualTo(PlainValues.DateProblem.OUT_OF_RANGE);
        assertThat(PlainValues.date("1/3/2026", today).problem()).isEqualTo(PlainValues.DateProblem.FORMAT);
        assertThat(PlainValues.date("2026-3-1", today).problem()).isEqualTo(PlainValues.DateProblem.FORMAT);
    }

    @Test
    void aHeaderInAnyOrderIsAcceptedWhenTheFormatAllowsIt() {
        TabularFile anyOrder = new TabularFile(List.of("code", "goal", "level"), false);
        anyOrder.read(new ByteArrayInputStream("LEVEL,code,goal\n1,A,x\n".getBytes(StandardCharsets.UTF_8)), Format.CSV,
                (row, values) -> rows.add(row + ":" + values), problems::add);
        assertThat(problems).isEmpty();
        assertThat(rows).containsExactly("2:{level=1, code=A, goal=x}");
    }

    @Test
    void optionalColumnsMayBeLeftOutButUnknownOnesAreRefused() {
        TabularFile optional = new TabularFile(List.of("code", "goal", "level"), List.of("code"));
        optional.read(new ByteArrayInputStream("level,code\n2,A\n".getBytes(StandardCharsets.UTF_8)), Format.CSV,
                (row, values) -> rows.add(row + ":" + values), problems::add);
        assertThat(rows).containsExactly("2:{level=2, code=A, goal=}");
        optional.read(new ByteArrayInputStream("code,colour\nA,red\n".getBytes(StandardCharsets.UTF_8)), Format.CSV,
                (row, values) -> rows.add(row + ":" + values), problems::add);
        optional.read(new ByteArrayInputStream("goal\nx\n".getBytes(StandardCharsets.UTF_8)), Format.CSV,
                (row, values) -> rows.add(row + ":" + values), problems::add);
        assertThat(rows).hasSize(1);
        assertThat(problems).extracting(FileProblem::messageKey).containsExactly("import.error.header", "import.error.header");
    }
}
