package se.samsyn.knowledge.internal;

import se.samsyn.cluster.ClusterLocks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samsyn.knowledge.ImportOutcome;
import se.samsyn.shared.Actor;

/**
 * Loads the guide's starting set ({@code knowledge/seed-entries.json}, published entries written
 * for Samsyn, each citing its source) into an empty guide at start-up, in every installation:
 * it is reference content, not demo data. Once the guide has entries the seed is never loaded
 * again, so editors own the content from then on. A first collection, the introduction of new
 * social workers, comes with it. {@code samsyn.knowledge.seed=false} turns it off.
 */
@Component
@Order(0)
class GuideSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GuideSeed.class);

    private final GuideRepository repository;
    private final GuideImporter importer;
    private final boolean enabled;

    private final ClusterLocks locks;

    GuideSeed(GuideRepository repository, GuideImporter importer,
              @Value("${samsyn.knowledge.seed:true}") boolean enabled,
            ClusterLocks locks) {
        this.locks = locks;
        this.repository = repository;
        this.importer = importer;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        locks.runExclusively(ClusterLocks.SEEDING, ClusterLocks.SEEDING_WAIT, this::seed);
    }

    private void seed() {
        if (!enabled || repository.count() > 0) {
            return;
        }
        List<GuideImporter.Row> rows = rows();
        ImportOutcome outcome = importer.load(null, Actor.SYSTEM, rows, false);
        if (!"imported".equals(outcome.status())) {
            throw new IllegalStateException("The guide's starting set is invalid: " + outcome.errors());
        }
        long collection = repository.insertCollection("introduktion-for-nya-socialsekreterare",
                "Introduktion för nya socialsekreterare",
                "Lagar, föreskrifter, webbutbildningar och arbetssätt som nya medarbetare i socialtjänsten behöver känna till första månaderna.",
                "NATION", se.samsyn.shared.Scope.NATION_CODE, Actor.SYSTEM, java.time.Instant.now());
        for (String slug : INTRODUCTION) {
            repository.entry(slug).ifPresent(e -> repository.addToCollection(collection, e.id(), java.time.Instant.now()));
        }
        log.info("Knowledge guide: loaded {} starting entries and a collection", outcome.created());
    }

    /** The starting collection: what a new social worker meets first. */
    static final List<String> INTRODUCTION = List.of("socialtjanstlagen-2025-400", "hslf-fs-2017-79-behorighet",
            "webbutbildning-evidensbaserad-praktik", "bbic", "webbutbildning-vald-i-nara-relationer",
            "sosfs-2014-4-vald-i-nara-relationer");

    static List<GuideImporter.Row> rows() {
        try (InputStream in = GuideSeed.class.getResourceAsStream("/knowledge/seed-entries.json")) {
            if (in == null) {
                throw new IllegalStateException("knowledge/seed-entries.json is missing");
            }
            List<ImportOutcome.RowError> problems = new java.util.ArrayList<>();
            List<GuideImporter.Row> rows = GuideImporter.readJson(in, problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("knowledge/seed-entries.json does not read: " + problems);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
