package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Reads every page template and checks the forms that change a lot at once (issue "Everyday use",
 * point 7): every delete, revoke, remove, publish and unpublish form asks for confirmation
 * ({@code data-confirm} with an i18n text, or a server-side confirmation step marked
 * {@code data-confirm-step} or carrying {@code confirmed}), and every refresh, fetch, import and
 * upload form shows progress and disables its button ({@code data-busy}); every form with required
 * fields carries the legend of the required-field marker. Forms brought in with
 * {@code th:replace} are checked in their fragment.
 */
class FormSafetyTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern DESTRUCTIVE_ACTION = Pattern.compile("/(delete|revoke|remove|publication)\\b");
    static final Pattern LONG_ACTION = Pattern.compile("/(refresh|fetch|import|verify)\\b|/reference-data\\}");

    record Form(String template, Element element) {
        String action() {
            return element.attr("th:action") + " " + element.attr("action");
        }

        boolean publishes() {
            return !element.select("input[type=hidden][name=target][value=published], input[type=hidden][name=published]")
                    .isEmpty() || element.attr("th:attr").contains("confirm") && element.attr("th:action").contains("/status");
        }

        boolean asksFirst() {
            return element.hasAttr("data-confirm") || element.attr("th:attr").contains("data-confirm=")
                    || element.hasAttr("data-confirm-step") || !element.select("input[name=confirmed]").isEmpty();
        }

        boolean showsProgress() {
            return element.hasAttr("data-busy") && element.getAllElements().stream()
                    .anyMatch(e -> e.attr("th:replace").contains("fragments/forms :: busy"));
        }

        @Override
        public String toString() {
            return template + ": " + action().strip();
        }
    }

    static List<Form> forms() throws IOException {
        List<Form> forms = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
                for (Element form : doc.select("form")) {
                    if (!form.hasAttr("th:replace") && "post".equalsIgnoreCase(form.attr("method"))) {
                        forms.add(new Form(TEMPLATES.relativize(file).toString(), form));
                    }
                }
            }
        }
        return forms;
    }

    @Test
    void everyDeleteRevokeRemoveAndPublishFormAsksFirst() throws IOException {
        List<Form> destructive = forms().stream()
                .filter(f -> DESTRUCTIVE_ACTION.matcher(f.action()).find() || f.publishes()).toList();
        assertThat(destructive).as("the scan finds the known destructive forms").hasSizeGreaterThanOrEqualTo(10);
        assertThat(destructive.stream().filter(f -> !f.asksFirst()).map(Form::toString).toList()).isEmpty();
    }

    @Test
    void theGuideEntryStatusFormsConfirmPublishingAndArchiving() throws IOException {
        Form status = forms().stream().filter(f -> f.template().endsWith("knowledge/entry.html")
                && f.action().contains("/status")).findFirst().orElseThrow();
        assertThat(status.element().attr("th:attr")).contains("'published'", "'archived'", "data-confirm=");
    }

    @Test
    void everyRefreshFetchImportAndUploadFormShowsProgressAndDisablesItsButton() throws IOException {
        List<Form> slow = forms().stream().filter(f -> LONG_ACTION.matcher(f.action()).find()
                || f.element().hasClass("upload-form")).toList();
        assertThat(slow).as("the scan finds the known slow forms").hasSizeGreaterThanOrEqualTo(5);
        assertThat(slow.stream().filter(f -> !f.showsProgress()).map(Form::toString).toList()).isEmpty();
    }

    /**
     * Every form with required fields explains the marker with the legend, except one-line forms
     * inside a table or a row of buttons ({@code inline}, {@code inline-form}) and the sign-in form.
     */
    @Test
    void everyFormWithRequiredFieldsExplainsTheMarker() throws IOException {
        List<Form> withRequired = forms().stream()
                .filter(f -> !f.element().select("[required]").isEmpty())
                .filter(f -> !f.element().hasClass("inline") && !f.element().hasClass("inline-form"))
                .filter(f -> !f.element().hasAttr("data-confirm-step") && !f.template().equals("login.html"))
                .toList();
        assertThat(withRequired).hasSizeGreaterThanOrEqualTo(25);
        assertThat(withRequired.stream().filter(f -> f.element().getAllElements().stream()
                        .noneMatch(e -> e.attr("th:replace").contains("fragments/forms :: required-legend")))
                .map(Form::toString).toList()).isEmpty();
    }
}
