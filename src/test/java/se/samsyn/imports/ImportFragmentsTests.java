package se.samsyn.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The one upload form and result table of the import pages, rendered on their own. */
class ImportFragmentsTests {

    private final SpringTemplateEngine engine = engine();

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setCheckExistence(true);
        templates.setOrder(1);
        StringTemplateResolver hosts = new StringTemplateResolver();
        hosts.setOrder(2);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/imports");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolvers(Set.of(templates, hosts));
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    private Document render(String selector, Locale locale, Map<String, Object> variables) {
        String host = "<div th:replace=\"~{fragments/imports :: " + selector + "}\"></div>";
        return Jsoup.parse(engine.process(host, new Context(locale, variables)));
    }

    @Test
    void theResultShowsTheOutcomeAndEveryListedErrorWithItsArgumentsInTheUsersLanguage() {
        List<FileProblem> errors = List.of(new FileProblem("a.csv", 3, null, "import.error.duplicate-row", List.of("2")),
                new FileProblem("a.csv", 4, null, "import.error.field-count", List.of("7", "5")));
        Map<String, Object> variables = Map.of("statusText", "Filen avvisades.", "rejected", true, "errors", errors,
                "errorCount", 2L, "fileColumn", true);
        Document sv = render("result(${statusText}, ${rejected}, ${errors}, ${errorCount}, ${fileColumn})",
                Locale.forLanguageTag("sv"), variables);
        assertThat(sv.select("p[role=status]").text()).isEqualTo("Filen avvisades.");
        assertThat(sv.select("p[role=status]").hasClass("error")).isTrue();
        assertThat(sv.select("#import-errors caption").text()).isEqualTo("2 fel");
        assertThat(sv.select("#import-errors tbody tr").eachText()).containsExactly(
                "a.csv 3 Raden har samma nyckel som rad 2. Varje post får bara finnas en gång i filen.",
                "a.csv 4 Raden har 7 fält men rubrikraden har 5.");
        Document en = render("result(${statusText}, ${rejected}, ${errors}, ${errorCount}, ${fileColumn})",
                Locale.ENGLISH, variables);
        assertThat(en.select("#import-errors thead th").eachText()).containsExactly("File", "Row", "Field", "Reason");
    }

    @Test
    void theUploadFormHasTheFileTheDryRunCheckedAndTheSubmitButton() {
        Document form = render("upload(${action}, 'file', ~{}, 'run-import')", Locale.forLanguageTag("sv"),
                Map.of("action", "/comparisons/kolada/import"));
        assertThat(form.select("form").attr("action")).isEqualTo("/comparisons/kolada/import");
        assertThat(form.select("form").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.select("input#file[type=file][name=file]")).hasSize(1);
        assertThat(form.select("input#upload-dry-run[name=dryRun]").hasAttr("checked")).isTrue();
        assertThat(form.select("button#run-import").text()).isEqualTo("Läs in");
        assertThat(form.select("label[for=file]").text()).isEqualTo("Fil (CSV eller JSON, UTF-8)");
    }
}
