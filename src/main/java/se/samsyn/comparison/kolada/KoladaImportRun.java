package se.samsyn.comparison.kolada;

import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.comparison.IndicatorValuesChanged;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.ImportSteps;
import se.samsyn.imports.RowProblems;
import se.samsyn.shared.Actor;

/**
 * One Kolada import in the {@link se.samsyn.imports.ImportPipeline}: what the file holds
 * (metadata or values, told by its source), the row rules ({@link KoladaRowRule}) and the store
 * step. Metadata rows insert a new KPI or update a stored one whose values differ. Value rows of a
 * KPI without stored results are inserted at once; the others update the stored value where it
 * differs and are inserted where there is none; a value stored already is unchanged, so importing
 * the same file again changes nothing. Around them: one import at a time across instances, the
 * load log with the file's SHA-256, the audit and the event that indicators' values changed.
 */
final class KoladaImportRun implements ImportSteps<MapSqlParameterSource> {

    static final String METADATA = "metadata";
    static final String VALUES = "values";

    private final Actor actor;
    private final String by;
    private final String fileName;
    private final DigestInputStream content;
    private final LongConsumer rowsRead;
    private final KoladaRowRule rule;
    private final KoladaImportTypes types;
    private final Map<String, Boolean> kpiHadResults = new HashMap<>();
    private final Set<String> changedIndicators = new TreeSet<>();
    private String kind;
    private String areaField;

    KoladaImportRun(Actor actor, String by, String fileName, DigestInputStream content, LongConsumer rowsRead,
                    KoladaRowRule rule, KoladaImportTypes types) {
        this.actor = actor;
        this.by = by;
        this.fileName = fileName;
        this.content = content;
        this.rowsRead = rowsRead;
        this.rule = rule;
        this.types = types;
    }

    /** What the file holds, {@code metadata} or {@code values}; null until its source has told. */
    String kind() {
        return kind;
    }

    /** The indicators whose metadata or values this run stored or changed. */
    Set<String> changedIndicators() {
        return Set.copyOf(changedIndicators);
    }

    void holds(String kind, String areaField) {
        this.kind = kind;
        this.areaField = areaField;
    }

    @Override
    public void begin(boolean dryRun) {
        if (!dryRun) {
            // one import at a time across instances, so the same file sent twice at once is stored once
            types.locks().holdUntilCommit("kolada-import");
        }
    }

    @Override
    public MapSqlParameterSource check(long row, Map<String, String> values, RowProblems problems) {
        if (METADATA.equals(kind)) {
            return rule.metadata(values, problems);
        }
        return values.containsKey(KoladaSources.MISSING) ? null : rule.value(values, areaField, problems);
    }

    @Override
    public String key(MapSqlParameterSource row) {
        return METADATA.equals(kind) ? (String) row.getValue("id") : row.getValue("kpi") + "|" + row.getValue("area")
                + "|" + row.getValue("year") + "|" + row.getValue("gender");
    }

    @Override
    public FileProblem duplicate(long row, long earlier, MapSqlParameterSource value) {
        return FileProblem.of(row, METADATA.equals(kind) ? "kpi_id" : areaField, "import.error.duplicate-row", earlier);
    }

    @Override
    public FileProblem fileProblem(FileProblem problem) {
        return switch (problem.messageKey()) {
            case "import.error.field-count" -> problem.withMessage("import.error.width", List.of());
            case "import.error.encoding" -> problem.withMessage("kolada.error.encoding", List.of());
            case "import.error.malformed" -> problem.withMessage("kolada.error.malformed", List.of());
            default -> problem;
        };
    }

    @Override
    public void progress(long rows) {
        rowsRead.accept(rows);
    }

    @Override
    public void store(List<MapSqlParameterSource> batch, Tally tally) {
        KoladaRepository repository = types.repository();
        if (METADATA.equals(kind)) {
            for (MapSqlParameterSource kpi : batch) {
                if (repository.insertKpi(kpi)) {
                    tally.created(1);
                    changedIndicators.add((String) kpi.getValue("id"));
                } else if (repository.updateKpi(kpi)) {
                    tally.updated(1);
                    changedIndicators.add((String) kpi.getValue("id"));
                }
            }
            return;
        }
        List<MapSqlParameterSource> updates = new ArrayList<>();
        List<MapSqlParameterSource> fresh = new ArrayList<>();
        for (MapSqlParameterSource row : batch) {
            boolean had = kpiHadResults.computeIfAbsent((String) row.getValue("kpi"), repository::hasResults);
            (had ? updates : fresh).add(row);
        }
        tally.created(repository.batch(KoladaRepository.INSERT_NEW_VALUE, fresh).length);
        fresh.forEach(row -> changedIndicators.add((String) row.getValue("kpi")));
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        int[] changed = repository.batch(KoladaRepository.UPDATE_VALUE, updates);
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] > 0) {
                tally.updated(1);
                changedIndicators.add((String) updates.get(i).getValue("kpi"));
            } else {
                inserts.add(updates.get(i));
            }
        }
        int[] added = repository.batch(KoladaRepository.INSERT_VALUE, inserts);
        for (int i = 0; i < added.length; i++) {
            if (added[i] > 0) {
                tally.created(1);
                changedIndicators.add((String) inserts.get(i).getValue("kpi"));
            }
        }
    }

    @Override
    public void finish(ImportReport r) {
        String sha = HexFormat.of().formatHex(content.getMessageDigest().digest());
        types.repository().logLoad(fileName, kind, sha, r.rows(), r.created(), r.updated(), by,
                types.clock().instant());
        types.audit().record(auditRecord("KOLADA_IMPORTED", AuditOutcome.SUCCESS, r));
        if (VALUES.equals(kind) && !changedIndicators.isEmpty()) {
            types.events().publishEvent(new IndicatorValuesChanged(Set.copyOf(changedIndicators)));
        }
    }

    @Override
    public void rolledBack(ImportReport r) {
        types.audit().record(auditRecord(r.rejected() ? "KOLADA_REJECTED" : "KOLADA_DRY_RUN",
                r.rejected() ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS, r));
    }

    private AuditRecord auditRecord(String action, AuditOutcome outcome, ImportReport r) {
        AuditRecord.Builder builder = AuditRecord.of(action, AuditCategory.ADMINISTRATION).outcome(outcome)
                .object("kolada-import", fileName.length() > 100 ? fileName.substring(0, 100) : fileName)
                .details("kind=" + (kind == null ? "unknown" : kind) + "; rows=" + r.rows() + "; new=" + r.created()
                        + "; updated=" + r.updated() + "; unchanged=" + r.unchanged() + "; ignored=" + r.ignored()
                        + "; errors=" + r.errorCount());
        return (actor == null ? builder.actorName(by) : builder.actor(actor)).build();
    }
}
