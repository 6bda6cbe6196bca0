package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The import page's status sentences read as Swedish and English: one row is "1 rad"/"1 row", any
 * other count (0 included) "n rader"/"n rows", and likewise for the other counts, with the
 * arguments the page passes: rows, new, unchanged, errors, corrected.
 */
class ImportStatusWordingTests {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/followup");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    @ParameterizedTest(name = "{0} {1} rows={2}: {7}")
    @CsvSource(delimiter = '|', textBlock = """
            sv | imported | 1 | 1 | 0 | 0 | 0 | Importen är klar: 1 rad, 1 ny, 0 rättade, 0 oförändrade.
            sv | imported | 1 | 0 | 0 | 0 | 1 | Importen är klar: 1 rad, 0 nya, 1 rättad, 0 oförändrade.
            sv | imported | 1 | 0 | 1 | 0 | 0 | Importen är klar: 1 rad, 0 nya, 0 rättade, 1 oförändrad.
            sv | imported | 3 | 2 | 0 | 0 | 1 | Importen är klar: 3 rader, 2 nya, 1 rättad, 0 oförändrade.
            sv | valid    | 1 | 1 | 0 | 0 | 0 | Provkörningen gick bra: 1 rad, 1 skulle bli ny, 0 skulle rättas, 0 är oförändrade. Inget har sparats.
            sv | valid    | 1 | 0 | 1 | 0 | 0 | Provkörningen gick bra: 1 rad, 0 skulle bli nya, 0 skulle rättas, 1 är oförändrad. Inget har sparats.
            sv | valid    | 4 | 2 | 2 | 0 | 0 | Provkörningen gick bra: 4 rader, 2 skulle bli nya, 0 skulle rättas, 2 är oförändrade. Inget har sparats.
            sv | rejected | 1 | 0 | 0 | 1 | 0 | Filen avvisades: 1 fel i filens enda rad. Inget har sparats.
            sv | rejected | 2 | 0 | 0 | 1 | 0 | Filen avvisades: 1 fel i filens 2 rader. Inget har sparats.
            sv | rejected | 0 | 0 | 0 | 1 | 0 | Filen avvisades: 1 fel i en fil utan rader. Inget har sparats.
            en | imported | 1 | 1 | 0 | 0 | 0 | The import is done: 1 row, 1 new, 0 corrected, 0 unchanged.
            en | imported | 3 | 2 | 0 | 0 | 1 | The import is done: 3 rows, 2 new, 1 corrected, 0 unchanged.
            en | valid    | 1 | 0 | 1 | 0 | 0 | The dry run passed: 1 row, 0 would be new, 0 would be corrected, 1 unchanged. Nothing was saved.
            en | valid    | 0 | 0 | 0 | 0 | 0 | The dry run passed: 0 rows, 0 would be new, 0 would be corrected, 0 unchanged. Nothing was saved.
            en | rejected | 1 | 0 | 0 | 1 | 0 | The file was rejected: 1 error in the only row of the file. Nothing was saved.
            en | rejected | 4 | 0 | 0 | 3 | 0 | The file was rejected: 3 errors in the 4 rows of the file. Nothing was saved.
            """)
    void theStatusReadsAsTheLanguageSays(String language, String status, long rows, long imported, long unchanged,
                                         long errors, long updated, String expected) {
        assertThat(MESSAGES.getMessage("import.status." + status,
                new Object[] {rows, imported, unchanged, errors, updated}, Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }
}
