package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.ResultRow;
import se.samsyn.disclosure.Cell;
import se.samsyn.followup.PublishedOutcomeTable;
import se.samsyn.followup.PublishedOutcomes;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The outcome indicators of a year against the same year's whole stored outcome report, through
 * the real refresh (ADR 0015, "The whole report against the indicators"), on a small table shaped
 * like the ones the random search found ({@code ReportJointSearchTests}): Skåne (Malmö 1280 with two
 * units, Lund 1281, Helsingborg 1283) and Stockholm's county (Stockholm 0180 with two units,
 * Södertälje 0181), Malmö and Stockholm in the kommungrupp A1, few women in Malmö and Stockholm,
 * every client with one or both of two interventions, baselines of 40 and 60 (two baseline bins,
 * up to five follow-up bins). The reports are stored, the indicators marked by the refresh, and
 * then an independent attacker ({@link JointAttack}) reads every published cell of every outcome
 * indicator of all interventions and of every row, distribution bin and scope of the stored
 * report, with every relation of both (the report's from {@link PublishedOutcomes#table}, the
 * indicator's T = K + M, region, nation and kommungrupp sums), a cell hidden in both one unknown:
 * no hidden count is narrowed below the protection level. With the indicators marked from the
 * report's all-interventions row only (the wiring before), the same attack narrowed the women of
 * Malmö and Stockholm (3 each, hidden in both publications) to 2 … 4 in S00001 and S00002, and 22
 * hidden report cells of each (their units' and intervention rows' among them) with them.
 */
abstract class WholeReportMarkingTests {

    private static final int THRESHOLD = 5;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Units units;

    @Autowired
    PublishedOutcomes published;

    @Autowired
    ResultRefresh refresh;

    @Autowired
    ComparisonRepository repository;

    /** Per municipality and sex: clients with MI only, CRA only, both; per unit where the municipality has two. */
    private void record() {
        Actor admin = new Actor("setup", Role.ADMINISTRATOR, Scope.nation());
        for (String m : List.of("1280", "1281", "1283", "0180", "0181")) {
            units.register(admin, new NewUnit(m, m + "-J1", "Enhet " + m + " 1", Set.of(FocusArea.SUBSTANCE_USE)));
        }
        units.register(admin, new NewUnit("1280", "1280-J2", "Enhet 1280 2", Set.of(FocusArea.SUBSTANCE_USE)));
        units.register(admin, new NewUnit("0180", "0180-J2", "Enhet 0180 2", Set.of(FocusArea.SUBSTANCE_USE)));
        // municipality, unit, sex, MI only, CRA only, both
        Object[][] groups = {
            {"1280", "1280-J1", "K", 1, 0, 1}, {"1280", "1280-J2", "K", 0, 1, 0},
            {"1280", "1280-J1", "M", 3, 1, 0}, {"1280", "1280-J2", "M", 2, 1, 1},
            {"1281", "1281-J1", "K", 3, 2, 1}, {"1281", "1281-J1", "M", 2, 3, 2},
            {"1283", "1283-J1", "K", 4, 2, 2}, {"1283", "1283-J1", "M", 1, 2, 1},
            {"0180", "0180-J1", "K", 1, 1, 0}, {"0180", "0180-J2", "K", 0, 0, 1},
            {"0180", "0180-J1", "M", 2, 2, 1}, {"0180", "0180-J2", "M", 2, 1, 1},
            {"0181", "0181-J1", "K", 3, 2, 2}, {"0181", "0181-J1", "M", 2, 2, 2},
        };
        int next = 0;
        for (Object[] g : groups) {
            String[][] kinds = {{"MI"}, {"CRA"}, {"MI", "CRA"}};
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < (Integer) g[3 + k]; i++) {
                    long id = client((String) g[0], (String) g[1], (String) g[2], "whole-report-" + next);
                    // changes +20, 0, +10, ... so that no share is 0 % or 100 %
                    int change = next % 3 == 0 ? 20 : next % 3 == 1 ? 0 : 10;
                    // baselines 40 and, for every fourth client, 60: two baseline bins, three or four follow-up bins
                    int baseline = next % 4 == 3 ? 60 : 40;
                    next++;
                    measurement((String) g[0], (String) g[1], id, LocalDate.of(2025, 1, 10), "baseline", baseline);
                    measurement((String) g[0], (String) g[1], id, LocalDate.of(2025, 7, 10), "followup-6m",
                            baseline + change);
                    for (String code : kinds[k]) {
                        intervention((String) g[0], (String) g[1], id, code);
                    }
                }
            }
        }
    }

    @Test
    void noHiddenCountOfTheIndicatorsOrTheWholeReportIsNarrowedBelowTheProtectionLevel() {
        record();
        published.refreshNow();
        refresh.refreshComputedNow();
        PublishedOutcomeTable report = published.table("who5", 2025).orElseThrow();
        assertThat(report.counts()).containsEntry(new Cell("municipality:1280", "all/K"), 3)
                .containsEntry(new Cell("unit:1280-J1", "all/K"), 2)
                .containsEntry(new Cell("municipality:1280", "int:CRA/K"), 2)
                .containsEntry(new Cell("nation", "all/T"), 61);
        Map<String, List<String>> members = new HashMap<>();
        jdbc.sql("SELECT area_code, municipality_code FROM cmp_area_member WHERE area_kind <> 'municipality'")
                .query(rs -> {
                    members.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(rs.getString(2));
                });
        int attacked = 0;
        List<String> exposures = new ArrayList<>();
        Set<String> hiddenCells = new java.util.TreeSet<>();
        for (Indicator indicator : repository.indicators()) {
            if (!SameYearReports.countsReportClients(indicator) || indicator.interventionCode() != null
                    || !"who5".equals(indicator.instrumentCode())) {
                continue;
            }
            List<ResultRow> rows = repository.results(indicator.id(), 2025);
            if (rows.isEmpty()) {
                continue;
            }
            attacked++;
            exposures.addAll(exposures(indicator.id(), rows, ResultMarking.relations(rows, members), report));
            rows.stream().filter(r -> ResultRow.SUPPRESSED.equals(r.status()))
                    .forEach(r -> hiddenCells.add(indicator.id() + " " + r.areaCode() + " " + r.gender()));
        }
        assertThat(attacked).as("outcome indicators of WHO-5 attacked").isPositive();
        assertThat(exposures).isEmpty();
        // every municipality, and with them their totals and the kommungrupper's sexes, hidden
        List<String> expected = new ArrayList<>();
        for (String id : List.of("S00001", "S00002")) {
            for (String m : List.of("0180", "0181", "1280", "1283")) {
                List.of("K", "M", "T").forEach(sex -> expected.add(id + " " + m + " " + sex));
            }
            List.of("1281 K", "1281 T", "G92787 K", "G92787 M", "G92790 K", "G92790 M")
                    .forEach(c -> expected.add(id + " " + c));
        }
        assertThat(hiddenCells).containsExactlyInAnyOrderElementsOf(expected);
        assertTheBins(report);
    }

    /**
     * The stored report's bins are in the table the refresh protects with (ADR 0015, "The whole
     * report against the indicators"): each scope's series with its counts and hidden bins, and
     * T = Σ bins of each series at each scope; the attack above reads them with every relation.
     */
    private static void assertTheBins(PublishedOutcomeTable report) {
        assertThat(bins(report, "municipality:1280")).containsExactly("after/4 3h", "after/5 3h", "after/6 4h",
                "after/8 1h", "before/4 9h", "before/6 2h");
        assertThat(bins(report, "region:12")).containsExactly("after/4 9h", "after/5 9", "after/6 12", "after/7 3h",
                "after/8 3h", "before/4 27", "before/6 9");
        assertThat(bins(report, "nation")).containsExactly("after/4 15h", "after/5 15h", "after/6 21", "after/7 5h",
                "after/8 5h", "before/4 46h", "before/6 15h");
        assertThat(bins(report, "unit:1280-J2")).containsExactly("after/4 1h", "after/5 2h", "after/6 2h",
                "before/4 4h", "before/6 1h");
        List<Cell> before = new ArrayList<>();
        List<Cell> after = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            before.add(new Cell("unit:1280-J2", "before/" + b));
            after.add(new Cell("unit:1280-J2", "after/" + b));
        }
        assertThat(report.sums()).contains(new PublishedOutcomeTable.Sum(new Cell("unit:1280-J2", "all/T"), before),
                new PublishedOutcomeTable.Sum(new Cell("unit:1280-J2", "all/T"), after),
                new PublishedOutcomeTable.Sum(new Cell("region:12", "before/6"),
                        List.of(new Cell("municipality:1280", "before/6"), new Cell("municipality:1281", "before/6"),
                                new Cell("municipality:1283", "before/6"))),
                new PublishedOutcomeTable.Sum(new Cell("municipality:1280", "after/5"),
                        List.of(new Cell("unit:1280-J1", "after/5"), new Cell("unit:1280-J2", "after/5"))));
    }

    /** The hidden counts of both publications that the attacker narrows below the protection level. */
    private static List<String> exposures(String id, List<ResultRow> rows, List<Suppression.Relation> relations,
                                          PublishedOutcomeTable report) {
        JointAttack attack = new JointAttack();
        Map<String, String> ownRow = new HashMap<>();
        Map<String, Integer> indicatorN = new HashMap<>();
        for (ResultRow row : rows) {
            String cell = "ind|" + row.areaCode() + "|" + row.gender();
            int n = row.n() == null ? 0 : row.n();
            indicatorN.put(cell, n);
            if (ResultRow.SUPPRESSED.equals(row.status())) {
                attack.hidden(cell, n > 0 ? 1 : 0);
            } else {
                attack.published(cell, n);
            }
            String scope = switch (row.areaKind()) {
                case "municipality" -> "municipality:" + row.areaCode();
                case "region" -> "region:" + row.areaCode().substring(2);
                case "nation" -> "nation";
                default -> null;
            };
            if (scope != null) {
                ownRow.put("rep|" + scope + "|all/" + row.gender(), cell);
            }
        }
        relations.forEach(r -> attack.sum("ind|" + r.parent().area() + "|" + r.parent().gender(),
                r.children().stream().map(c -> "ind|" + c.area() + "|" + c.gender()).toList()));
        Map<String, Integer> reportN = new HashMap<>();
        Set<String> reportShown = new java.util.HashSet<>();
        report.counts().forEach((c, n) -> reportN.put(rep(c), n));
        report.hidden().forEach(c -> attack.hidden(rep(c), report.counts().getOrDefault(c, 0) > 0 ? 1 : 0));
        report.counts().forEach((c, n) -> {
            if (!report.hidden().contains(c)) {
                attack.published(rep(c), n);
                reportShown.add(rep(c));
            }
        });
        report.sums().forEach(s -> attack.sum(rep(s.whole()), s.parts().stream().map(WholeReportMarkingTests::rep).toList()));
        report.atMost().forEach(s -> attack.atMost(rep(s.whole()), s.parts().stream().map(WholeReportMarkingTests::rep).toList()));
        Set<String> nShown = new java.util.HashSet<>();
        ownRow.forEach((rep, ind) -> {
            if (reportN.containsKey(rep) && reportN.get(rep).equals(indicatorN.get(ind))) {
                attack.sum(ind, List.of(rep));
                if (reportShown.contains(rep)) {
                    nShown.add(ind);
                }
            } else if (reportN.containsKey(rep)) {
                attack.atMost(rep, List.of(ind));
            }
        });
        List<String> exposed = new ArrayList<>();
        for (String c : attack.hiddenCells()) {
            int n = c.startsWith("ind|") ? indicatorN.getOrDefault(c, 0) : reportN.getOrDefault(c, 0);
            if (n == 0 || c.contains("|rest:") || nShown.contains(c)) {
                continue;
            }
            double[] bounds = attack.bounds(c);
            if (!ReportJointAttack.safe(bounds, THRESHOLD)) {
                exposed.add(id + " " + c + " (" + n + ") in [" + bounds[0] + ", " + bounds[1] + "]");
            }
        }
        return exposed;
    }

    /** The non-empty bins of one scope of the table, "item n" ("h" after n where hidden), in item order. */
    private static List<String> bins(PublishedOutcomeTable report, String scope) {
        List<String> bins = new ArrayList<>();
        report.counts().forEach((c, n) -> {
            if (c.table().equals(scope) && (c.item().startsWith("before/") || c.item().startsWith("after/"))) {
                bins.add(c.item() + " " + n + (report.hidden().contains(c) ? "h" : ""));
            }
        });
        return bins;
    }

    private static String rep(Cell c) {
        return "rep|" + c.table() + "|" + c.item();
    }

    private long client(String municipality, String unit, String sex, String pseudonym) {
        jdbc.sql("""
                INSERT INTO fup_client (municipality_code, unit_code, pseudonym, birth_year, legal_sex, created_at)
                VALUES (:m, :u, :p, 1980, :s, :at)""")
                .param("m", municipality).param("u", unit).param("p", pseudonym).param("s", sex)
                .param("at", OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)).update();
        return jdbc.sql("SELECT id FROM fup_client WHERE pseudonym = :p").param("p", pseudonym).query(Long.class).single();
    }

    private void measurement(String municipality, String unit, long client, LocalDate on, String point, double score) {
        jdbc.sql("""
                INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on, time_point, score)
                VALUES (:m, :c, :u, 'who5', :on, :point, :score)""")
                .param("m", municipality).param("c", client).param("u", unit).param("on", on)
                .param("point", point).param("score", score).update();
    }

    private void intervention(String municipality, String unit, long client, String code) {
        jdbc.sql("""
                INSERT INTO fup_intervention (municipality_code, client_id, unit_code, intervention_code, start_date)
                VALUES (:m, :c, :u, :code, :start)""")
                .param("m", municipality).param("c", client).param("u", unit).param("code", code)
                .param("start", LocalDate.of(2025, 1, 10)).update();
    }
}
