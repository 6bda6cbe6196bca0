package se.samsyn.competence.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.competence.CompetenceRejected;
import se.samsyn.competence.Employee;
import se.samsyn.competence.Introductions;
import se.samsyn.competence.Workforce;
import se.samsyn.competence.WorkforceChanged;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * {@link Workforce}: vacancy reports in {@code cpt_vacancy}, and the workforce facts of
 * {@link WorkforceMeasures} per year from the first start year to this year, written to
 * {@code cpt_workforce_fact} (published as {@code cpt_fact_workforce}). The experience threshold is
 * {@code samsyn.competence.experienced-years} (default 2; not set by law, so configuration).
 */
@Service
class WorkforceFacts implements Workforce {

    private final JdbcClient jdbc;
    private final StaffStore staff;
    private final RequirementStore requirements;
    private final IntroductionStore introductions;
    private final CompetenceAccess access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BigDecimal experiencedYears;

    WorkforceFacts(JdbcClient jdbc, StaffStore staff, RequirementStore requirements, IntroductionStore introductions,
                   CompetenceAccess access, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
                   @Value("${samsyn.competence.experienced-years:2}") BigDecimal experiencedYears) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.requirements = requirements;
        this.introductions = introductions;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.experiencedYears = experiencedYears;
    }

    @Override
    @Transactional
    public void reportVacancies(Actor actor, String unitCode, YearMonth month, int openPosts) {
        Unit unit = access.names(actor, unitCode);
        if (month == null || month.isAfter(YearMonth.now(clock.withZone(SwedishTime.ZONE)))) {
            throw new CompetenceRejected("month", "competence.error.month");
        }
        if (openPosts < 0 || openPosts > 10_000) {
            throw new CompetenceRejected("openPosts", "competence.error.open-posts");
        }
        jdbc.sql("DELETE FROM cpt_vacancy WHERE unit_code = :u AND month_start = :m").param("u", unit.code())
                .param("m", month.atDay(1)).update();
        jdbc.sql("INSERT INTO cpt_vacancy (municipality_code, unit_code, month_start, open_posts, updated_at, updated_by) "
                        + "VALUES (:mun, :u, :m, :n, :now, :by)").param("mun", unit.municipalityCode())
                .param("u", unit.code()).param("m", month.atDay(1)).param("n", openPosts)
                .param("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .param("by", actor.username()).update();
        audit.record(AuditRecord.of("COMPETENCE_VACANCIES_REPORTED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("staff-register", unit.code()).municipality(unit.municipalityCode()).unit(unit.code())
                .details("month=" + month + "; openPosts=" + openPosts).build());
        recompute(unit.municipalityCode());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<YearMonth, Integer> vacancies(Actor actor, String unitCode) {
        Unit unit = access.names(actor, unitCode);
        Map<YearMonth, Integer> found = new LinkedHashMap<>();
        jdbc.sql("SELECT month_start, open_posts FROM cpt_vacancy WHERE unit_code = :u ORDER BY month_start")
                .param("u", unit.code()).query((rs, n) -> found.put(
                        YearMonth.from(rs.getObject("month_start", LocalDate.class)), rs.getInt("open_posts"))).list();
        return found;
    }

    @Override
    @Transactional
    public void recompute(String municipalityCode) {
        LocalDate today = SwedishTime.today(clock);
        List<WorkforceMeasures.Placed> placed = new ArrayList<>();
        Set<String> completed = new HashSet<>();
        Map<String, List<Employee>> byUnit = staff.municipalityStaff(municipalityCode);
        List<Introductions.Programme> programmes = introductions.programmes(municipalityCode);
        byUnit.forEach((unit, people) -> {
            people.forEach(e -> placed.add(new WorkforceMeasures.Placed(unit, e)));
            for (IntroductionStore.Stored s : introductions.unit(unit)) {
                programmes.stream().filter(p -> p.id() == s.programmeId()).findFirst()
                        .filter(p -> !p.items().isEmpty() && p.items().stream().allMatch(i -> s.done().containsKey(i.id())))
                        .ifPresent(p -> completed.add(unit + "/" + s.employeeNumber()));
            }
        });
        List<WorkforceMeasures.Vacancy> vacancies = jdbc.sql("SELECT unit_code, month_start, open_posts FROM cpt_vacancy "
                        + "WHERE municipality_code = :m").param("m", municipalityCode)
                .query((rs, n) -> new WorkforceMeasures.Vacancy(rs.getString("unit_code"),
                        YearMonth.from(rs.getObject("month_start", LocalDate.class)), rs.getInt("open_posts"))).list();
        var catalogue = requirements.catalogue(municipalityCode);
        jdbc.sql("DELETE FROM cpt_workforce_fact WHERE municipality_code = :m").param("m", municipalityCode).update();
        int firstYear = placed.stream().mapToInt(p -> p.employee().startDate().getYear()).min().orElse(today.getYear());
        for (int year = Math.max(firstYear, today.getYear() - 20); year <= today.getYear(); year++) {
            int y = year;
            WorkforceMeasures.of(year, today, placed, vacancies, catalogue, completed, experiencedYears)
                    .forEach((measure, v) -> jdbc.sql("INSERT INTO cpt_workforce_fact (municipality_code, stat_year, "
                                    + "measure, numerator, denominator) VALUES (:m, :y, :measure, :num, :den)")
                            .param("m", municipalityCode).param("y", y).param("measure", measure)
                            .param("num", v[0]).param("den", v[1]).update());
        }
        events.publishEvent(new WorkforceChanged(municipalityCode));
    }
}
