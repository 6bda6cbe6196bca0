package se.samsyn.competence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samsyn.shared.Actor;

/**
 * The gap between the requirements and the staff, on the day asked about (today in Sweden). For a
 * unit, by name (the unit's manager and the municipality's administrator only, audited): a matrix
 * of staff × requirements, the gaps with their reasons (legal gaps first, then recommended ones,
 * then requirements falling due), the guide's trainings that close each, and the completion plans.
 * For a municipality, counts only (anyone whose scope covers it, except case workers and knowledge
 * editors). Only staff employed today are assessed.
 */
public interface GapAnalysis {

    /** The unit's matrix and gaps; {@link StaffNotFound} (audited) for a reader who may not see names. */
    UnitMatrix unit(Actor actor, String unitCode);

    /** The municipality's counts per unit and per requirement; {@link StaffNotFound} when the reader may not see them. */
    Overview municipality(Actor actor, String municipalityCode);

    /**
     * Plans a course for a person's gap. A course names a knowledge-guide training (whose title is
     * the course when {@code course} is blank) or degree components, or both.
     *
     * @throws CompetenceRejected for an unknown person or requirement, an unknown training, no training and no
     *         components, a course over 200 characters, or a date that is not a day
     */
    PlanItem plan(Actor actor, String unitCode, NewPlanItem item);

    /** Marks a plan item completed on the day given: its training or components are added to the person. */
    PlanItem complete(Actor actor, String unitCode, long planItemId, LocalDate completedOn);

    /**
     * A course to plan.
     *
     * @param employeeNumber the person
     * @param requirement    the requirement's code whose gap it closes
     * @param course         the course's name (at most 200 characters), or blank for the training's title
     * @param training       a published guide training's slug, or null
     * @param components     degree components the course gives (a supplementary university course)
     * @param plannedOn      the planned day of completion
     */
    record NewPlanItem(String employeeNumber, String requirement, String course, String training,
                       Set<DegreeComponent> components, LocalDate plannedOn) {
    }

    /** A planned or completed course; status planned or completed. */
    record PlanItem(long id, String employeeNumber, String requirement, String course, String training,
                    Set<DegreeComponent> components, LocalDate plannedOn, String status, LocalDate completedOn) {
    }

    /** One person's row: the assessment per applicable requirement's code (absent: does not apply). */
    record Row(Employee employee, Map<String, Assessment> cells) {
    }

    /** One gap or requirement falling due: who, which requirement, why, and the trainings that close it. */
    record Gap(String employeeNumber, String name, Requirement requirement, Assessment assessment,
               List<Training> closingTrainings) {
    }

    /** A unit's matrix: the requirements that apply to someone there, a row per person, the gaps, the plans. */
    record UnitMatrix(String unitCode, String unitName, LocalDate day, List<Requirement> requirements, List<Row> rows,
                      List<Gap> gaps, List<PlanItem> plans) {
    }

    /** A unit's counts: staff employed, persons with a legal gap, recommended gaps, requirements falling due. */
    record UnitCount(String unitCode, String unitName, int staff, int legalGaps, int recommendedGaps, int due) {
    }

    /** One requirement's counts in the municipality: persons it applies to, met, due, gaps. */
    record RequirementCount(Requirement requirement, int applies, int met, int due, int gaps) {
    }

    /** A municipality's overview, legal requirements first. */
    record Overview(String municipalityCode, LocalDate day, List<UnitCount> units, List<RequirementCount> requirements) {
    }
}
