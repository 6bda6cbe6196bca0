package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Every Swedish key has an English twin and the reverse, every key a template uses exists, and
 * no template shows text that does not come from the message bundles.
 */
class I18nTests {

    static final Path I18N = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final List<String> BUNDLES = List.of("messages", "imports", "organisation", "identity", "audit", "followup", "comparison", "kolada", "priority", "knowledge", "competence", "prevention", "trials");
    static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");

    @Test
    void swedishAndEnglishHaveTheSameKeys() throws IOException {
        for (String bundle : BUNDLES) {
            Set<String> swedish = keys(bundle + ".properties");
            Set<String> english = keys(bundle + "_en.properties");
            assertThat(english).as(bundle + ": keys only in Swedish or only in English").isEqualTo(swedish);
        }
    }

    /**
     * An English value that holds å, ä or ö and equals the Swedish one was never translated, and no
     * English value is built with Swedish function words; names quoted in brackets (as
     * "undersköterska") and example search words stay, as they differ from the Swedish value.
     */
    @Test
    void englishValuesAreNotLeftInSwedish() throws IOException {
        Pattern swedishWords = Pattern.compile("(?U)\\b(och|eller|inte|för|från|med|till|av|på|är|som|ska|saknas|finns)\\b");
        List<String> untranslated = new ArrayList<>();
        for (String bundle : BUNDLES) {
            Properties swedish = properties(bundle + ".properties");
            Properties english = properties(bundle + "_en.properties");
            for (String key : english.stringPropertyNames()) {
                String value = english.getProperty(key);
                if (value.matches("(?s).*[åäöÅÄÖ].*") && value.equals(swedish.getProperty(key))) {
                    untranslated.add(bundle + ": " + key + " = " + value);
                } else if (swedishWords.matcher(value).find()) {
                    untranslated.add(bundle + ": " + key + " has Swedish words: " + value);
                }
            }
        }
        assertThat(untranslated).isEmpty();
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (String bundle : BUNDLES) {
            for (String key : keys(bundle + ".properties")) {
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyLiteralKeyInTheTemplatesExists() throws IOException {
        Set<String> all = new TreeSet<>();
        for (String bundle : BUNDLES) {
            all.addAll(keys(bundle + ".properties"));
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = MESSAGE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!all.contains(m.group(1))) {
                    missing.add(template.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            Document doc = Jsoup.parse(Files.readString(template));
            for (Element element : doc.getAllElements()) {
                if (replacesItsText(element)) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    String t = text.text().strip();
                    if (t.matches(".*\\p{L}.*") && !t.matches("\\[\\[.*]]")) {
                        hardCoded.add(template.getFileName() + ": <" + element.tagName() + "> " + t);
                    }
                }
            }
        }
        assertThat(hardCoded).isEmpty();
    }

    /** Thymeleaf replaces the text of an element, or the element itself, when it has one of these. */
    private static boolean replacesItsText(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.tagName().equals("html")) {
                // th:replace on the root element calls the layout; the page's own content still shows
                return false;
            }
            if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Set<String> keys(String file) throws IOException {
        return new TreeSet<>(properties(file).stringPropertyNames());
    }

    private static Properties properties(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(I18N.resolve(file))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
