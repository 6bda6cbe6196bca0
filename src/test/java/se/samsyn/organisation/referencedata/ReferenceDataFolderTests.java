package se.samsyn.organisation.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import se.samsyn.organisation.ReferenceDataLocation;

/** Where the start-up load looks: the shipped copy by default, or a folder on disk named by the setting. */
class ReferenceDataFolderTests {

    @Test
    void noSettingMeansTheCopyShippedInTheJar() {
        assertThat(ReferenceDataLocation.of(null)).isEqualTo("classpath:reference-data/");
        assertThat(ReferenceDataLocation.of(" ")).isEqualTo("classpath:reference-data/");
        assertThat(ReferenceDataLocation.of("classpath:other")).isEqualTo("classpath:other/");
    }

    @Test
    void aFolderOnDiskIsReadInsteadWithOnlyTheFilesItHolds(@TempDir Path folder) throws IOException {
        String counties = "county_code,county_name,county_name_short,municipality_count\n12,Skåne län,Skåne,33\n";
        Files.writeString(folder.resolve("counties.csv"), counties, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("unrelated.csv"), "a,b\n", StandardCharsets.UTF_8);

        String location = ReferenceDataLocation.of(folder.toString());
        assertThat(location).isEqualTo(folder.toUri().toString());
        List<ReferenceFile> files = ReferenceDataFolder.read(new DefaultResourceLoader(), location);

        assertThat(files).hasSize(1);
        assertThat(files.get(0).kind()).isEqualTo(ReferenceFileKind.COUNTIES);
        assertThat(new String(files.get(0).content(), StandardCharsets.UTF_8)).isEqualTo(counties);
    }

    @Test
    void aMissingFolderGivesNoFiles(@TempDir Path folder) {
        assertThat(ReferenceDataFolder.read(new DefaultResourceLoader(),
                ReferenceDataLocation.of(folder.resolve("missing").toString()))).isEmpty();
    }
}
