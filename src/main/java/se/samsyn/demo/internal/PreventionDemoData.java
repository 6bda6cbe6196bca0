package se.samsyn.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.comparison.Indicators;
import se.samsyn.comparison.NewIndicator;
import se.samsyn.organisation.Organisation;
import se.samsyn.prevention.Activity;
import se.samsyn.prevention.ActivityDraft;
import se.samsyn.prevention.PreventiveActivities;
import se.samsyn.prevention.ReachRow;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * Invented preventive activities in five demo municipalities with six months of reach (counts
 * only, no persons), anonymous WHO-5 pairs for Malmö's home visits, and the three preventive
 * indicators in open comparisons. Runs once: a unit that already has activities is left alone.
 */
@Component
@Order(55)
class PreventionDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PreventionDemoData.class);

    /** One demo activity: its unit, kind, title, target bands (empty for a described group) and monthly size. */
    record Demo(String unit, String kind, String title, List<String> bands, String described, Integer size, int monthly,
                String instrument) {
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("1280-ALD", "preventive-home-visit", "Förebyggande hembesök 80+", List.of("80+"), null, null, 40, "who-5"),
            new Demo("1281-IFO", "parenting-support-group", "Föräldrastöd ABC i grupp", List.of("20-64"), null, null, 12, null),
            new Demo("0180-IFO-BU", "open-meeting-place", "Öppen mötesplats för familjer", List.of("0-5", "20-64"), null, null,
                    30, null),
            new Demo("1480-IFO-VUX", "outreach-rough-sleepers", "Uppsökande arbete i centrum", List.of(),
                    "Personer i hemlöshet i centrala Göteborg", 350, 15, null),
            new Demo("2584-SOC", "preventive-home-visit", "Förebyggande hembesök 80+ Kiruna", List.of("80+"), null, null, 6,
                    null));

    private final PreventiveActivities activities;
    private final Indicators indicators;
    private final Organisation organisation;
    private final ClusterLocks locks;
    private final Clock clock;
    private final DemoMode mode;
    private final DemoSeeding seeding;

    PreventionDemoData(PreventiveActivities activities, Indicators indicators, Organisation organisation, ClusterLocks locks,
                       Clock clock, @Value("${samsyn.demo:auto}") String setting, @Value("${spring.datasource.url:}") String url,
                       DemoSeeding seeding) {
        this.seeding = seeding;
        this.activities = activities;
        this.indicators = indicators;
        this.organisation = organisation;
        this.locks = locks;
        this.clock = clock;
        this.mode = new DemoMode(setting, url);
    }

    @Override
    public void run(ApplicationArguments args) {
        locks.runExclusively(ClusterLocks.SEEDING, ClusterLocks.SEEDING_WAIT, this::seed);
    }

    private void seed() {
        if (!mode.enabled() || organisation.unit("1280-ALD").isEmpty()) {
            return;
        }
        YearMonth now = YearMonth.from(SwedishTime.today(clock));
        int seeded = 0;
        for (Demo d : DEMOS) {
            if (organisation.unit(d.unit()).isEmpty()) {
                continue;
            }
            Actor unit = new Actor(Actor.SYSTEM, Role.UNIT_MANAGER, Scope.unit(d.unit()));
            if (!activities.activities(unit).isEmpty()) {
                continue;
            }
            LocalDate start = now.minusMonths(8).atDay(1);
            Activity a = activities.create(unit, new ActivityDraft(d.unit(), null, d.kind(), d.title(), "T", d.bands(),
                    d.described(), d.size(), start, null, d.instrument()));
            List<String> bands = d.bands().isEmpty() ? List.of("20-64") : d.bands();
            for (int m = 6; m >= 1; m--) {
                YearMonth month = now.minusMonths(m);
                List<ReachRow> rows = new ArrayList<>();
                for (String band : bands) {
                    int women = d.monthly() / bands.size() * 6 / 10 + m;
                    int men = d.monthly() / bands.size() * 4 / 10 + (m % 3);
                    rows.add(new ReachRow(month, "K", band, women, women + women / 2));
                    rows.add(new ReachRow(month, "M", band, men, men + men / 3));
                }
                activities.recordReach(unit, a.id(), month, rows);
            }
            if (d.instrument() != null) {
                int[][] pairs = {{2, 3}, {3, 3}, {1, 3}, {2, 4}, {3, 2}, {2, 3}, {1, 2}};
                for (int[] p : pairs) {
                    activities.recordAnswers(unit, a.id(), now.minusMonths(1), List.of(p[0], p[0], p[0], p[0], p[0]),
                            List.of(p[1], p[1], p[1], p[1], p[1]));
                }
            }
            seeded++;
        }
        defineIndicators();
        if (seeded > 0) {
            seeding.wroteFacts();
            log.info("Prevention demo data: {} activities with six months of reach and the preventive indicators", seeded);
        }
    }

    private void defineIndicators() {
        Actor national = new Actor(Actor.SYSTEM, Role.NATIONAL_ANALYST, Scope.nation());
        record Indicator(String id, String sv, String en, String template, String kind, String instrument, String bands) {
        }
        for (Indicator d : List.of(
                new Indicator("P00001", "Andel 80 år och äldre som nåtts av förebyggande hembesök, per 1 000",
                        "Persons aged 80 or more reached by preventive home visits, per 1,000", "reach-per-1000",
                        "preventive-home-visit", null, "80+"),
                new Indicator("P00002", "Deltagare per förebyggande hembesöksverksamhet",
                        "Participants per preventive home-visit activity", "participants-per-activity",
                        "preventive-home-visit", null, null),
                new Indicator("P00003", "Andel förbättrade på WHO-5 i förebyggande verksamhet",
                        "Share improved on WHO-5 in preventive work", "anonymous-improved-share", null, "who-5", null))) {
            if (indicators.find(national, d.id()).isEmpty()) {
                indicators.define(national, new NewIndicator(d.id(), d.sv(), d.en(), null, null, null, "key-figure", null, null,
                        "higher", d.template(), d.instrument(), d.kind(), d.bands(), null, true));
            }
        }
    }
}
