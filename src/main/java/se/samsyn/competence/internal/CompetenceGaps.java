package se.samsyn.competence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.competence.Assessment;
import se.samsyn.competence.CompetenceRejected;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.Employee;
import se.samsyn.competence.GapAnalysis;
import se.samsyn.competence.Requirement;
import se.samsyn.competence.StaffNotFound;
import se.samsyn.competence.Training;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * {@link GapAnalysis}: the requirement rule ({@link RequirementRule}) over the register's staff
 * employed today and the catalogue's national and local requirements, gaps ordered legal first,
 * then recommended, then falling due (each by due date, name). A completed plan item adds its
 * training or components to the person through the register's store, with history.
 */
@Service
class CompetenceGaps implements GapAnalysis {

    private final StaffStore staff;
    private final RequirementStore requirements;
    private final PlanStore plans;
    private final CompetenceAccess access;
    private final GuideTrainings trainings;
    private final AuditTrail audit;
    private final Clock clock;
    private final WorkforceFacts workforce;

    CompetenceGaps(StaffStore staff, RequirementStore requirements, PlanStore plans, CompetenceAccess access,
                   GuideTrainings trainings, AuditTrail audit, Clock clock, WorkforceFacts workforce) {
        this.workforce = workforce;
        this.staff = staff;
        this.requirements = requirements;
        this.plans = plans;
        this.access = access;
        this.trainings = trainings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UnitMatrix unit(Actor actor, String unitCode) {
        Unit unit = access.names(actor, unitCode);
        LocalDate day = SwedishTime.today(clock);
        List<Requirement> catalogue = requirements.catalogue(unit.municipalityCode());
        List<Employee> people = staff.staff(unit.code()).stream().filter(e -> e.employedOn(day)).toList();
        Map<String, Training> guide = new LinkedHashMap<>();
        trainings.all().forEach(t -> guide.put(t.slug(), t));
        List<Row> rows = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        Set<String> used = new java.util.HashSet<>();
        for (Employee e : people) {
            Map<String, Assessment> cells = new LinkedHashMap<>();
            for (Requirement r : catalogue) {
                if (RequirementRule.appliesTo(r, e)) {
                    Assessment a = RequirementRule.assess(r, e, day);
                    cells.put(r.code(), a);
                    used.add(r.code());
                    if (a.status() != Assessment.Status.MET) {
                        gaps.add(new Gap(e.employeeNumber(), e.name(), r, a, closing(a, guide)));
                    }
                }
            }
            rows.add(new Row(e, cells));
        }
        gaps.sort(Comparator.comparingInt(CompetenceGaps::rank)
                .thenComparing(g -> g.assessment().dueDate(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Gap::name).thenComparing(g -> g.requirement().code()));
        audit.record(AuditRecord.of("COMPETENCE_GAPS_READ", AuditCategory.INDIVIDUAL_READ).actor(actor)
                .object("staff-register", unit.code()).municipality(unit.municipalityCode()).unit(unit.code())
                .details("persons=" + people.size() + "; gaps=" + gaps.size()).build());
        return new UnitMatrix(unit.code(), unit.name(), day,
                catalogue.stream().filter(r -> used.contains(r.code())).toList(), rows, gaps, plans.unit(unit.code()));
    }

    @Override
    @Transactional(readOnly = true)
    public Overview municipality(Actor actor, String municipalityCode) {
        if (municipalityCode == null || !municipalityCode.matches("\\d{4}")
                || !access.maySeeAggregates(actor, municipalityCode)) {
            throw new StaffNotFound();
        }
        LocalDate day = SwedishTime.today(clock);
        List<Requirement> catalogue = requirements.catalogue(municipalityCode);
        Map<String, int[]> perRequirement = new LinkedHashMap<>();
        catalogue.forEach(r -> perRequirement.put(r.code(), new int[4]));
        List<UnitCount> units = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        access.organisation().units(municipalityCode).forEach(u -> names.put(u.code(), u.name()));
        staff.municipalityStaff(municipalityCode).forEach((unitCode, all) -> {
            List<Employee> people = all.stream().filter(e -> e.employedOn(day)).toList();
            int legal = 0;
            int recommended = 0;
            int due = 0;
            for (Employee e : people) {
                boolean legalGap = false;
                boolean recommendedGap = false;
                boolean falling = false;
                for (Requirement r : catalogue) {
                    if (!RequirementRule.appliesTo(r, e)) {
                        continue;
                    }
                    Assessment a = RequirementRule.assess(r, e, day);
                    int[] c = perRequirement.get(r.code());
                    c[0]++;
                    c[a.status().ordinal() + 1]++;
                    legalGap |= a.status() == Assessment.Status.GAP && r.legal();
                    recommendedGap |= a.status() == Assessment.Status.GAP && !r.legal();
                    falling |= a.status() == Assessment.Status.DUE;
                }
                legal += legalGap ? 1 : 0;
                recommended += recommendedGap ? 1 : 0;
                due += falling ? 1 : 0;
            }
            units.add(new UnitCount(unitCode, names.getOrDefault(unitCode, unitCode), people.size(), legal, recommended,
                    due));
        });
        List<RequirementCount> counts = catalogue.stream().map(r -> {
            int[] c = perRequirement.get(r.code());
            return new RequirementCount(r, c[0], c[1], c[2], c[3]);
        }).filter(c -> c.applies() > 0).toList();
        return new Overview(municipalityCode, day, units, counts);
    }

    @Override
    @Transactional
    public PlanItem plan(Actor actor, String unitCode, NewPlanItem item) {
        Unit unit = access.names(actor, unitCode);
        if (item.employeeNumber() == null || staff.find(unit.code(), item.employeeNumber()).isEmpty()) {
            throw new CompetenceRejected("employeeNumber", "competence.error.plan-person");
        }
        if (item.requirement() == null || requirements.find(item.requirement()).isEmpty()) {
            throw new CompetenceRejected("requirement", "competence.error.plan-requirement");
        }
        String slug = item.training() == null || item.training().isBlank() ? null : item.training().strip();
        Training training = slug == null ? null : trainings.training(slug)
                .orElseThrow(() -> new CompetenceRejected("training", "competence.error.training"));
        Set<DegreeComponent> components = item.components() == null ? Set.of() : item.components();
        if (training == null && components.isEmpty()) {
            throw new CompetenceRejected("training", "competence.error.plan-empty");
        }
        String course = item.course() == null || item.course().isBlank()
                ? training == null ? null : training.title() : item.course().strip();
        if (course == null || course.length() > 200) {
            throw new CompetenceRejected("course", "competence.error.plan-course");
        }
        if (item.plannedOn() == null) {
            throw new CompetenceRejected("plannedOn", "import.error.date-format");
        }
        long id = plans.insert(unit.municipalityCode(), unit.code(), item.employeeNumber(), item.requirement(), course,
                slug, StaffNotation.componentsText(components), item.plannedOn(), clock.instant(), actor.username());
        audit.record(AuditRecord.of("COMPETENCE_PLAN_ADDED", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                .object("employee", item.employeeNumber()).municipality(unit.municipalityCode()).unit(unit.code())
                .details("requirement=" + item.requirement() + "; plan=" + id).build());
        return plans.find(unit.code(), id).orElseThrow();
    }

    @Override
    @Transactional
    public PlanItem complete(Actor actor, String unitCode, long planItemId, LocalDate completedOn) {
        Unit unit = access.names(actor, unitCode);
        PlanItem item = plans.find(unit.code(), planItemId)
                .orElseThrow(() -> new CompetenceRejected("planItem", "competence.error.plan-item"));
        LocalDate today = SwedishTime.today(clock);
        if (completedOn == null || completedOn.isAfter(today)) {
            throw new CompetenceRejected("completedOn", "competence.error.plan-completed-on");
        }
        if (!"completed".equals(item.status())) {
            plans.complete(planItemId, completedOn, clock.instant(), actor.username());
            StaffStore.Stored stored = staff.find(unit.code(), item.employeeNumber()).orElseThrow(StaffNotFound::new);
            Employee e = stored.employee();
            List<Employee.CompletedTraining> done = new ArrayList<>(e.trainings());
            if (item.training() != null && done.stream().noneMatch(t -> t.slug().equals(item.training()))) {
                done.add(new Employee.CompletedTraining(item.training(), completedOn));
            }
            Set<DegreeComponent> supplementary = EnumSet.noneOf(DegreeComponent.class);
            supplementary.addAll(e.supplementary());
            supplementary.addAll(item.components());
            staff.update(stored, new Employee(e.employeeNumber(), e.name(), e.role(), e.employment(), e.startDate(),
                    e.endDate(), e.priorYears(), e.degrees(), supplementary, done, e.tasks(), e.titles()),
                    clock.instant(), actor.username(), "plan");
            audit.record(AuditRecord.of("COMPETENCE_PLAN_COMPLETED", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                    .object("employee", item.employeeNumber()).municipality(unit.municipalityCode()).unit(unit.code())
                    .details("requirement=" + item.requirement() + "; plan=" + planItemId).build());
            workforce.recompute(unit.municipalityCode());
        }
        return plans.find(unit.code(), planItemId).orElseThrow();
    }

    private static int rank(Gap gap) {
        if (gap.assessment().status() == Assessment.Status.DUE) {
            return 2;
        }
        return gap.requirement().legal() ? 0 : 1;
    }

    private static List<Training> closing(Assessment a, Map<String, Training> guide) {
        return a.shortfalls().stream().filter(s -> s.kind() == Assessment.Shortfall.Kind.TRAINING)
                .flatMap(s -> s.values().stream()).map(guide::get).filter(java.util.Objects::nonNull).toList();
    }
}
