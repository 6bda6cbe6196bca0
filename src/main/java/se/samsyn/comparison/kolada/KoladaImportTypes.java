package se.samsyn.comparison.kolada;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import se.samsyn.audit.AuditTrail;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.comparison.kolada.KoladaRecords.ImportResult;
import se.samsyn.comparison.kolada.KoladaRecords.RowError;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.ImportReport;
import se.samsyn.organisation.County;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;

/**
 * The Kolada import types (KPI metadata and values, CSV or Kolada's JSON) run through the one
 * {@link ImportPipeline}: reads the file ({@link KoladaSources}), checks each row
 * ({@link KoladaRowRule}) and stores it ({@link KoladaImportRun}), all-or-nothing.
 */
@Component
class KoladaImportTypes {

    private final ImportPipeline pipeline;
    private final KoladaRepository repository;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ClusterLocks locks;
    private final Clock clock;

    KoladaImportTypes(ImportPipeline pipeline, KoladaRepository repository, Organisation organisation,
                      AuditTrail audit, ApplicationEventPublisher events, ClusterLocks locks, Clock clock) {
        this.pipeline = pipeline;
        this.repository = repository;
        this.organisation = organisation;
        this.audit = audit;
        this.events = events;
        this.locks = locks;
        this.clock = clock;
    }

    /** The "Källa:" part of a Kolada description, if it has one; null otherwise. */
    public static String sourceOf(String description) {
        return KoladaSources.sourceOf(description);
    }

    /**
     * Imports one file, all-or-nothing.
     *
     * @param actor    who imports, or null for the system (then {@code by} names it)
     * @param json     whether the file is Kolada's JSON (else CSV)
     * @param rowsRead told the rows read so far, every thousand rows and at the end
     * @return the outcome; never throws for a bad file or row
     */
    public ImportResult run(Actor actor, String by, String fileName, boolean json, InputStream content,
                            boolean dryRun, LongConsumer rowsRead) {
        Set<String> municipalities = new HashSet<>();
        Set<String> counties = new HashSet<>();
        organisation.municipalities().stream().map(Municipality::code).forEach(municipalities::add);
        organisation.counties().stream().map(County::code).forEach(counties::add);
        DigestInputStream digest = new DigestInputStream(content, ImportPipeline.sha256());
        KoladaRowRule rule = new KoladaRowRule(repository.indicators(), municipalities, counties, by, clock);
        KoladaImportRun run = new KoladaImportRun(actor, by, fileName, digest, rowsRead, rule, this);
        ImportReport r = pipeline.run(json ? KoladaSources.json(digest, run) : KoladaSources.csv(digest, run), run,
                dryRun);
        List<RowError> errors = r.errors().stream()
                .map(e -> new RowError(e.row(), e.field(), e.messageKey(), e.args())).toList();
        return new ImportResult(r.status(), run.kind() == null ? "unknown" : run.kind(), r.rows(), r.created(),
                r.updated(), r.unchanged(), r.ignored(), errors, r.errorCount(),
                run.changedIndicators());
    }

    KoladaRepository repository() {
        return repository;
    }

    AuditTrail audit() {
        return audit;
    }

    ApplicationEventPublisher events() {
        return events;
    }

    ClusterLocks locks() {
        return locks;
    }

    Clock clock() {
        return clock;
    }
}
