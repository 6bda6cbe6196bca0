package se.samsyn.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The guide import's counts read as Swedish and English: "1 rad, 1 ny", "2 rader, 2 nya". */
class GuideImportWordingTests {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/knowledge");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    @ParameterizedTest(name = "{0} rows={1}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            sv | 1 | 1 | 0 | 0 | 1 rad: 1 ny, 0 ändrade, 0 oförändrade.
            sv | 3 | 0 | 1 | 2 | 3 rader: 0 nya, 1 ändrad, 2 oförändrade.
            sv | 2 | 2 | 0 | 0 | 2 rader: 2 nya, 0 ändrade, 0 oförändrade.
            sv | 1 | 0 | 0 | 1 | 1 rad: 0 nya, 0 ändrade, 1 oförändrad.
            en | 1 | 1 | 0 | 0 | 1 row: 1 new, 0 changed, 0 unchanged.
            en | 0 | 0 | 0 | 0 | 0 rows: 0 new, 0 changed, 0 unchanged.
            """)
    void theCountsReadAsTheLanguageSays(String language, long rows, long created, long updated, long unchanged,
                                        String expected) {
        assertThat(MESSAGES.getMessage("guide.import.counts", new Object[] {rows, created, updated, unchanged},
                Locale.forLanguageTag(language))).isEqualTo(expected);
    }
}
