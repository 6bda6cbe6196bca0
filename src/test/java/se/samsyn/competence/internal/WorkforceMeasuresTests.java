package se.samsyn.competence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samsyn.competence.Degree;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.Employee;
import se.samsyn.competence.EmploymentForm;
import se.samsyn.competence.RegulatedTask;
import se.samsyn.competence.StaffRole;

/**
 * Golden values of every workforce measure on a fixture small enough to check by hand. Year 2025,
 * today 2026-06-01 (so the reference day is 2025-12-31). Unit U1:
 * <pre>
 * P1 permanent 2020-01-01 –            socionom, investigates              (5+ years)
 * P2 permanent 2024-03-01 – 2025-06-30 socionom, follows up                (left in 2025)
 * P3 temporary 2025-02-01 –            behavioural-science[social-work], opens investigations (legal gap)
 * P4 agency    2025-09-01 –            no tasks
 * P5 permanent 2025-05-01 –            no tasks, introduction completed
 * </pre>
 * Unit U2: P6 permanent 2023-01-01 – 2025-03-31 (left in 2025). Vacancies: U1 2 open posts in
 * March 2025 and 1 in October 2025; U2 3 open posts in 2024-12 (another year).
 */
class WorkforceMeasuresTests {

    static Employee person(String number, EmploymentForm form, String start, String end, Degree degree,
                           Set<DegreeComponent> components, Set<RegulatedTask> tasks) {
        return new Employee(number, number, StaffRole.SOCIAL_WORKER, form, LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end), BigDecimal.ZERO,
                degree == null ? List.of() : List.of(new Employee.HeldDegree(degree, components)), null, null, tasks, null);
    }

    static final List<WorkforceMeasures.Placed> STAFF = List.of(
            new WorkforceMeasures.Placed("U1", person("P1", EmploymentForm.PERMANENT, "2020-01-01", null, Degree.SOCIONOM,
                    Set.of(), Set.of(RegulatedTask.INVESTIGATE))),
            new WorkforceMeasures.Placed("U1", person("P2", EmploymentForm.PERMANENT, "2024-03-01", "2025-06-30",
                    Degree.SOCIONOM, Set.of(), Set.of(RegulatedTask.FOLLOW_UP))),
            new WorkforceMeasures.Placed("U1", person("P3", EmploymentForm.TEMPORARY, "2025-02-01", null,
                    Degree.BEHAVIOURAL_SCIENCE, Set.of(DegreeComponent.SOCIAL_WORK), Set.of(RegulatedTask.OPEN_INVESTIGATION))),
            new WorkforceMeasures.Placed("U1", person("P4", EmploymentForm.AGENCY, "2025-09-01", null, null, Set.of(),
                    Set.of())),
            new WorkforceMeasures.Placed("U1", person("P5", EmploymentForm.PERMANENT, "2025-05-01", null, null, Set.of(),
                    Set.of())),
            new WorkforceMeasures.Placed("U2", person("P6", EmploymentForm.PERMANENT, "2023-01-01", "2025-03-31", null,
                    Set.of(), Set.of())));

    static final List<WorkforceMeasures.Vacancy> VACANCIES = List.of(
            new WorkforceMeasures.Vacancy("U1", YearMonth.of(2025, 3), 2),
            new WorkforceMeasures.Vacancy("U1", YearMonth.of(2025, 10), 1),
            new WorkforceMeasures.Vacancy("U2", YearMonth.of(2024, 12), 3));

    @Test
    void everyMeasureOnTheFixture() {
        Map<String, double[]> m = WorkforceMeasures.of(2025, LocalDate.of(2026, 6, 1), STAFF, VACANCIES,
                List.of(RequirementRuleTests.OPEN, RequirementRuleTests.INVESTIGATE, RequirementRuleTests.FOLLOW_UP),
                Set.of("U1/P5"), new BigDecimal("2"));

        // directly employed on 1 Jan 2025: P1, P2, P6 = 3; on 31 Dec 2025: P1, P3, P5 = 3; leavers P2, P6
        assertThat(m.get("turnover")).containsExactly(2.0, 3.0);
        // March: 2 open + U1 staff on 1 March (P1, P2, P3) = 3; October: 1 open + (P1, P3, P4, P5) = 4
        assertThat(m.get("vacancy")).containsExactly(3.0, 10.0);
        // on 31 Dec 2025: P1, P3, P4, P5; P4 is agency
        assertThat(m.get("agency")).containsExactly(1.0, 4.0);
        // performing regulated tasks on 31 Dec: P1 (meets), P3 (lacks components)
        assertThat(m.get("legal")).containsExactly(1.0, 2.0);
        // at least 2 years on 31 Dec: P1 only (P3 0.9, P4 0.3, P5 0.6)
        assertThat(m.get("experienced")).containsExactly(1.0, 4.0);
        // directly employed starters in 2025: P3, P5; P5's introduction is completed
        assertThat(m.get("introduced")).containsExactly(1.0, 2.0);
        assertThat(m.keySet()).containsExactlyElementsOf(WorkforceMeasures.MEASURES);
    }

    @Test
    void theCurrentYearIsTakenOnTodayAndEmptyMeasuresAreLeftOut() {
        Map<String, double[]> m = WorkforceMeasures.of(2026, LocalDate.of(2026, 6, 1), STAFF, VACANCIES, List.of(),
                Set.of(), new BigDecimal("2"));

        assertThat(m.get("turnover")).containsExactly(0.0, 3.0);
        assertThat(m.get("agency")).containsExactly(1.0, 4.0);
        assertThat(m).doesNotContainKeys("vacancy", "introduced");
    }
}
