package se.samsyn.competence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One person in a unit's staff register. Personal data: shown by name only to the unit's manager
 * and the municipality's administrator (ADR 12).
 *
 * @param employeeNumber the HR system's employee number: 1-20 letters, digits or '-', never a personnummer
 * @param name           the name, at most 200 characters
 * @param role           the role
 * @param employment     permanent, temporary or hired through a staffing agency
 * @param startDate      the first day in the unit; {@code endDate} the last, or null while employed
 * @param priorYears     years of earlier relevant experience, 0-60, one decimal
 * @param degrees        the degrees held, each with its components
 * @param supplementary  components completed through supplementary courses (a completion plan)
 * @param trainings      completed trainings: a knowledge-guide entry's slug and the date completed
 * @param tasks          the regulated tasks the person performs
 * @param titles         the protected titles the person holds
 */
public record Employee(String employeeNumber, String name, StaffRole role, EmploymentForm employment,
                       LocalDate startDate, LocalDate endDate, BigDecimal priorYears, List<HeldDegree> degrees,
                       Set<DegreeComponent> supplementary, List<CompletedTraining> trainings,
                       Set<RegulatedTask> tasks, Set<ProtectedTitle> titles) {

    public Employee {
        Objects.requireNonNull(employeeNumber, "employeeNumber");
        priorYears = priorYears == null ? BigDecimal.ZERO : priorYears;
        degrees = degrees == null ? List.of() : List.copyOf(degrees);
        supplementary = supplementary == null ? Set.of() : Set.copyOf(supplementary);
        trainings = trainings == null ? List.of() : List.copyOf(trainings);
        tasks = tasks == null ? Set.of() : Set.copyOf(tasks);
        titles = titles == null ? Set.of() : Set.copyOf(titles);
    }

    /** A degree and the components it includes. */
    public record HeldDegree(Degree degree, Set<DegreeComponent> components) {
        public HeldDegree {
            Objects.requireNonNull(degree, "degree");
            components = components == null ? Set.of() : Set.copyOf(components);
        }
    }

    /** A completed training: the knowledge-guide entry's slug and the day it was completed. */
    public record CompletedTraining(String slug, LocalDate completedOn) {
        public CompletedTraining {
            Objects.requireNonNull(slug, "slug");
        }
    }

    /** True while employed on {@code day}: started on or before it and not ended before it. */
    public boolean employedOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}
