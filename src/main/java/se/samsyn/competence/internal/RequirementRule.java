package se.samsyn.competence.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.samsyn.competence.Assessment;
import se.samsyn.competence.Assessment.Shortfall;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.Employee;
import se.samsyn.competence.Requirement;

/**
 * The requirement rule, in plain Java. A requirement applies to a person who performs its task
 * (when it names one), else who has its role (when it names one), else to everyone. A person meets
 * it when every criterion it states holds on the day asked about:
 * <ul>
 *   <li><b>degree and components</b> (HSLF-FS 2017:79, 3 kap. 3 a § SoL): one of the accepted
 *       degrees, or, when components are named too, some degree and the named components all held
 *       through the person's degrees or supplementary courses; with components alone, the
 *       components, however held;</li>
 *   <li><b>training</b>: the knowledge-guide training completed;</li>
 *   <li><b>experience</b>: earlier experience plus the time in this post (days ÷ 365.25) at least
 *       the years asked for;</li>
 *   <li><b>title</b>: the protected title held.</li>
 * </ul>
 * A time-bound requirement ({@code withinMonths}) that is not met is "due" until the start date
 * plus that many months, and a gap from the day after.
 */
final class RequirementRule {

    private RequirementRule() {
    }

    /** Whether the requirement applies to the person at all (regardless of employment dates). */
    static boolean appliesTo(Requirement requirement, Employee person) {
        if (requirement.task() != null) {
            return person.tasks().contains(requirement.task());
        }
        return requirement.role() == null || requirement.role() == person.role();
    }

    /** The person's standing against the requirement on {@code day}. */
    static Assessment assess(Requirement requirement, Employee person, LocalDate day) {
        List<Shortfall> shortfalls = new ArrayList<>();
        degree(requirement, person).ifPresent(shortfalls::add);
        if (requirement.training() != null && person.trainings().stream()
                .noneMatch(t -> t.slug().equals(requirement.training())
                        && (t.completedOn() == null || !t.completedOn().isAfter(day)))) {
            shortfalls.add(new Shortfall(Shortfall.Kind.TRAINING, List.of(requirement.training())));
        }
        if (requirement.minYears() != null) {
            BigDecimal held = experience(person, day);
            if (held.compareTo(requirement.minYears()) < 0) {
                shortfalls.add(new Shortfall(Shortfall.Kind.EXPERIENCE,
                        List.of(held.toPlainString(), requirement.minYears().stripTrailingZeros().toPlainString())));
            }
        }
        if (requirement.title() != null && !person.titles().contains(requirement.title())) {
            shortfalls.add(new Shortfall(Shortfall.Kind.TITLE, List.of(requirement.title().code())));
        }
        LocalDate due = requirement.withinMonths() == null || person.startDate() == null ? null
                : person.startDate().plusMonths(requirement.withinMonths());
        Assessment.Status status = shortfalls.isEmpty() ? Assessment.Status.MET
                : due != null && !day.isAfter(due) ? Assessment.Status.DUE : Assessment.Status.GAP;
        return new Assessment(requirement.code(), status, shortfalls, due);
    }

    /** Years of relevant experience on {@code day}: earlier years plus the years in this post, one decimal, rounded down. */
    static BigDecimal experience(Employee person, LocalDate day) {
        BigDecimal inPost = BigDecimal.ZERO;
        if (person.startDate() != null && !person.startDate().isAfter(day)) {
            LocalDate last = person.endDate() != null && person.endDate().isBefore(day) ? person.endDate() : day;
            inPost = BigDecimal.valueOf(ChronoUnit.DAYS.between(person.startDate(), last))
                    .divide(BigDecimal.valueOf(365.25), 3, RoundingMode.DOWN);
        }
        return person.priorYears().add(inPost).setScale(1, RoundingMode.DOWN);
    }

    private static java.util.Optional<Shortfall> degree(Requirement requirement, Employee person) {
        Set<DegreeComponent> wanted = requirement.components();
        if (requirement.degrees().isEmpty() && wanted.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (person.degrees().stream().anyMatch(d -> requirement.degrees().contains(d.degree()))) {
            return java.util.Optional.empty();
        }
        if (wanted.isEmpty() || !requirement.degrees().isEmpty() && person.degrees().isEmpty()) {
            return java.util.Optional.of(new Shortfall(Shortfall.Kind.DEGREE,
                    requirement.degrees().stream().map(d -> d.code()).sorted().toList()));
        }
        Set<DegreeComponent> missing = EnumSet.copyOf(wanted);
        person.degrees().forEach(d -> missing.removeAll(d.components()));
        missing.removeAll(person.supplementary());
        return missing.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new Shortfall(Shortfall.Kind.COMPONENTS,
                        missing.stream().map(DegreeComponent::code).toList()));
    }
}
