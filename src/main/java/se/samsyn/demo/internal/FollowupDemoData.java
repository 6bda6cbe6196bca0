package se.samsyn.demo.internal;

import se.samsyn.cluster.ClusterLocks;
import se.samsyn.demo.SyntheticClients;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.FollowupImport;
import se.samsyn.followup.ImportResult;
import se.samsyn.followup.ImportType;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * Fills the demo units with synthetic clients through the real import path: counts scaled by the
 * municipality's population, plausible needs, and more improvement after the interventions that
 * the synthetic world treats as effective. Runs once per unit; a unit that has clients is left alone.
 */
@Component
@Order(30)
class FollowupDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FollowupDemoData.class);
    private static final String[] AREAS = {"d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "security",
            "relative-support"};

    private final Organisation organisation;
    private final Catalogue catalogue;
    private final ClientRecords records;
    private final FollowupImport importer;
    private final DemoMode mode;
    private final Clock clock;
    private final boolean withFollowup;

    private final ClusterLocks locks;
    private final DemoSeeding seeding;

    FollowupDemoData(Organisation organisation, Catalogue catalogue, ClientRecords records, FollowupImport importer,
                     Clock clock, @Value("${samsyn.demo:auto}") String setting,
                     @Value("${spring.datasource.url:}") String url,
                     @Value("${samsyn.demo-followup:true}") boolean withFollowup,
            ClusterLocks locks, DemoSeeding seeding) {
        this.locks = locks;
        this.seeding = seeding;
        this.organisation = organisation;
        this.catalogue = catalogue;
        this.records = records;
        this.importer = importer;
        this.clock = clock;
        this.mode = new DemoMode(setting, url);
        this.withFollowup = withFollowup;
    }

    @Override
    public void run(ApplicationArguments args) {
        locks.runExclusively(ClusterLocks.SEEDING, ClusterLocks.SEEDING_WAIT, this::seed);
    }

    private void seed() {
        if (!mode.enabled() || !withFollowup) {
            return;
        }
        LocalDate latest = SwedishTime.today(clock).minusMonths(1);
        for (DemoData.DemoUnit demo : DemoData.UNITS) {
            Unit unit = organisation.unit(demo.code()).orElse(null);
            if (unit == null || records.hasClients(unit.code())) {
                continue;
            }
            int population = organisation.municipality(unit.municipalityCode()).map(Municipality::population).orElse(20_000);
            int clients = Math.max(15, Math.min(150, population / 2500));
            fill(unit, clients, latest, unit.code().hashCode());
            seeding.wroteFacts();
        }
    }

    private void fill(Unit unit, int clients, LocalDate latest, long seed) {
        SyntheticClients generator = new SyntheticClients(seed, latest);
        StringWriter episodes = new StringWriter();
        StringWriter needs = new StringWriter();
        StringWriter interventions = new StringWriter();
        StringWriter measurements = new StringWriter();
        episodes.write(String.join(",", ImportType.EPISODES.columns()) + "\n");
        needs.write(String.join(",", ImportType.NEEDS.columns()) + "\n");
        interventions.write(String.join(",", ImportType.INTERVENTIONS.columns()) + "\n");
        measurements.write(String.join(",", ImportType.MEASUREMENTS.columns()) + "\n");
        List<FocusArea> areas = new ArrayList<>(unit.focusAreas());
        areas.sort(null);
        try {
            for (int i = 0; i < clients; i++) {
                FocusArea area = areas.get(i % areas.size());
                List<String> fitting = catalogue.interventions().stream()
                        .filter(t -> t.focusAreas().contains(area.code())).map(t -> t.code()).toList();
                SyntheticClients.Client c = generator.next(area, fitting.isEmpty() ? List.of("MI") : fitting);
                LocalDate end = c.start().plusMonths(12);
                episodes.write(c.number() + "," + unit.code() + "," + area.code() + "," + c.start() + "," + end + "\n");
                interventions.write(c.number() + "," + unit.code() + "," + c.intervention() + "," + c.start() + ","
                        + end + "," + (c.completed() ? "completed" : "interrupted-by-client") + "\n");
                boolean helped = c.followUp() - c.baseline() >= 10;
                for (int a = 0; a < 4; a++) {
                    String lifeArea = AREAS[(i + a * 3) % AREAS.length];
                    int level = 1 + generator.nextInt(4);
                    // the first area's goal is judged: reached when the client was helped, else partly or not
                    String goal = a == 0 ? "mal-" + lifeArea + "," + (helped ? "achieved"
                            : generator.nextInt(2) == 0 ? "partly-achieved" : "not-achieved") : ",";
                    needs.write(c.number() + "," + unit.code() + "," + c.start() + "," + lifeArea + "," + level + ","
                            + goal + "\n");
                    int later = Math.max(0, level - (helped ? 1 + generator.nextInt(2) : generator.nextInt(2)));
                    needs.write(c.number() + "," + unit.code() + "," + c.start().plusMonths(6) + "," + lifeArea + ","
                            + later + ",,\n");
                }
                SyntheticClients.measurementRows(measurements, unit.code(), c, 3);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Actor staff = new Actor(Actor.SYSTEM, Role.CASE_WORKER, Scope.unit(unit.code()));
        for (Map.Entry<ImportType, StringWriter> file : List.of(
                Map.entry(ImportType.EPISODES, episodes), Map.entry(ImportType.INTERVENTIONS, interventions),
                Map.entry(ImportType.NEEDS, needs), Map.entry(ImportType.MEASUREMENTS, measurements))) {
            ImportResult result = importer.run(staff, file.getKey(), FollowupImport.Format.CSV,
                    new ByteArrayInputStream(file.getValue().toString().getBytes(StandardCharsets.UTF_8)), false);
            if (!"imported".equals(result.status())) {
                log.warn("Demo {} for {} was {}: {}", file.getKey().code(), unit.code(), result.status(),
                        result.errors().stream().limit(3).toList());
            }
        }
        log.info("Demo follow-up data: {} synthetic clients in {}", clients, unit.code());
    }
}
