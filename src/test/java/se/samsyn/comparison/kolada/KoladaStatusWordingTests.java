package se.samsyn.comparison.kolada;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The Kolada import page's status sentences read as Swedish and English: "1 rad"/"1 row", any other
 * count "n rader"/"n rows", with the arguments the page passes: kind, rows, new, changed, unchanged,
 * errors; and the sample load's progress with file, rows read, rows in all and per cent.
 */
class KoladaStatusWordingTests {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/kolada");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    @ParameterizedTest(name = "{0} {1} rows={2}: {7}")
    @CsvSource(delimiter = '|', textBlock = """
            sv | imported | 1 | 1 | 0 | 0 | 0 | Inläsningen är klar (värden): 1 rad, 1 ny, 0 ändrade, 0 oförändrade.
            sv | imported | 2 | 0 | 1 | 1 | 0 | Inläsningen är klar (värden): 2 rader, 0 nya, 1 ändrad, 1 oförändrad.
            sv | imported | 2 | 2 | 0 | 0 | 0 | Inläsningen är klar (värden): 2 rader, 2 nya, 0 ändrade, 0 oförändrade.
            sv | valid    | 1 | 0 | 0 | 1 | 0 | Provkörningen gick bra (värden): 1 rad, 0 skulle bli nya, 0 ändrade, 1 är oförändrad. Inget har sparats.
            sv | valid    | 3 | 1 | 1 | 1 | 0 | Provkörningen gick bra (värden): 3 rader, 1 skulle bli ny, 1 ändrad, 1 är oförändrad. Inget har sparats.
            sv | rejected | 1 | 0 | 0 | 0 | 1 | Filen avvisades: 1 fel i filens enda rad. Inget har sparats.
            sv | rejected | 4 | 0 | 0 | 0 | 3 | Filen avvisades: 3 fel i filens 4 rader. Inget har sparats.
            en | imported | 1 | 1 | 0 | 0 | 0 | Import complete (values): 1 row, 1 new, 0 changed, 0 unchanged.
            en | valid    | 2 | 0 | 0 | 1 | 0 | The dry run passed (values): 2 rows, 0 would be new, 0 changed, 1 is unchanged. Nothing was stored.
            en | rejected | 1 | 0 | 0 | 0 | 1 | The file was rejected: 1 error in the only row of the file. Nothing was stored.
            en | rejected | 4 | 0 | 0 | 0 | 3 | The file was rejected: 3 errors in the 4 rows of the file. Nothing was stored.
            """)
    void theImportStatusReadsAsTheLanguageSays(String language, String status, long rows, long imported, long updated,
                                               long unchanged, long errors, String expected) {
        Locale locale = Locale.forLanguageTag(language);
        String kind = MESSAGES.getMessage("kolada.kind.values", null, locale);
        assertThat(MESSAGES.getMessage("kolada.status." + status,
                new Object[] {kind, rows, imported, updated, unchanged, errors}, locale)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            sv | running | 0 | 1      | 0   | Läser in kpi.csv: 0 av 1 rad (0 %).
            sv | done    | 1 | 1      | 100 | Urvalet är inläst: 1 av 1 rad lästes.
            sv | done    | 7 | 7      | 100 | Urvalet är inläst: 7 av 7 rader lästes.
            en | running | 2 | 8      | 25  | Loading kpi.csv: 2 of 8 rows (25 %).
            en | failed  | 0 | 1      | 0   | Loading the sample failed: 0 of 1 row read.
            """)
    void theSampleProgressReadsAsTheLanguageSays(String language, String state, long read, long total, long percent,
                                                 String expected) {
        assertThat(MESSAGES.getMessage("kolada.sample.state." + state, new Object[] {"kpi.csv", read, total, percent},
                Locale.forLanguageTag(language))).isEqualTo(expected);
    }
}
