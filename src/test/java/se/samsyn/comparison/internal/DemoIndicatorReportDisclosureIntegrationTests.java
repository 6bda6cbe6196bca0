package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.ResultRow;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The attack of ADR 0015 on two publications of the demo data at once: every outcome indicator
 * (improved share, median change) of every year and the calendar-year outcome report of the same
 * instrument and year, read by a national analyst for the nation, every region, municipality and
 * unit with demo clients. The attacker ({@link JointAttack}) knows every published n of the
 * indicator (municipality, region, kommungrupp, nation; T, K, M) and of the report's row that
 * counts the same clients (all interventions, or the indicator's intervention), the relations of
 * each (T = K + M; region, kommungrupp and nation the sums of their municipalities; a municipality
 * the sum of its units and its clients without a unit, never published) and that the indicator's
 * n of an area and sex is the report's n of the same area, year and sex (ADR 0015, "One year's
 * report and indicators"). Every hidden count of either that the attacker cannot put at the
 * threshold or above must keep the protection level; one known to be at least the threshold
 * could have been published (a secondary cell that the report's published counts make useless).
 * The nation's report is included: it hides an item wherever a region hides it (ADR 0015, "The
 * nation against its regions"), so it is the sum of its regions in the attack as well. The reports
 * are read as stored, after a refresh of the stored reports and then of the indicators.
 * On the code before the two were protected together, 52 hidden counts were exposed (13 of each of
 * S00001 and S00002 and 13 of the report's for each), such as municipality 0428's 3 women of 2025,
 * exact in both.
 */
class DemoIndicatorReportDisclosureIntegrationTests extends DemoOutcomesStarted {

    private static final int THRESHOLD = 5;

    @Test
    void noHiddenCountOfAnIndicatorOrTheSameYearsReportIsNarrowedBelowTheProtectionLevelByBothTogether() {
        // the reports as stored now, then the indicators marked against them
        published.refreshNow();
        refresh.refreshComputedNow();
        assertThat(exposed(repository, reports, organisation, Set.of())).isEmpty();
    }

    /**
     * The joint attack on every outcome indicator and year with the report as stored.
     *
     * @param subset the linked cells ("year ind|area|sex") where the report counts fewer clients than the
     *               indicator (a client without a live intervention): there the attacker knows only
     *               report n ≤ indicator n; everywhere else the two are equal
     * @return the hidden counts narrowed below the protection level, in words
     */
    static List<String> exposed(ComparisonRepository repository, OutcomeReports reports, Organisation organisation,
                                Set<String> subset) {
        Actor analyst = new Actor("attacker", Role.NATIONAL_ANALYST, Scope.nation());
        Map<String, List<String>> unitsOf = new TreeMap<>();
        Map<String, String> countyOf = new TreeMap<>();
        for (Unit unit : organisation.unitsWithin(Scope.nation())) {
            unitsOf.computeIfAbsent(unit.municipalityCode(), k -> new ArrayList<>()).add(unit.code());
            organisation.municipality(unit.municipalityCode()).ifPresent(m -> countyOf.put(m.code(), m.countyCode()));
        }
        // every region, with units or not: the nation's report is the sum of them all
        TreeSet<String> counties = new TreeSet<>();
        organisation.municipalities().forEach(m -> counties.add(m.countyCode()));
        List<String> exposed = new ArrayList<>();
        int attacked = 0;
        int linked = 0;
        int indicatorHidden = 0;
        int atLeastThreshold = 0;
        for (Indicator indicator : repository.indicators()) {
            if (!indicator.computed() || indicator.instrumentCode() == null
                    || !(indicator.template() == se.samsyn.comparison.Template.IMPROVED_SHARE
                    || indicator.template() == se.samsyn.comparison.Template.MEDIAN_CHANGE)) {
                continue;
            }
            for (int year : repository.years(indicator.id())) {
                JointAttack attack = new JointAttack();
                // the indicator, as published
                for (ResultRow row : repository.results(indicator.id(), year)) {
                    ResultRow shown = row.published();
                    String cell = "ind|" + row.areaCode() + "|" + row.gender();
                    if (ResultRow.SUPPRESSED.equals(shown.status())) {
                        attack.hidden(cell, 1);
                    } else if (shown.n() != null) {
                        attack.published(cell, shown.n());
                    }
                }
                indicatorRelations(organisation, attack);
                // the report of the same instrument and year, as published, every scope
                String row = indicator.interventionCode();
                Map<String, Scope> scopes = new LinkedHashMap<>();
                scopes.put("SE", Scope.nation());
                counties.forEach(c -> scopes.put("r:" + c, Scope.region(c)));
                unitsOf.keySet().forEach(m -> scopes.put("m:" + m, Scope.municipality(m)));
                unitsOf.values().forEach(us -> us.forEach(u -> scopes.put("u:" + u, Scope.unit(u))));
                scopes.forEach((key, scope) -> {
                    OutcomeReport report = reports.outcomes(analyst, indicator.instrumentCode(), LocalDate.of(year, 1, 1),
                            LocalDate.of(year, 12, 31), scope);
                    for (OutcomeReport.Row r : report.rows()) {
                        if (!java.util.Objects.equals(r.interventionCode(), row)) {
                            continue;
                        }
                        r.cells().forEach((sex, c) -> {
                            String cell = "rep|" + key + "|" + sex;
                            if (c.suppressed() || c.n() == null) {
                                attack.hidden(cell, 1);
                            } else if (c.n() > 0) {
                                attack.published(cell, c.n());
                            }
                        });
                    }
                });
                for (String key : scopes.keySet()) {
                    attack.sum("rep|" + key + "|T", List.of("rep|" + key + "|K", "rep|" + key + "|M"));
                }
                for (String sex : List.of("T", "K", "M")) {
                    for (String county : new TreeSet<>(countyOf.values())) {
                        attack.sum("rep|r:" + county + "|" + sex, countyOf.entrySet().stream()
                                .filter(e -> e.getValue().equals(county)).map(e -> "rep|m:" + e.getKey() + "|" + sex).toList());
                    }
                    unitsOf.forEach((m, us) -> {
                        // clients without a unit: never published, possibly none
                        String rest = "rest|m:" + m + "|" + sex;
                        attack.hidden(rest, 0);
                        List<String> parts = new ArrayList<>(us.stream().map(u -> "rep|u:" + u + "|" + sex).toList());
                        parts.add(rest);
                        attack.sum("rep|m:" + m + "|" + sex, parts);
                    });
                    attack.sum("rep|SE|" + sex, counties.stream().map(c -> "rep|r:" + c + "|" + sex).toList());
                    if (attack.known("ind|0000|" + sex)) {
                        link(attack, "ind|0000|" + sex, "rep|SE|" + sex, year, subset);
                        linked++;
                    }
                    // the same clients counted by both (a client with a pair of the year)
                    for (String county : new TreeSet<>(countyOf.values())) {
                        if (attack.known("ind|00" + county + "|" + sex)) {
                            link(attack, "ind|00" + county + "|" + sex, "rep|r:" + county + "|" + sex, year, subset);
                            linked++;
                        }
                    }
                    for (String m : unitsOf.keySet()) {
                        if (attack.known("ind|" + m + "|" + sex)) {
                            link(attack, "ind|" + m + "|" + sex, "rep|m:" + m + "|" + sex, year, subset);
                            linked++;
                        }
                    }
                }
                indicatorHidden += (int) attack.hiddenCells().stream().filter(c -> c.startsWith("ind|")).count();
                for (String cell : attack.hiddenCells()) {
                    if (cell.startsWith("rest|")) {
                        continue;
                    }
                    double[] bounds;
                    try {
                        bounds = attack.bounds(cell);
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException(indicator.id() + " " + year + ": " + e.getMessage(), e);
                    }
                    attacked++;
                    if (bounds[0] >= THRESHOLD) {
                        // at least the threshold: a count the attacker could have been shown (a
                        // secondary cell hidden to no effect, since the report shows what it was for)
                        atLeastThreshold++;
                    } else if (!JointAttack.protects(bounds, THRESHOLD)) {
                        exposed.add(indicator.id() + " " + year + " " + cell + " in [" + bounds[0] + ", " + bounds[1] + "]");
                    }
                }
            }
        }
        System.out.println("Indicator and report together: " + indicatorHidden + " indicator cells hidden, "
                + attacked + " hidden counts attacked, " + linked
                + " cells linked, " + atLeastThreshold + " known to be at least the threshold, exposed: " + exposed);
        assertThat(attacked).as("hidden counts attacked").isPositive();
        return exposed;
    }

    /** indicator = report, or report ≤ indicator where the report counts a subset. */
    private static void link(JointAttack attack, String indicator, String report, int year, Set<String> subset) {
        if (subset.contains(year + " " + indicator)) {
            attack.atMost(report, List.of(indicator));
        } else {
            attack.sum(indicator, List.of(report));
        }
    }

    /** T = K + M, and every area above the municipality the sum of its municipalities, written from the reference data. */
    private static void indicatorRelations(Organisation organisation, JointAttack attack) {
        Map<String, List<String>> parents = ReferenceAreas.parents(organisation);
        List<String> areas = ReferenceAreas.areas(organisation, parents);
        for (String area : areas) {
            attack.sum("ind|" + area + "|T", List.of("ind|" + area + "|K", "ind|" + area + "|M"));
        }
        parents.forEach((parent, members) -> {
            for (String sex : List.of("T", "K", "M")) {
                attack.sum("ind|" + parent + "|" + sex, members.stream().map(m -> "ind|" + m + "|" + sex).toList());
            }
        });
    }
}
