package se.samsyn.organisation.referencedata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.imports.ImportHooks;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.ImportReport;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.ReferenceDataLoaded;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.ScopeType;

/**
 * Loads a batch of reference files all-or-nothing through the one {@link ImportPipeline} (ADR 11):
 * the files are read and checked in load order ({@link ReferenceDataValidation}) and written in
 * one transaction, which is rolled back when any file has a problem or the load is a dry run. A file whose checksum equals the last one
 * loaded for its kind is skipped, so loading the same folder again changes nothing.
 */
@Service
public class ReferenceDataImport {

    /** The sexes of a population row: T (total), K (women), M (men). */
    public static final List<String> SEXES = List.of("T", "K", "M");
    /** The age bands of a population row, youngest first. */
    public static final List<String> AGE_BANDS = List.of("0-5", "6-15", "16-19", "20-64", "65-79", "80+");

    /**
     * The example row of each CSV kind's template, one value per required column, which passes the
     * validation once the counties and municipalities are loaded: Skåne (12) and Malmö (1280).
     */
    public static final java.util.Map<ReferenceFileKind, List<String>> EXAMPLES = java.util.Map.of(
            ReferenceFileKind.COUNTIES, List.of("12", "Skåne län", "Skåne"),
            ReferenceFileKind.MUNICIPALITIES, List.of("1280", "Malmö", "Malmö stad", "12"),
            ReferenceFileKind.MUNICIPALITY_GROUPS, List.of("1280", "A1", "Storstäder", "A"),
            ReferenceFileKind.POPULATION, List.of("1280", "2022", "K", "80+", "8916"),
            ReferenceFileKind.POPULATION_TOTALS, List.of("1280", "2022", "357377", "180600", "176777"));

    private final ReferenceDataRepository repository;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ChangeSignals signals;
    private final ClusterLocks locks;
    private final ImportPipeline pipeline;

    ReferenceDataImport(ImportPipeline pipeline, ReferenceDataRepository repository, AuditTrail audit, ApplicationEventPublisher events,
                        Clock clock, ChangeSignals signals, ClusterLocks locks) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.signals = signals;
        this.locks = locks;
        this.pipeline = pipeline;
    }

    /** Loads files handed in by a national administrator through the UI or the API. */
    public ReferenceLoadResult upload(Actor actor, List<ReferenceFile> files, boolean dryRun) {
        if (actor == null || actor.role() != Role.ADMINISTRATOR || actor.scope().type() != ScopeType.NATION) {
            throw new AccessDeniedException("Only national administrators load reference data");
        }
        return load(files, dryRun, actor.username(), actor);
    }

    /** Loads files found at start-up; the actor is the system. */
    public ReferenceLoadResult loadAtStartup(List<ReferenceFile> files) {
        return load(files, false, Actor.SYSTEM, null);
    }

    private ReferenceLoadResult load(List<ReferenceFile> files, boolean dryRun, String loadedBy, Actor actor) {
        List<ReferenceFile> changed = new ArrayList<>();
        List<ReferenceLoadResult.FileSummary> summaries = new ArrayList<>();
        Map<ReferenceFile, String> checksums = new java.util.IdentityHashMap<>();
        for (ReferenceFile file : files) {
            String sha = sha256(file.content());
            checksums.put(file, sha);
            if (sha.equals(repository.lastChecksum(file.kind()).orElse(null))) {
                summaries.add(new ReferenceLoadResult.FileSummary(file.kind(), file.fileName(), 0, "unchanged"));
            } else {
                changed.add(file);
            }
        }
        if (changed.isEmpty() && !dryRun) {
            return new ReferenceLoadResult("unchanged", summaries, List.of());
        }
        List<ImportPipeline.Part> parts = new ReferenceDataValidation(repository.countyCodes(),
                repository.municipalityCodes()).parts(changed, this::write);
        ImportReport report = pipeline.run(parts, dryRun, new ImportHooks() {
            @Override
            public void begin(boolean dry) {
                if (!dry) {
                    // one load at a time across instances; the second finds the checksums stored and changes nothing
                    locks.holdUntilCommit("reference-data");
                }
            }

            @Override
            public void finish(ImportReport r) {
                OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                for (ImportPipeline.Part part : parts) {
                    ReferenceFile file = ReferenceDataValidation.file(part);
                    repository.logLoad(file.kind(), file.fileName(), checksums.get(file),
                            ReferenceDataValidation.stored(part), loadedBy, now);
                }
                audit.record(AuditRecord.of("REFERENCE_DATA_LOADED", AuditCategory.ADMINISTRATION)
                        .actor(actor).actorName(loadedBy).details("files=" + names(changed)).build());
                events.publishEvent(new ReferenceDataLoaded(changed.stream().map(f -> f.kind().code())
                        .collect(Collectors.toSet())));
                signals.raise(Organisation.REFERENCE_DATA_CHANGED);
            }

            @Override
            public void rolledBack(ImportReport r) {
                if (r.rejected()) {
                    audit.record(AuditRecord.of("REFERENCE_DATA_REJECTED", AuditCategory.ADMINISTRATION)
                            .actor(actor).actorName(loadedBy).outcome(AuditOutcome.FAILURE)
                            .details("files=" + names(changed) + "; problems=" + r.errorCount()).build());
                }
            }
        });
        if (report.rejected()) {
            return new ReferenceLoadResult("rejected", summaries,
                    report.errors().stream().map(ReferenceProblem::of).toList());
        }
        for (ImportPipeline.Part part : parts) {
            summaries.add(new ReferenceLoadResult.FileSummary(ReferenceDataValidation.file(part).kind(),
                    part.fileName(), ReferenceDataValidation.stored(part), dryRun ? "valid" : "loaded"));
        }
        return new ReferenceLoadResult(dryRun ? "valid" : "loaded", summaries, List.of());
    }

    /** The store step of every reference file: upserts one batch of checked rows of a kind. */
    @SuppressWarnings("unchecked")
    private void write(ReferenceFileKind kind, List<Object> rows) {
        List<?> batch = rows;
        switch (kind) {
            case COUNTIES -> repository.upsertCounties((List<ReferenceDataValidation.CountyRow>) batch);
            case MUNICIPALITIES -> repository.upsertMunicipalities((List<ReferenceDataValidation.MunicipalityRow>) batch);
            case MUNICIPALITY_GROUPS -> repository.upsertGroups((List<ReferenceDataValidation.GroupRow>) batch);
            case POPULATION -> repository.upsertPopulation((List<ReferenceDataValidation.PopulationRow>) batch);
            case POPULATION_TOTALS -> repository.upsertTotals((List<ReferenceDataValidation.TotalRow>) batch);
            case MUNICIPALITY_BOUNDARIES -> repository.upsertBoundaries("municipality",
                    (List<ReferenceDataValidation.BoundaryRow>) batch);
            case COUNTY_BOUNDARIES -> repository.upsertBoundaries("county", (List<ReferenceDataValidation.BoundaryRow>) batch);
        }
    }

    /** The last loads and the number of rows in each reference table, for the status page. */
    @Transactional(readOnly = true)
    public ReferenceDataStatus status() {
        return new ReferenceDataStatus(repository.tableCounts(), repository.recentLoads(30).stream()
                .map(e -> new ReferenceDataStatus.Load(e.kind(), e.fileName(), e.rows(), e.loadedBy(),
                        e.loadedAt().toInstant()))
                .toList());
    }

    private static String names(List<ReferenceFile> files) {
        return files.stream().map(ReferenceFile::fileName).collect(Collectors.joining(","));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
