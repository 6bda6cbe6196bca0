package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The import page's status sentences read as Swedish and English: one row is "1 rad"/"1 row", any
 * other count "n rader"/"n rows" (and likewise for the other counts), with the arguments the page
 * passes: rows, new, unchanged, errors, corrected.
 */
class ImportStatusWordingTests {

    private static final Locale SV = Locale.forLanguageTag("sv");

    private final ResourceBundleMessageSource messages = messages();

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/followup");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private String status(String status, Locale locale, long rows, long imported, long unchanged, long errors,
                          long updated) {
        return messages.getMessage("import.status." + status, new Object[] {rows, imported, unchanged, errors, updated},
                locale);
    }

    @Test
    void oneRowIsOneRadInSwedish() {
        assertThat(status("imported", SV, 1, 1, 0, 0, 0)).isEqualTo("Importen är klar: 1 rad, 1 ny, 0 rättade, 0 oförändrade.");
        assertThat(status("imported", SV, 1, 0, 0, 0, 1)).isEqualTo("Importen är klar: 1 rad, 0 nya, 1 rättad, 0 oförändrade.");
        assertThat(status("imported", SV, 1, 0, 1, 0, 0)).isEqualTo("Importen är klar: 1 rad, 0 nya, 0 rättade, 1 oförändrad.");
        assertThat(status("valid", SV, 1, 1, 0, 0, 0))
                .isEqualTo("Provkörningen gick bra: 1 rad, 1 skulle bli ny, 0 skulle rättas, 0 är oförändrade. Inget har sparats.");
        assertThat(status("valid", SV, 1, 0, 1, 0, 0))
                .isEqualTo("Provkörningen gick bra: 1 rad, 0 skulle bli nya, 0 skulle rättas, 1 är oförändrad. Inget har sparats.");
        assertThat(status("rejected", SV, 1, 0, 0, 1, 0)).isEqualTo("Filen avvisades: 1 fel på 1 rad. Inget har sparats.");
    }

    @Test
    void otherCountsAreRaderInSwedish() {
        assertThat(status("imported", SV, 3, 2, 0, 0, 1)).isEqualTo("Importen är klar: 3 rader, 2 nya, 1 rättad, 0 oförändrade.");
        assertThat(status("valid", SV, 4, 2, 2, 0, 0))
                .isEqualTo("Provkörningen gick bra: 4 rader, 2 skulle bli nya, 0 skulle rättas, 2 är oförändrade. Inget har sparats.");
        assertThat(status("rejected", SV, 2, 0, 0, 1, 0)).isEqualTo("Filen avvisades: 1 fel på 2 rader. Inget har sparats.");
        assertThat(status("rejected", SV, 0, 0, 0, 1, 0)).isEqualTo("Filen avvisades: 1 fel på 0 rader. Inget har sparats.");
    }

    @Test
    void oneRowIsOneRowInEnglish() {
        assertThat(status("imported", Locale.ENGLISH, 1, 1, 0, 0, 0))
                .isEqualTo("The import is done: 1 row, 1 new, 0 corrected, 0 unchanged.");
        assertThat(status("valid", Locale.ENGLISH, 1, 0, 1, 0, 0))
                .isEqualTo("The dry run passed: 1 row, 0 would be new, 0 would be corrected, 1 unchanged. Nothing was saved.");
        assertThat(status("rejected", Locale.ENGLISH, 1, 0, 0, 1, 0))
                .isEqualTo("The file was rejected: 1 error in 1 row. Nothing was saved.");
    }

    @Test
    void otherCountsAreRowsInEnglish() {
        assertThat(status("imported", Locale.ENGLISH, 3, 2, 0, 0, 1))
                .isEqualTo("The import is done: 3 rows, 2 new, 1 corrected, 0 unchanged.");
        assertThat(status("valid", Locale.ENGLISH, 0, 0, 0, 0, 0))
                .isEqualTo("The dry run passed: 0 rows, 0 would be new, 0 would be corrected, 0 unchanged. Nothing was saved.");
        assertThat(status("rejected", Locale.ENGLISH, 4, 0, 0, 3, 0))
                .isEqualTo("The file was rejected: 3 errors in 4 rows. Nothing was saved.");
    }
}
