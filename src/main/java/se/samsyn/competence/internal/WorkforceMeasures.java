package se.samsyn.competence.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samsyn.competence.Assessment;
import se.samsyn.competence.Employee;
import se.samsyn.competence.EmploymentForm;
import se.samsyn.competence.Requirement;

/**
 * The workforce measures of one municipality and year, in plain Java. The reference day of year Y
 * is 31 December Y, or today for the current year. Each measure is a numerator and a denominator
 * (the published indicator is their ratio × 100):
 * <ul>
 *   <li><b>turnover</b> (as the English ASC-WDS): directly employed (not agency) staff whose
 *       employment ended in Y ÷ the average of the directly employed headcount on 1 January Y and on
 *       the reference day;</li>
 *   <li><b>vacancy</b>: open posts summed over the months a unit reported in Y ÷ (those open posts +
 *       the unit's headcount on the first day of each such month);</li>
 *   <li><b>agency</b>: staff hired through a staffing agency ÷ staff, on the reference day;</li>
 *   <li><b>legal</b>: staff performing a regulated task who meet every legal requirement that applies
 *       ÷ staff performing a regulated task, on the reference day;</li>
 *   <li><b>experienced</b>: staff with at least {@code experiencedYears} of experience ÷ staff, on the
 *       reference day (the threshold is configuration: {@code samsyn.competence.experienced-years});</li>
 *   <li><b>introduced</b>: directly employed staff who started in Y and have a completed introduction
 *       ÷ directly employed staff who started in Y.</li>
 * </ul>
 * A measure with a zero denominator is left out.
 */
final class WorkforceMeasures {

    /** The measures' codes, as in {@code cpt_fact_workforce.measure}. */
    static final List<String> MEASURES = List.of("turnover", "vacancy", "agency", "legal", "experienced", "introduced");

    private WorkforceMeasures() {
    }

    /** One unit's reported open posts in one month. */
    record Vacancy(String unitCode, YearMonth month, int openPosts) {
    }

    /** A person and the unit they belong to. */
    record Placed(String unitCode, Employee employee) {
    }

    /**
     * The measures of year {@code year}, by code, as {numerator, denominator}.
     *
     * @param completedIntroductions the employee numbers (per unit, "unit/number") with a completed introduction
     */
    static Map<String, double[]> of(int year, LocalDate today, List<Placed> staff, List<Vacancy> vacancies,
                                    List<Requirement> catalogue, Set<String> completedIntroductions,
                                    BigDecimal experiencedYears) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate reference = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
        Map<String, double[]> m = new LinkedHashMap<>();
        List<Employee> direct = staff.stream().map(Placed::employee).filter(e -> e.employment() != EmploymentForm.AGENCY)
                .toList();
        long leavers = direct.stream().filter(e -> e.endDate() != null && e.endDate().getYear() == year).count();
        double average = (direct.stream().filter(e -> e.employedOn(first)).count()
                + direct.stream().filter(e -> e.employedOn(reference)).count()) / 2.0;
        put(m, "turnover", leavers, average);
        long open = 0;
        long filled = 0;
        for (Vacancy v : vacancies) {
            if (v.month().getYear() == year) {
                LocalDate day = v.month().atDay(1);
                open += v.openPosts();
                filled += staff.stream().filter(p -> p.unitCode().equals(v.unitCode()) && p.employee().employedOn(day))
                        .count();
            }
        }
        put(m, "vacancy", open, open + filled);
        List<Employee> now = staff.stream().map(Placed::employee).filter(e -> e.employedOn(reference)).toList();
        put(m, "agency", now.stream().filter(e -> e.employment() == EmploymentForm.AGENCY).count(), now.size());
        List<Employee> regulated = now.stream().filter(e -> !e.tasks().isEmpty()).toList();
        put(m, "legal", regulated.stream().filter(e -> catalogue.stream().filter(Requirement::legal)
                .filter(r -> RequirementRule.appliesTo(r, e))
                .allMatch(r -> RequirementRule.assess(r, e, reference).status() == Assessment.Status.MET)).count(),
                regulated.size());
        put(m, "experienced", now.stream().filter(e -> RequirementRule.experience(e, reference)
                .compareTo(experiencedYears) >= 0).count(), now.size());
        List<Placed> starters = staff.stream().filter(p -> p.employee().employment() != EmploymentForm.AGENCY
                && p.employee().startDate().getYear() == year && !p.employee().startDate().isAfter(reference)).toList();
        put(m, "introduced", starters.stream().filter(p -> completedIntroductions.contains(p.unitCode() + "/"
                + p.employee().employeeNumber())).count(), starters.size());
        return m;
    }

    private static void put(Map<String, double[]> m, String measure, double numerator, double denominator) {
        if (denominator > 0) {
            m.put(measure, new double[] {numerator, denominator});
        }
    }
}
