package se.samsyn.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Import;
import se.samsyn.audit.AuditNames;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditEntry;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditPage;
import se.samsyn.audit.AuditQuery;
import se.samsyn.audit.AuditTrail;
import se.samsyn.audit.ChainVerification;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** The audit page on the web layer alone: the rows it shows (Swedish time, outcome in words) and the verification. */
@WebSliceTest(AuditPages.class)
@Import({AuditWording.class, AuditPagesWebTests.Names.class})
class AuditPagesWebTests {

    /** Names as the modules give them: account 4 is "ny", municipality 1880 is Stockholm, and one municipality to pick. */
    static class Names implements AuditNames {
        @Override
        public Optional<String> name(String kind, String code, Locale locale) {
            if (kind.equals("user") && code.equals("4")) {
                return Optional.of("ny");
            }
            return kind.equals("municipality") && code.equals("1880") ? Optional.of("Stockholm") : Optional.empty();
        }

        @Override
        public Map<String, String> all(String kind, Locale locale) {
            return kind.equals("municipality") ? Map.of("1880", "Stockholm") : Map.of();
        }
    }

    static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR, Scope.municipality("1880"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditTrail trail;

    private void oneEntryGiven() {
        when(trail.search(any(), any())).thenReturn(new AuditPage(List.of(new AuditEntry(17,
                Instant.parse("2025-01-05T09:30:00Z"), "admin", "ADMINISTRATOR", "MUNICIPALITY:1880", "USER_CREATED",
                AuditCategory.SECURITY, AuditOutcome.DENIED, "user", "4", "1880", null, null, "username=ny")),
                1, 0, 50));
    }

    @Test
    void thePageShowsEachEntryInSwedishTimeAndWords() throws Exception {
        oneEntryGiven();
        Document page = Jsoup.parse(mvc.perform(get("/admin/audit").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Granskningslogg");
        assertThat(page.select("#audit-table tbody tr").get(0).select("td").eachText()).containsExactly(
                "17", "2025-01-05 10:30", "admin", "Användare skapad", "Nekades", "Användare ny", "Stockholm",
                "Användarnamn: ny");
        assertThat(page.select("#action option[value=LOGIN_FAILED]").eachText()).containsExactly("Inloggning misslyckades");
        assertThat(page.select("#municipality option").eachText()).containsExactly("Alla", "Stockholm");
        assertThat(page.select("p[role=status]").eachText()).contains("1 händelse");
        assertThat(page.selectFirst("#verification")).isNull();
    }

    @Test
    void theCategoryFilterIsKeptOnTheFormAndInThePageLinks() throws Exception {
        when(trail.search(any(), any())).thenReturn(new AuditPage(List.of(), 120, 0, 50));
        Document page = Jsoup.parse(mvc.perform(get("/admin/audit").param("category", "security").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        verify(trail).search(new AuditQuery(null, null, null, null, AuditCategory.SECURITY, null, 0, 50),
                Scope.municipality("1880"));
        assertThat(page.select("#category option[selected]").eachAttr("value")).containsExactly("security");
        assertThat(page.select("#category option").eachAttr("value"))
                .containsExactly("", "security", "administration", "individual-read", "individual-write");
        assertThat(page.select("a[href*=page=1]").attr("href")).contains("category=security");
    }

    @Test
    void aCountedAggregateOfFailedLoginsNamesItsReasonsAndWindow() throws Exception {
        when(trail.search(any(), any())).thenReturn(new AuditPage(List.of(
                new AuditEntry(9, Instant.parse("2025-01-05T09:30:00Z"), "unknown", null, null,
                        "LOGIN_FAILED_REPEATED", AuditCategory.SECURITY, AuditOutcome.FAILURE, null, null, null, null, null,
                        "count=49; rate-limited=30; unknown-user=19; window=PT10M")), 1, 0, 50));
        Document sv = Jsoup.parse(mvc.perform(get("/admin/audit").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(sv.select("#audit-table tbody tr").get(0).select("td").eachText()).contains(
                "Inloggning misslyckades upprepade gånger",
                "Antal: 49; för många försök på kort tid: 30; okänt användarnamn: 19; Tidsfönster: 10 min");
        Document en = Jsoup.parse(mvc.perform(get("/admin/audit").param("lang", "en").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(en.select("#audit-table tbody tr").get(0).select("td").eachText()).contains(
                "Login failed repeatedly");
        when(trail.search(any(), any())).thenReturn(new AuditPage(List.of(
                new AuditEntry(10, Instant.parse("2025-01-05T09:40:00Z"), "admin", "ADMINISTRATOR", "NATION:0000",
                        "UNIT_CREATED", AuditCategory.ADMINISTRATION, AuditOutcome.SUCCESS, null, null, null, null, null,
                        "role=CASE_WORKER; focusAreas=elderly-care,homelessness")), 1, 0, 50));
        Document unit = Jsoup.parse(mvc.perform(get("/admin/audit").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(unit.select("#audit-table tbody tr").get(0).select("td").eachText()).contains(
                "Roll: Handläggare; Fokusområden: Äldreomsorg, Hemlöshet");
    }

    @Test
    void reasonsScopesAndUnknownActionsAreInWordsInBothLanguages() throws Exception {
        when(trail.search(any(), any())).thenReturn(new AuditPage(List.of(
                new AuditEntry(3, Instant.parse("2025-01-05T09:30:00Z"), "okänd", "CASE_WORKER", "UNIT:1280-IFO-BU",
                        "LOGIN_FAILED", AuditCategory.SECURITY, AuditOutcome.FAILURE, null, null, null, null, null,
                        "reason=bad-credentials; failuresInARow=2"),
                new AuditEntry(2, Instant.parse("2025-01-05T09:00:00Z"), "admin", "ADMINISTRATOR", "NATION:0000",
                        "SOMETHING_NEW", AuditCategory.ADMINISTRATION, AuditOutcome.SUCCESS, "report", "needs", null,
                        null, null, "scope=nation:0000")), 2, 0, 50));
        Document sv = Jsoup.parse(mvc.perform(get("/admin/audit").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        // eachText leaves out the empty cells (no object, no municipality)
        assertThat(sv.select("#audit-table tbody tr").get(0).select("td").eachText()).containsExactly(
                "3", "2025-01-05 10:30", "okänd", "Inloggning misslyckades", "Misslyckades",
                "Orsak: fel användarnamn eller lösenord; Misslyckade i rad: 2");
        assertThat(sv.select("#audit-table tbody tr").get(1).select("td").eachText()).containsExactly(
                "2", "2025-01-05 10:00", "admin", "Annan händelse (SOMETHING_NEW)", "Lyckades", "Behovsrapport",
                "Omfång: Riket");

        Document en = Jsoup.parse(mvc.perform(get("/admin/audit").param("lang", "en").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(en.select("#audit-table tbody tr").get(0).select("td").get(7).text())
                .isEqualTo("Reason: wrong username or password; Failures in a row: 2");
        assertThat(en.select("#audit-table tbody tr").get(0).select("td").get(3).text()).isEqualTo("Login failed");
    }

    /** The details the code writes as words and names in both languages: no bare codes or English on a Swedish page. */
    @Test
    void detailsOfRefreshesUsesAndPasswordChangesAreInWords() throws Exception {
        when(trail.search(any(), any())).thenReturn(new AuditPage(List.of(
                new AuditEntry(7, Instant.parse("2025-01-05T09:40:00Z"), "admin", "ADMINISTRATOR", "NATION:0000",
                        "INDICATORS_REFRESHED", AuditCategory.ADMINISTRATION, AuditOutcome.SUCCESS, "indicator", "*",
                        null, null, null, "indicators=computed; count=15"),
                new AuditEntry(6, Instant.parse("2025-01-05T09:30:00Z"), "anna", "CASE_WORKER", "UNIT:1280-IFO-BU",
                        "TRIAL_USE_RECORDED", AuditCategory.ADMINISTRATION, AuditOutcome.SUCCESS, null, null,
                        null, null, null, "date=2026-05-26; minutes=5; source=page"),
                new AuditEntry(5, Instant.parse("2025-01-05T09:20:00Z"), "anna", "CASE_WORKER", "UNIT:1280-IFO-BU",
                        "PASSWORD_CHANGED", AuditCategory.SECURITY, AuditOutcome.SUCCESS, null, null,
                        null, null, null, "reason=by-account-holder"),
                new AuditEntry(4, Instant.parse("2025-01-05T09:10:00Z"), "editor", "NATIONAL_EDITOR", "NATION:0000",
                        "GUIDE_ENTRY_PUBLISHED", AuditCategory.ADMINISTRATION, AuditOutcome.SUCCESS, null, null,
                        null, null, null, "previousStatus=review; confirmed=true"),
                new AuditEntry(3, Instant.parse("2025-01-05T09:00:00Z"), "admin", "ADMINISTRATOR", "NATION:0000",
                        "REPORT_READ", AuditCategory.INDIVIDUAL_READ, AuditOutcome.SUCCESS, "report", "needs",
                        null, null, null, "kind=values; rows=3")), 5, 0, 50));
        Document sv = Jsoup.parse(mvc.perform(get("/admin/audit").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var rows = sv.select("#audit-table tbody tr");
        assertThat(rows.get(0).select("td").get(5).text()).isEqualTo("Indikator (alla)");
        assertThat(rows.get(0).select("td").get(7).text()).isEqualTo("Indikatorer: beräknade; Antal: 15");
        assertThat(rows.get(1).select("td").get(7).text()).isEqualTo("Datum: 2026-05-26; Minuter: 5; Via: webbsidan");
        assertThat(rows.get(2).select("td").get(7).text()).isEqualTo("Orsak: kontoinnehavaren bytte på eget initiativ");
        assertThat(rows.get(3).select("td").get(7).text()).isEqualTo("Tidigare status: Granskas; Bekräftad: ja");
        assertThat(sv.select("p[role=status]").eachText()).contains("5 händelser");
        assertThat(rows.get(4).select("td").get(5).text()).isEqualTo("Behovsrapport");
        assertThat(rows.get(4).select("td").get(7).text()).isEqualTo("Typ: värden; Rader: 3");
        Document en = Jsoup.parse(mvc.perform(get("/admin/audit").param("lang", "en").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var english = en.select("#audit-table tbody tr");
        assertThat(english.get(0).select("td").get(5).text()).isEqualTo("Indicator (all)");
        assertThat(english.get(1).select("td").get(7).text()).isEqualTo("Date: 2026-05-26; Minutes: 5; Via: the web page");
        assertThat(english.get(3).select("td").get(7).text()).isEqualTo("Previous status: In review; Confirmed: yes");
        assertThat(english.get(4).select("td").get(5).text()).isEqualTo("Needs report");
        assertThat(en.select("p[role=status]").eachText()).contains("5 events");
    }

    /**
     * Every key the code writes into audit details ("count=" or "; fields=" in a string literal) has a
     * label in both bundles. The few literals of that shape that are not audit details (HTTP headers,
     * link relations, the protection rules' fingerprint) are named here.
     */
    @Test
    void everyDetailKeyTheCodeWritesHasALabelInBothBundles() throws Exception {
        java.util.Properties sv = bundle("/i18n/audit.properties");
        java.util.Properties en = bundle("/i18n/audit_en.properties");
        java.util.Set<String> notDetails = java.util.Set.of("charset", "filename", "rel", "dryRun", "t", "bins", "rules");
        java.util.regex.Pattern first = java.util.regex.Pattern.compile("\"(?:[^\"\\\\\n]*;\\s*)?([a-z][A-Za-z]*)=\"");
        java.util.regex.Pattern later = java.util.regex.Pattern.compile("\"[^\"\\\\\n]*;\\s*([a-z][A-Za-z]*)=");
        java.util.Set<String> keys = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = java.nio.file.Files.readString(f);
                for (java.util.regex.Pattern pattern : List.of(first, later)) {
                    java.util.regex.Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        assertThat(keys).contains("count", "date", "source", "minutes", "previousStatus", "benefit");
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (String key : keys) {
            for (java.util.Properties bundle : List.of(sv, en)) {
                if (!notDetails.contains(key) && !bundle.containsKey("audit.detail." + key)
                        && !bundle.containsKey("audit.reason." + key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyActionTheCodeRecordsHasANameInBothBundles() throws Exception {
        java.util.Properties sv = bundle("/i18n/audit.properties");
        java.util.Properties en = bundle("/i18n/audit_en.properties");
        // codes with an underscore anywhere in an auditing class, and one-word codes given to AuditRecord.of ("LOGOUT")
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile(
                "\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"|AuditRecord\\.of\\(\"([A-Z][A-Z0-9]*)\"");
        java.util.Set<String> missing = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = java.nio.file.Files.readString(f);
                if (!source.contains("AuditRecord") && !source.contains("audited(")) {
                    continue;
                }
                java.util.regex.Matcher m = literal.matcher(source);
                while (m.find()) {
                    String code = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!code.startsWith("SAMSYN_") && (!sv.containsKey("audit.action." + code)
                            || !en.containsKey("audit.action." + code))) {
                        missing.add(code);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** A properties file from the class path, read as UTF-8. */
    private java.util.Properties bundle(String resource) throws java.io.IOException {
        java.util.Properties bundle = new java.util.Properties();
        try (var in = getClass().getResourceAsStream(resource)) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return bundle;
    }

    @Test
    void aVerificationSaysWhereTheChainBroke() throws Exception {
        oneEntryGiven();
        when(trail.verify()).thenReturn(new ChainVerification(false, 40, 12L, "audit.verify.altered",
                Instant.parse("2025-02-01T10:00:00Z")));
        var verified = mvc.perform(post("/admin/audit/verify").with(as(ADMIN)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/admin/audit"))
                .andReturn().getFlashMap().get("verification");
        Document page = Jsoup.parse(mvc.perform(get("/admin/audit").flashAttr("verification", verified).with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#verification").text())
                .isEqualTo("Loggen är bruten vid händelse 12: händelsens innehåll har ändrats.");
        // the verification is itself recorded, in the administrator's municipality
        var recorded = org.mockito.ArgumentCaptor.forClass(se.samsyn.audit.AuditRecord.class);
        verify(trail).record(recorded.capture());
        assertThat(recorded.getValue()).extracting(r -> r.action(), r -> r.outcome(), r -> r.municipalityCode(), r -> r.details())
                .containsExactly("AUDIT_CHAIN_VERIFIED", AuditOutcome.FAILURE, "1880", "entries=40; intact=false; firstBroken=12");
    }

    @Test
    void aCappedCountIsShownAsALowerBound() throws Exception {
        when(trail.search(any(), any())).thenReturn(new AuditPage(List.of(), 10_050, 0, 50, true));
        Document page = Jsoup.parse(mvc.perform(get("/admin/audit").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("p[role=status]").eachText()).contains("Fler än 10 050 händelser");
        assertThat(page.selectFirst("nav.pager span").text()).isEqualTo("Sida 1 av fler än 201");
        assertThat(page.select("a[href*=page=1]").text()).isEqualTo("Nästa");
    }

    @Test
    void theExportStreamsTheMatchesAsCsvWithinTheViewersScope() throws Exception {
        org.mockito.Mockito.doAnswer(call -> {
            java.util.function.Consumer<AuditEntry> consumer = call.getArgument(2);
            consumer.accept(new AuditEntry(17, Instant.parse("2025-01-05T09:30:00Z"), "admin", "ADMINISTRATOR",
                    "municipality:1880", "USER_CREATED", AuditCategory.SECURITY, AuditOutcome.DENIED, "user", "4",
                    "1880", null, null, "=username=ny"));
            return null;
        }).when(trail).forEach(any(), any(), any());
        var response = mvc.perform(get("/admin/audit/export.csv").param("category", "security").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse();

        verify(trail).forEach(org.mockito.ArgumentMatchers.eq(
                new AuditQuery(null, null, null, null, AuditCategory.SECURITY, null, 0, 50)),
                org.mockito.ArgumentMatchers.eq(Scope.municipality("1880")), any());
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "seq,occurred_at,actor,actor_role,actor_scope,action,category,outcome,object_type,object_id,"
                + "municipality_code,county_code,unit_code,details\r\n"
                + "17,2025-01-05T09:30:00Z,admin,ADMINISTRATOR,municipality:1880,USER_CREATED,security,denied,user,4,"
                + "1880,,,'=username=ny\r\n");
        var recorded = org.mockito.ArgumentCaptor.forClass(se.samsyn.audit.AuditRecord.class);
        verify(trail).record(recorded.capture());
        assertThat(recorded.getValue()).extracting(r -> r.action(), r -> r.outcome(), r -> r.municipalityCode(), r -> r.details())
                .containsExactly("AUDIT_EXPORTED", AuditOutcome.SUCCESS, "1880", "entries=1");
    }
}
