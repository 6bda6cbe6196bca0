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
import se.samsyn.identity.Accounts;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * {@link Introductions} on the {@code cpt_intro*} tables. An item is due on the start date plus its
 * due week × 7 days, and overdue from the day after when it is not done. Access and audit as the
 * staff register ({@link CompetenceAccess}); a mentor linked to an account reads and ticks off the
 * items the mentor guides in the introductions they mentor, and nothing else.
 */
@Service
class IntroductionRegister implements Introductions {

    private final IntroductionStore store;
    private final StaffStore staff;
    private final CompetenceAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final WorkforceFacts workforce;
    private final Accounts accounts;

    IntroductionRegister(IntroductionStore store, StaffStore staff, CompetenceAccess access, AuditTrail audit,
                         Clock clock, WorkforceFacts workforce, Accounts accounts) {
        this.workforce = workforce;
        this.accounts = accounts;
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
                ? AutomaticIntroductions.forRole(programmes, person.role())
                : programmes.stream().filter(p -> p.code().equals(programme.strip())).findFirst())
                .orElseThrow(() -> new CompetenceRejected("programme", "competence.error.programme"));
        if (mentor == null || mentor.isBlank() || mentor.length() > 200) {
            throw new CompetenceRejected("mentor", "competence.error.mentor");
        }
        if (store.exists(unit.code(), employeeNumber)) {
            throw new CompetenceRejected("employeeNumber", "competence.error.introduction-exists");
        }
        LocalDate start = startedOn == null ? person.startDate() : startedOn;
        long id = store.insert(unit.municipalityCode(), unit.code(), employeeNumber, chosen.id(), mentor.strip(), start,
                clock.instant(), actor.username(), "manual");
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

    @Override
    @Transactional
    public Progress assignMentor(Actor actor, String unitCode, long introductionId, String mentor, String mentorAccount) {
        Unit unit = access.names(actor, unitCode);
        IntroductionStore.Stored s = store.find(introductionId).filter(i -> i.unitCode().equals(unit.code()))
                .orElseThrow(() -> new CompetenceRejected("introduction", "competence.error.introduction"));
        if (mentor == null || mentor.isBlank() || mentor.strip().length() > 200) {
            throw new CompetenceRejected("mentor", "competence.error.mentor");
        }
        String username = null;
        if (mentorAccount != null && !mentorAccount.isBlank()) {
            Actor mentorActor = accounts.enabledActor(mentorAccount)
                    .filter(a -> access.organisation().covers(Scope.municipality(unit.municipalityCode()), a.scope()))
                    .orElseThrow(() -> new CompetenceRejected("mentorAccount", "competence.error.mentor-account"));
            username = mentorActor.username();
        }
        store.setMentor(s.id(), mentor.strip(), username, clock.instant(), actor.username());
        audit.record(AuditRecord.of("COMPETENCE_INTRODUCTION_MENTOR", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                .object("employee", s.employeeNumber()).municipality(unit.municipalityCode()).unit(unit.code())
                .details("introduction=" + s.id() + (username == null ? "; no account" : "; account=" + username)).build());
        return progress(unit, SwedishTime.today(clock)).stream().filter(p -> p.id() == s.id()).findFirst().orElseThrow();
    }

    @Override
    @Transactional
    public List<Mentorship> mentoring(Actor actor) {
        LocalDate today = SwedishTime.today(clock);
        List<Mentorship> all = new ArrayList<>();
        for (IntroductionStore.Stored s : store.mentoredBy(actor.username())) {
            mentorship(s, today).ifPresent(all::add);
        }
        audit.record(AuditRecord.of("COMPETENCE_MENTORING_READ", AuditCategory.INDIVIDUAL_READ).actor(actor)
                .object("mentor", actor.username()).details("introductions=" + all.size()
                        + (all.isEmpty() ? "" : "; employees=" + String.join(",",
                        all.stream().map(m -> m.unitCode() + "/" + m.progress().employeeNumber()).toList()))).build());
        return all;
    }

    @Override
    @Transactional
    public Mentorship checkAsMentor(Actor actor, long introductionId, long itemId, LocalDate doneOn) {
        LocalDate today = SwedishTime.today(clock);
        IntroductionStore.Stored s = store.find(introductionId)
                .filter(i -> actor.username().equals(i.mentorUsername())).orElse(null);
        Mentorship m = s == null ? null : mentorship(s, today).orElse(null);
        if (m == null || m.progress().items().stream().noneMatch(i -> i.item().id() == itemId)) {
            Unit unit = s == null ? null : access.organisation().unit(s.unitCode()).orElse(null);
            throw access.refused(actor, "introduction-item", introductionId + "/" + itemId, unit);
        }
        if (doneOn == null || doneOn.isAfter(today) || doneOn.isBefore(m.progress().startedOn())) {
            throw new CompetenceRejected("doneOn", "competence.error.done-on");
        }
        if (store.check(introductionId, itemId, doneOn, actor.username())) {
            audit.record(AuditRecord.of("COMPETENCE_INTRODUCTION_CHECKED", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                    .object("employee", s.employeeNumber()).municipality(s.municipalityCode()).unit(s.unitCode())
                    .details("introduction=" + introductionId + "; item=" + itemId + "; as mentor").build());
            workforce.recompute(s.municipalityCode());
        }
        return mentorship(store.find(introductionId).orElseThrow(), today).orElseThrow();
    }

    /** The introduction as its mentor sees it: only the items the mentor guides; empty when its programme is gone. */
    private java.util.Optional<Mentorship> mentorship(IntroductionStore.Stored s, LocalDate day) {
        Unit unit = access.organisation().unit(s.unitCode()).orElse(null);
        Programme p = store.programmes(s.municipalityCode()).stream().filter(x -> x.id() == s.programmeId()).findFirst()
                .orElse(null);
        if (unit == null || p == null) {
            return java.util.Optional.empty();
        }
        Programme mentors = new Programme(p.id(), p.code(), p.municipalityCode(), p.role(), p.titleSv(), p.titleEn(),
                p.items().stream().filter(Item::byMentor).toList());
        String name = staff.find(s.unitCode(), s.employeeNumber()).map(x -> x.employee().name()).orElse(s.employeeNumber());
        return java.util.Optional.of(new Mentorship(unit.code(), unit.name(), progress(s, mentors, name, day)));
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
                (int) items.stream().filter(ItemProgress::overdue).count(), s.mentorUsername(), s.startedHow());
    }
}
