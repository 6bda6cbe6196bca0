package se.samsyn.competence;

import java.time.LocalDate;
import java.util.List;
import se.samsyn.shared.Actor;

/**
 * Introduction of new staff: programmes per role (a checklist over the first months), an
 * introduction per new employee with a mentor, and its progress. Adding a directly employed person
 * to a unit (form, API or import) starts the programme of the person's role by itself while the
 * programme still has items ahead (see {@code internal.AutomaticIntroductions}). Progress is personal data: for
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

    /**
     * The unit's manager or the municipality's administrator sets an introduction's mentor: a name
     * (1-200 characters) and, when the mentor signs in to Samsyn, the username of their account,
     * which must be enabled and lie within the unit's municipality. Audited.
     *
     * @param mentorAccount a username, or null/blank for a mentor who does not sign in
     * @throws CompetenceRejected mentor (name missing or too long), mentorAccount (no such enabled
     *         account in the municipality) or introduction (not one of the unit's)
     */
    Progress assignMentor(Actor actor, String unitCode, long introductionId, String mentor, String mentorAccount);

    /**
     * The introductions whose mentor is linked to the signed-in account, each with only the items the
     * mentor guides (guided by "Mentor"), by start date. The new employee's name is shown to the
     * mentor; the read is audited. Empty for an account that mentors no one.
     */
    List<Mentorship> mentoring(Actor actor);

    /**
     * The mentor ticks off an item they guide, done on the day given (from the start to today).
     *
     * @throws StaffNotFound (404, audited as refused) when the actor is not the introduction's linked
     *         mentor or the item is not one the mentor guides
     * @throws CompetenceRejected doneOn outside the start and today
     */
    Mentorship checkAsMentor(Actor actor, long introductionId, long itemId, LocalDate doneOn);

    /** An introduction as its mentor sees it: the unit and the progress on the mentor's items only. */
    record Mentorship(String unitCode, String unitName, Progress progress) {
    }

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

        /** True when the mentor guides the item (guided by "Mentor", in any case): the items a mentor ticks off. */
        public boolean byMentor() {
            return guidedBy != null && "mentor".equalsIgnoreCase(guidedBy.strip());
        }
    }

    /** One item's standing: due on start + due weeks, done on a day or not, overdue when not done after its due day. */
    record ItemProgress(Item item, LocalDate dueOn, LocalDate doneOn, boolean overdue) {
    }

    /**
     * One person's introduction: the programme, the mentor, each item, and counts done and overdue.
     *
     * @param mentor        the mentor's name, or null until one is assigned (an automatic start has none)
     * @param mentorAccount the username of the mentor's Samsyn account, or null when the mentor does not sign in
     * @param startedHow    manual (started by the manager), or page, api or import (started by adding the person)
     */
    record Progress(long id, String employeeNumber, String name, Programme programme, String mentor, LocalDate startedOn,
                    List<ItemProgress> items, int done, int overdue, String mentorAccount, String startedHow) {
        /** True when every item is done. */
        public boolean completed() {
            return done == items.size();
        }
    }
}
