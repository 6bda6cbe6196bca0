package se.samsyn.competence;

import java.time.LocalDate;
import java.util.List;
import se.samsyn.shared.Actor;

/**
 * Introduction of new staff: programmes per role (a checklist over the first months), an
 * introduction per new employee with a mentor, and its progress. Progress is personal data: for
 * the unit's manager and the municipality's administrator, audited like the staff register.
 */
public interface Introductions {

    /** The national programmes and the municipality's own (null: national only), by title. */
    List<Programme> programmes(String municipalityCode);

    /** The unit's introductions with their progress on today's date (Sweden), by start date. */
    List<Progress> unit(Actor actor, String unitCode);

    /**
     * Starts the programme for a person of the unit.
     *
     * @param programme the programme's code, or null for the programme of the person's role
     * @throws CompetenceRejected for an unknown person or programme, no programme for the role, a
     *         mentor missing or over 200 characters, or a person who already has an introduction
     */
    Progress start(Actor actor, String unitCode, String employeeNumber, String programme, String mentor,
                   LocalDate startedOn);

    /** Ticks off one item of an introduction as done on the day given (today or earlier). */
    Progress check(Actor actor, String unitCode, long introductionId, long itemId, LocalDate doneOn);

    /** A programme and its items in order. */
    record Programme(long id, String code, String municipalityCode, StaffRole role, String titleSv, String titleEn,
                     List<Item> items) {
        /** The title in the language asked for. */
        public String title(String language) {
            return "en".equals(language) && titleEn != null ? titleEn : titleSv;
        }
    }

    /**
     * One checklist item.
     *
     * @param dueWeek  the week from the start by which it should be done (1-52)
     * @param guidedBy who guides it, for example Mentor or Enhetschef
     * @param guideEntry a knowledge-guide entry's slug, or null
     */
    record Item(long id, int position, String titleSv, String titleEn, int dueWeek, String guidedBy, String guideEntry) {
        /** The title in the language asked for. */
        public String title(String language) {
            return "en".equals(language) && titleEn != null ? titleEn : titleSv;
        }
    }

    /** One item's standing: due on start + due weeks, done on a day or not, overdue when not done after its due day. */
    record ItemProgress(Item item, LocalDate dueOn, LocalDate doneOn, boolean overdue) {
    }

    /** One person's introduction: the programme, the mentor, each item, and counts done and overdue. */
    record Progress(long id, String employeeNumber, String name, Programme programme, String mentor, LocalDate startedOn,
                    List<ItemProgress> items, int done, int overdue) {
        /** True when every item is done. */
        public boolean completed() {
            return done == items.size();
        }
    }
}
