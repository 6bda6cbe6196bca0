package se.samsyn.prevention;

import java.io.InputStream;
import java.time.YearMonth;
import java.util.List;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.TabularFile;
import se.samsyn.shared.Actor;

/**
 * A unit's preventive activities, their reach and their anonymous answers. Permissions: a unit's
 * manager and case workers record for their own unit; analysts, directors and administrators see
 * the activities of the municipalities their scope covers (everything here is counts, never a
 * person). Anything the actor may not see answers {@link ActivityNotFound}. Every write is audited
 * in the same transaction and announced with {@link PreventionChanged}.
 */
public interface PreventiveActivities {

    /** The columns of a reach import, in this order: month (yyyy-MM), sex (K, M), age band, participants, contacts. */
    List<String> IMPORT_COLUMNS = List.of("month", "sex", "age_band", "participants", "contacts");

    /**
     * The example row of an activity's import template, one value per {@link #IMPORT_COLUMNS}
     * column, that passes the import's validation: last month (Swedish time, from {@code today}),
     * moved into the activity's period when outside it; the first sex and age band of the target
     * group (K and the first band when the activity targets both or every band); 12 participants and
     * 30 contacts.
     */
    static List<String> importExample(Activity activity, java.time.LocalDate today) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        if (activity.endsOn() != null && month.isAfter(YearMonth.from(activity.endsOn()))) {
            month = YearMonth.from(activity.endsOn());
        }
        if (month.isBefore(YearMonth.from(activity.startsOn()))) {
            month = YearMonth.from(activity.startsOn());
        }
        String sex = ReachRow.SEXES.contains(activity.targetSex()) ? activity.targetSex() : ReachRow.SEXES.get(0);
        String band = activity.targetBands().isEmpty() ? ReachRow.AGE_BANDS.get(0) : activity.targetBands().get(0);
        return List.of(month.toString(), sex, band, "12", "30");
    }

    /** The activities the actor sees, newest first. */
    List<Activity> activities(Actor actor);

    /** The units the actor may record activities for (a unit role's own unit; none otherwise). */
    List<String> recordingUnits(Actor actor);

    /** Whether the actor may record reach and answers for the activity. */
    boolean mayRecord(Actor actor, Activity activity);

    /** @throws ActivityNotFound when there is no such activity or the actor may not see it */
    Activity activity(Actor actor, long id);

    /**
     * Creates an activity for one of the actor's recording units.
     *
     * @throws PreventionRejected the field at fault, for example {@code kindCode}, {@code targetBands}
     * @throws ActivityNotFound   when the unit is not one the actor records for
     */
    Activity create(Actor actor, ActivityDraft draft);

    /** The activity's reach with its yearly reach per 1,000 of the target group. */
    ReachSummary reach(Actor actor, long id);

    /**
     * Records one month's reach from the form: the given rows replace that month's rows for their
     * sex and band (a row with zeros is kept as zero); changes are kept in the history.
     *
     * @throws PreventionRejected a row outside the activity's period, a band or sex unknown, counts negative
     *         or contacts fewer than participants
     */
    void recordReach(Actor actor, long id, YearMonth month, List<ReachRow> rows);

    /**
     * Imports reach rows from a CSV or JSON file on the one import pipeline (ADR 11): all-or-nothing,
     * dry run, every bad row listed, the same month, sex and band once per file, an equal row
     * unchanged, a changed row updated with its history. A file with a column or value that could
     * identify a person (personnummer-shaped, a name) is refused whole.
     */
    ImportReport importReach(Actor actor, long id, InputStream content, TabularFile.Format format, boolean dryRun);

    /**
     * Records one anonymous answer pair: the item answers before and after, in the month of the after
     * answer. Only the two scores are stored.
     *
     * @throws PreventionRejected the activity collects no questionnaire ({@code instrument}), or the answers do
     *         not fit it ({@code before}, {@code after}), or the month is outside the activity's period
     */
    void recordAnswers(Actor actor, long id, YearMonth month, List<Integer> before, List<Integer> after);

    /** The activity's anonymous result, suppressed under five pairs; null when it collects no questionnaire. */
    OutcomeSummary outcome(Actor actor, long id);
}
