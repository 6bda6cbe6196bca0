package se.samsyn.organisation.referencedata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
 * Loads a batch of reference files all-or-nothing: every file is checked first, and only a batch
 * without problems is written, in one transaction. A file whose checksum equals the last one
 * loaded for its kind is skipped, so loading the same folder again changes nothing.
 */
@Service
public class ReferenceDataImport {

    private final ReferenceDataRepository repository;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ChangeSignals signals;
    private final ClusterLocks locks;

    ReferenceDataImport(ReferenceDataRepository repository, AuditTrail audit, ApplicationEventPublisher events,
                        Clock clock, ChangeSignals signals, ClusterLocks locks) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.signals = signals;
        this.locks = locks;
    }

    /** Loads files handed in by a national administrator through the UI or the API. */
    @Transactional
    public ReferenceLoadResult upload(Actor actor, List<ReferenceFile> files, boolean dryRun) {
        if (actor == null || actor.role() != Role.ADMINISTRATOR || actor.scope().type() != ScopeType.NATION) {
            throw new AccessDeniedException("Only national administrators load reference data");
        }
        return load(files, dryRun, actor.username(), actor);
    }

    /** Loads files found at start-up; the actor is the system. */
    @Transactional
    public ReferenceLoadResult loadAtStartup(List<ReferenceFile> files) {
        return load(files, false, Actor.SYSTEM, null);
    }

    private ReferenceLoadResult load(List<ReferenceFile> files, boolean dryRun, String loadedBy, Actor actor) {
        if (!dryRun) {
            // one load at a time across instances; the second finds the checksums stored and changes nothing
            locks.holdUntilCommit("reference-data");
        }
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
        ReferenceDataValidation.Batch batch =
                new ReferenceDataValidation(repository.countyCodes(), repository.municipalityCodes()).validate(changed);
        if (!batch.problems.isEmpty()) {
            audit.record(AuditRecord.of("REFERENCE_DATA_REJECTED", AuditCategory.ADMINISTRATION)
                    .actor(actor).actorName(loadedBy).outcome(AuditOutcome.FAILURE)
                    .details("files=" + names(changed) + "; problems=" + batch.problems.size())
                    .build());
            return new ReferenceLoadResult("rejected", summaries, batch.problems);
        }
        for (ReferenceFile file : changed) {
            summaries.add(new ReferenceLoadResult.FileSummary(file.kind(), file.fileName(),
                    batch.rows(file.kind()).size(), dryRun ? "valid" : "loaded"));
        }
        if (dryRun) {
            return new ReferenceLoadResult("valid", summaries, List.of());
        }
        if (changed.isEmpty()) {
            return new ReferenceLoadResult("unchanged", summaries, List.of());
        }
        write(batch);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (ReferenceFile file : changed) {
            repository.logLoad(file.kind(), file.fileName(), checksums.get(file), batch.rows(file.kind()).size(),
                    loadedBy, now);
        }
        audit.record(AuditRecord.of("REFERENCE_DATA_LOADED", AuditCategory.ADMINISTRATION)
                .actor(actor).actorName(loadedBy)
                .details("files=" + names(changed))
                .build());
        Set<String> kinds = changed.stream().map(f -> f.kind().code()).collect(Collectors.toSet());
        events.publishEvent(new ReferenceDataLoaded(kinds));
        signals.raise(Organisation.REFERENCE_DATA_CHANGED);
        return new ReferenceLoadResult("loaded", summaries, List.of());
    }

    private void write(ReferenceDataValidation.Batch batch) {
        for (ReferenceFileKind kind : EnumSet.allOf(ReferenceFileKind.class)) {
            if (!batch.rows.containsKey(kind)) {
                continue;
            }
            switch (kind) {
                case COUNTIES -> repository.upsertCounties(batch.rows(kind));
                case MUNICIPALITIES -> repository.upsertMunicipalities(batch.rows(kind));
                case MUNICIPALITY_GROUPS -> repository.upsertGroups(batch.rows(kind));
                case POPULATION -> repository.upsertPopulation(batch.rows(kind));
                case POPULATION_TOTALS -> repository.upsertTotals(batch.rows(kind));
                case MUNICIPALITY_BOUNDARIES -> repository.upsertBoundaries("municipality", batch.rows(kind));
                case COUNTY_BOUNDARIES -> repository.upsertBoundaries("county", batch.rows(kind));
            }
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
