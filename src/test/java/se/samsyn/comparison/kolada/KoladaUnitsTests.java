package se.samsyn.comparison.kolada;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.samsyn.comparison.MeasureUnit;

class KoladaUnitsTests {

    @Test
    void infersTheUnitFromKoladaTitles() {
        assertThat(KoladaUnits.fromTitle("Nettokostnad individ- och familjeomsorg, kr/inv")).isEqualTo(MeasureUnit.SEK);
        assertThat(KoladaUnits.fromTitle("Kostnad äldreomsorg, kr/inv 65+")).isEqualTo(MeasureUnit.SEK);
        assertThat(KoladaUnits.fromTitle("Nettokostnadsavvikelse individ- och familjeomsorg, (%)"))
                .isEqualTo(MeasureUnit.PERCENT);
        assertThat(KoladaUnits.fromTitle("Invånare 80+ i särskilt boende, andel (%)")).isEqualTo(MeasureUnit.PERCENT);
        assertThat(KoladaUnits.fromTitle("Barn och unga 0-20 år som har varit placerade på HVB någon gång under året, antal/1000 inv"))
                .isEqualTo(MeasureUnit.PER_1000);
        assertThat(KoladaUnits.fromTitle("Placerade per 1000 invånare")).isEqualTo(MeasureUnit.PER_1000);
        assertThat(KoladaUnits.fromTitle("Personer med daglig verksamhet enligt LSS, antal/10 000 inv"))
                .isEqualTo(MeasureUnit.COUNT);
        assertThat(KoladaUnits.fromTitle("Biståndshushåll, ekonomiskt bistånd, antal")).isEqualTo(MeasureUnit.COUNT);
        assertThat(KoladaUnits.fromTitle("Utbetalt ekonomiskt bistånd totalt, tkr")).isEqualTo(MeasureUnit.COUNT);
        assertThat(KoladaUnits.fromTitle("Medelvårdtid som utskrivningsklar, antal dagar")).isEqualTo(MeasureUnit.DAYS);
        assertThat(KoladaUnits.fromTitle("Medelålder för äldre i särskilt boende, år")).isEqualTo(MeasureUnit.COUNT);
    }

    @Test
    void readsTheSourceFromADescription() {
        assertThat(KoladaImport.sourceOf("Nettokostnad ... Avser samtlig regi. Källa: SCB:s Räkenskapssammandrag."))
                .isEqualTo("SCB:s Räkenskapssammandrag");
        assertThat(KoladaImport.sourceOf("Ingen källa här")).isNull();
    }
}
