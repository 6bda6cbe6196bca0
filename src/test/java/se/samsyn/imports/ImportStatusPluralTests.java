package se.samsyn.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The competence and prevention import pages' status sentences read as Swedish and English, with
 * the arguments those pages pass (rows, new, unchanged, errors, changed): "1 rad, 1 ny", "1 row".
 */
class ImportStatusPluralTests {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/competence", "i18n/prevention");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    @ParameterizedTest(name = "{0} {1}.{2}: {8}")
    @CsvSource(delimiter = '|', textBlock = """
            sv | competence | imported | 1 | 1 | 0 | 0 | 0 | Inläst: 1 rad, 1 ny, 0 ändrade, 0 oförändrade.
            sv | competence | imported | 3 | 0 | 2 | 0 | 1 | Inläst: 3 rader, 0 nya, 1 ändrad, 2 oförändrade.
            sv | prevention | valid    | 1 | 0 | 1 | 0 | 0 | Provkörningen gick bra: 1 rad, 0 nya, 0 ändrade, 1 oförändrad. Inget har sparats.
            sv | prevention | rejected | 1 | 0 | 0 | 1 | 0 | Filen avvisades: 1 fel i filens enda rad. Inget har sparats.
            sv | competence | rejected | 4 | 0 | 0 | 2 | 0 | Filen avvisades: 2 fel i filens 4 rader. Inget har sparats.
            sv | competence | rejected | 4 | 0 | 0 | 4 | 0 | Filen avvisades: 4 fel i filens 4 rader. Inget har sparats.
            en | competence | rejected | 4 | 0 | 0 | 4 | 0 | The file was rejected: 4 errors in the 4 rows of the file. Nothing was stored.
            en | competence | imported | 1 | 1 | 0 | 0 | 0 | Imported: 1 row, 1 new, 0 changed, 0 unchanged.
            en | prevention | rejected | 1 | 0 | 0 | 1 | 0 | The file was rejected: 1 error in the only row of the file. Nothing was stored.
            en | prevention | rejected | 5 | 0 | 0 | 3 | 0 | The file was rejected: 3 errors in the 5 rows of the file. Nothing was stored.
            """)
    void theStatusReadsAsTheLanguageSays(String language, String module, String status, long rows, long created,
                                         long unchanged, long errors, long changed, String expected) {
        assertThat(MESSAGES.getMessage(module + ".import.status." + status,
                new Object[] {rows, created, unchanged, errors, changed}, Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }
}
