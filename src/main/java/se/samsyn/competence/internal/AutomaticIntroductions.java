package se.samsyn.competence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.competence.Employee;
import se.samsyn.competence.EmploymentForm;
import se.samsyn.competence.Introductions.Programme;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * Starts the introduction of a person just added to a unit's staff, by the form, the API or the
 * import, in the caller's transaction (so a dry run or a rejected import starts nothing). The
 * programme is the one for the person's role, the municipality's own before a national one (the
 * first by title when several fit). It starts only when
 * <ul>
 *   <li>the person is directly employed (permanent or temporary): a consultant hired through a
 *       staffing agency is introduced by the agency, and the indicator "share of new staff with a
 *       completed introduction" counts the directly employed only;</li>
 *   <li>the employment has not ended, and the programme still has an item ahead: today is not after
 *       the start date plus the programme's last due week (adding the whole staff from an HR export
 *       starts nothing for those who have been there longer);</li>
 *   <li>the person has no introduction in the unit yet (a re-import never starts a second one).</li>
 * </ul>
 * The introduction starts on the employment's start date with no mentor; the manager assigns one.
 */
@Component
class AutomaticIntroductions {

    private final IntroductionStore store;
    private final AuditTrail audit;
    private final Clock clock;

    AutomaticIntroductions(IntroductionStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The programme of the role: the municipality's own first, then a national one, each by title.
     * Empty when no programme has that role.
     */
    static Optional<Programme> forRole(List<Programme> programmes, se.samsyn.competence.StaffRole role) {
        return programmes.stream().filter(p -> p.role() == role)
                .min(Comparator.comparing((Programme p) -> p.municipalityCode() == null).thenComparing(Programme::titleSv));
    }

    /**
     * Starts the role's programme for a person just added, when the rule of this class allows.
     *
     * @param how page, api or import: how the person was added, kept with the introduction and audited
     * @return the new introduction's id, or empty when none was started
     */
    Optional<Long> added(Actor actor, Unit unit, Employee person, String how) {
        LocalDate today = SwedishTime.today(clock);
        if (person.employment() == EmploymentForm.AGENCY || person.endDate() != null && person.endDate().isBefore(today)
                || store.exists(unit.code(), person.employeeNumber())) {
            return Optional.empty();
        }
        Optional<Programme> programme = forRole(store.programmes(unit.municipalityCode()), person.role())
                .filter(p -> !p.items().isEmpty())
                .filter(p -> !today.isAfter(person.startDate().plusWeeks(
                        p.items().stream().mapToInt(se.samsyn.competence.Introductions.Item::dueWeek).max().orElse(0))));
        if (programme.isEmpty()) {
            return Optional.empty();
        }
        long id = store.insert(unit.municipalityCode(), unit.code(), person.employeeNumber(), programme.get().id(), null,
                person.startDate(), clock.instant(), actor.username(), how);
        audit.record(AuditRecord.of("COMPETENCE_INTRODUCTION_STARTED", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                .object("employee", person.employeeNumber()).municipality(unit.municipalityCode()).unit(unit.code())
                .details("programme=" + programme.get().code() + "; introduction=" + id + "; automatic; via=" + how)
                .build());
        return Optional.of(id);
    }
}
