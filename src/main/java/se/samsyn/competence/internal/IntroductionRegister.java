package se.samsyn.competence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.competence.CompetenceRejected;
import se.samsyn.competence.Employee;
import se.samsyn.competence.Introductions;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * {@link Introductions} on the {@code cpt_intro*} tables. An item is due on the start date plus its
 * due week × 7 days, and overdue from the day after when it is not done. Access and audit as the
 * staff register ({@link CompetenceAccess}).
 */
@Service
class IntroductionRegister implements Introductions {

    private final IntroductionStore store;
    private final StaffStore staff;
    private final CompetenceAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final WorkforceFacts workforce;

    IntroductionRegister(IntroductionStore store, StaffStore staff, CompetenceAccess access, AuditTrail audit,
                         Clock clock, WorkforceFacts workforce) {
        this.workforce = workforce;
        this.store = store;
        this.staff = staff;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Programme> programmes(String municipalityCode) {
        return store.programmes(municipalityCode);
    }

    @Override
    @Transactional
    public List<Progress> unit(Actor actor, String unitCode) {
        Unit unit = access.names(actor, unitCode);
        List<Progress> progress = progress(unit, SwedishTime.today(clock));
        audit.record(AuditRecord.of("COMPETENCE_INTRODUCTIONS_READ", AuditCategory.INDIVIDUAL_READ).actor(actor)
                .object("staff-register", unit.code()).municipality(unit.municipalityCode()).unit(unit.code())
                .details("introductions=" + progress.size()).build());
        return progress;
    }

    @Override
    @Transactional
    public Progress start(Actor actor, String unitCode, String employeeNumber, String programme, String mentor,
                          LocalDate startedOn) {
        Unit unit = access.names(actor, unitCode);
        Employee person = employeeNumber == null ? null
                : staff.find(unit.code(), employeeNumber).map(StaffStore.Stored::employee).orElse(null);
        if (person == null) {
            throw new CompetenceRejected("employeeNumber", "competence.error.plan-person");
        }
        List<Programme> programmes = store.programmes(unit.municipalityCode());
        Programme chosen = (programme == null || programme.isBlank()
                ? programmes.stream().filter(p -> p.role() == person.role())
                : programmes.stream().filter(p -> p.code().equals(programme.strip()))).findFirst()
                .orElseThrow(() -> new CompetenceRejected("programme", "competence.error.programme"));
        if (mentor == null || mentor.isBlank() || mentor.length() > 200) {
            throw new CompetenceRejected("mentor", "competence.error.mentor");
        }
        if (store.exists(unit.code(), employeeNumber)) {
            throw new CompetenceRejected("employeeNumber", "competence.error.introduction-exists");
        }
        LocalDate start = startedOn == null ? person.startDate() : startedOn;
        long id = store.insert(unit.municipalityCode(), unit.code(), employeeNumber, chosen.id(), mentor.strip(), start,
                clock.instant(), actor.username());
        audit.record(AuditRecord.of("COMPETENCE_INTRODUCTION_STARTED", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                .object("employee", employeeNumber).municipality(unit.municipalityCode()).unit(unit.code())
                .details("programme=" + chosen.code() + "; introduction=" + id).build());
        workforce.recompute(unit.municipalityCode());
        return progress(unit, SwedishTime.today(clock)).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    @Override
    @Transactional
    public Progress check(Actor actor, String unitCode, long introductionId, long itemId, LocalDate doneOn) {
        Unit unit = access.names(actor, unitCode);
        LocalDate today = SwedishTime.today(clock);
        Progress progress = progress(unit, today).stream().filter(p -> p.id() == introductionId).findFirst()
                .orElseThrow(() -> new CompetenceRejected("introduction", "competence.error.introduction"));
        if (progress.items().stream().noneMatch(i -> i.item().id() == itemId)) {
            throw new CompetenceRejected("item", "competence.error.introduction");
        }
        if (doneOn == null || doneOn.isAfter(today) || doneOn.isBefore(progress.startedOn())) {
            throw new CompetenceRejected("doneOn", "competence.error.done-on");
        }
        if (store.check(introductionId, itemId, doneOn, actor.username())) {
            audit.record(AuditRecord.of("COMPETENCE_INTRODUCTION_CHECKED", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                    .object("employee", progress.employeeNumber()).municipality(unit.municipalityCode())
                    .unit(unit.code()).details("introduction=" + introductionId + "; item=" + itemId).build());
            workforce.recompute(unit.municipalityCode());
        }
        return progress(unit, today).stream().filter(p -> p.id() == introductionId).findFirst().orElseThrow();
    }

    /** Every introduction of the unit with its progress on {@code day}. */
    List<Progress> progress(Unit unit, LocalDate day) {
        Map<Long, Programme> programmes = store.programmes(unit.municipalityCode()).stream()
                .collect(Collectors.toMap(Programme::id, Function.identity()));
        Map<String, String> names = staff.staff(unit.code()).stream()
                .collect(Collectors.toMap(Employee::employeeNumber, Employee::name));
        List<Progress> all = new ArrayList<>();
        for (IntroductionStore.Stored s : store.unit(unit.code())) {
            Programme p = programmes.get(s.programmeId());
            if (p == null) {
                continue;
            }
            all.add(progress(s, p, names.getOrDefault(s.employeeNumber(), s.employeeNumber()), day));
        }
        return all;
    }

    /** One introduction's progress on {@code day}: due = start + 7 × due week; overdue when not done after that. */
    static Progress progress(IntroductionStore.Stored s, Programme p, String name, LocalDate day) {
        List<ItemProgress> items = p.items().stream().map(i -> {
            LocalDate due = s.startedOn().plusWeeks(i.dueWeek());
            LocalDate done = s.done().get(i.id());
            return new ItemProgress(i, due, done, done == null && day.isAfter(due));
        }).toList();
        return new Progress(s.id(), s.employeeNumber(), name, p, s.mentor(), s.startedOn(), items,
                (int) items.stream().filter(i -> i.doneOn() != null).count(),
                (int) items.stream().filter(ItemProgress::overdue).count());
    }
}
