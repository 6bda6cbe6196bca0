package se.samsyn.comparison.kolada;

import java.time.Instant;
import java.util.List;
import se.samsyn.comparison.kolada.KoladaRecords.RowError;

/**
 * Where the load of the Kolada sample stands, as one immutable snapshot.
 *
 * @param state      see {@link State}
 * @param file       the file being read ({@code kolada_sample/kpi_values.csv}), or the file that
 *                   failed; null before the first file and after a successful load
 * @param rowsRead   data rows read so far in this load, over all files that needed loading
 * @param rowsTotal  data rows in all files that needed loading (files whose checksum was in the
 *                   import log are skipped and not counted); 0 until they are counted
 * @param files      every file handled so far, in load order, with its outcome
 * @param reasonKey  for {@link State#FAILED}: the message key of the reason (arguments in
 *                   {@code reasonArgs}); otherwise null
 * @param reasonArgs arguments of {@code reasonKey}: the file name, then for a rejected file its
 *                   number of bad rows
 * @param firstError for a rejected file, its first bad row; otherwise null
 * @param startedAt  when this load started; null while waiting
 * @param finishedAt when it finished or failed; null until then
 */
public record KoladaSampleProgress(State state, String file, long rowsRead, long rowsTotal, List<FileLoad> files,
                                   String reasonKey, List<Object> reasonArgs, RowError firstError,
                                   Instant startedAt, Instant finishedAt) {

    /** The stages of a load. */
    public enum State {
        /** Switched off ({@code samsyn.kolada.load-sample=false}). */
        OFF,
        /** Switched on, not started yet (it starts once the application is ready). */
        WAITING,
        /** No {@code kolada_sample/} files at the reference-data location. */
        NOT_FOUND,
        /** Reading and storing. */
        RUNNING,
        /** Every file is stored (or was stored by an earlier load). */
        DONE,
        /** A file was rejected or could not be read; that file and later ones are not stored. */
        FAILED;

        /** The message key of this state's label. */
        public String messageKey() {
            return "kolada.sample.state." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One sample file's outcome: {@code imported} (with its rows and how many values were new or
     * updated) or {@code already-loaded} (its checksum was in the import log; rows are 0).
     */
    public record FileLoad(String file, String outcome, long rows, long imported, long updated) {

        /** The message key of the outcome's label. */
        public String messageKey() {
            return "kolada.sample.outcome." + outcome;
        }
    }

    public KoladaSampleProgress {
        files = List.copyOf(files);
        reasonArgs = reasonArgs == null ? List.of() : List.copyOf(reasonArgs);
    }

    static KoladaSampleProgress initial(boolean enabled) {
        return new KoladaSampleProgress(enabled ? State.WAITING : State.OFF, null, 0, 0, List.of(), null, null, null,
                null, null);
    }

    /**
     * The message key describing this progress; its arguments are {@code file}, {@code rowsRead},
     * {@code rowsTotal} and {@link #percent()}. A load that found every file already loaded says so.
     */
    public String messageKey() {
        if (state == State.DONE && rowsTotal == 0 && !files.isEmpty()) {
            return "kolada.sample.state.done-earlier";
        }
        return state.messageKey();
    }

    /** True once the load is over, successfully or not (also when it is switched off or finds nothing). */
    public boolean finished() {
        return state != State.WAITING && state != State.RUNNING;
    }

    /** Rows read as a whole percentage of the total, 0–100; 100 when done, 0 when nothing is counted yet. */
    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        return rowsTotal <= 0 ? 0 : (int) Math.min(100, rowsRead * 100 / rowsTotal);
    }

    KoladaSampleProgress reading(String newFile, long read) {
        return new KoladaSampleProgress(State.RUNNING, newFile, read, rowsTotal, files, null, null, null, startedAt,
                null);
    }

    KoladaSampleProgress counted(long total) {
        return new KoladaSampleProgress(state, file, rowsRead, total, files, null, null, null, startedAt, null);
    }

    KoladaSampleProgress with(FileLoad done, long read) {
        List<FileLoad> all = new java.util.ArrayList<>(files);
        all.add(done);
        return new KoladaSampleProgress(state, null, read, rowsTotal, all, null, null, null, startedAt, null);
    }

    KoladaSampleProgress done(Instant at) {
        return new KoladaSampleProgress(State.DONE, null, rowsRead, rowsTotal, files, null, null, null, startedAt, at);
    }

    KoladaSampleProgress failed(String failedFile, String key, List<Object> args, RowError error, Instant at) {
        return new KoladaSampleProgress(State.FAILED, failedFile, rowsRead, rowsTotal, files, key, args, error,
                startedAt, at);
    }
}
