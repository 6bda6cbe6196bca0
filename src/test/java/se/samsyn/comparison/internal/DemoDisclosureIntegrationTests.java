package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.ResultRow;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.MunicipalityGroup;
import se.samsyn.organisation.Organisation;

/**
 * The attack of ADR 0015 on the stored results of every computed indicator and year in the demo
 * data: from what the published view shows (status and n of every cell) and the relations written
 * here from the reference data, every suppressed count is bounded by linear programming
 * ({@link TableAttack}) and must keep the protection level.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=true", "samsyn.data-dir=target/test-data"})
class DemoDisclosureIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "demo_disclosure");
    }

    @Autowired
    ComparisonRepository repository;

    @Autowired
    Organisation organisation;

    @Test
    void noSuppressedCountOfAnyDemoIndicatorAndYearIsNarrowedBelowTheProtectionLevel() {
        int attacked = 0;
        for (Indicator indicator : repository.indicators()) {
            if (!indicator.computed()) {
                continue;
            }
            for (int year : repository.years(indicator.id())) {
                Map<Cell, Integer> published = new HashMap<>();
                Set<Cell> hidden = new HashSet<>();
                for (ResultRow row : repository.results(indicator.id(), year)) {
                    ResultRow shown = row.published();
                    Cell cell = new Cell(row.areaCode(), row.gender());
                    if (ResultRow.SUPPRESSED.equals(shown.status())) {
                        hidden.add(cell);
                    } else if (shown.n() != null) {
                        published.put(cell, shown.n());
                    }
                }
                assertThat(TableAttack.exposed(published, hidden, relations(), 5))
                        .as(indicator.id() + " " + year).isEmpty();
                attacked += hidden.size();
            }
        }
        assertThat(attacked).as("hidden cells attacked").isPositive();
    }

    /** Written here from the reference data, independently of the engine. */
    private List<Relation> relations() {
        Map<String, List<String>> parents = new HashMap<>();
        List<String> areas = new ArrayList<>();
        for (Municipality m : organisation.municipalities()) {
            areas.add(m.code());
            parents.computeIfAbsent("00" + m.countyCode(), k -> new ArrayList<>()).add(m.code());
            parents.computeIfAbsent("0000", k -> new ArrayList<>()).add(m.code());
            for (MunicipalityGroup g : organisation.groups()) {
                if (g.code().equals(m.groupCode())) {
                    parents.computeIfAbsent(g.koladaGroupId(), k -> new ArrayList<>()).add(m.code());
                }
            }
        }
        areas.addAll(parents.keySet());
        List<Relation> relations = new ArrayList<>();
        for (String area : areas) {
            relations.add(new Relation(new Cell(area, "T"), List.of(new Cell(area, "K"), new Cell(area, "M"))));
        }
        parents.forEach((parent, members) -> {
            for (String sex : List.of("T", "K", "M")) {
                relations.add(new Relation(new Cell(parent, sex), members.stream().map(m -> new Cell(m, sex)).toList()));
            }
        });
        return relations;
    }
}
