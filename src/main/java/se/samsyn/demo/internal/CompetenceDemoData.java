package se.samsyn.demo.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.competence.Introductions;
import se.samsyn.competence.Requirement;
import se.samsyn.competence.RequirementKind;
import se.samsyn.competence.Requirements;
import se.samsyn.competence.StaffRegister;
import se.samsyn.competence.StaffRole;
import se.samsyn.competence.Workforce;
import se.samsyn.imports.TabularFile;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * Invented staff for six demo units (no real persons; employee numbers are made up and never
 * personnummer-shaped), a local requirement in Malmö, introductions (started by the import for the
 * newly employed, the mentor then assigned; demo-caseworker mentors in Malmö's child welfare) and monthly open posts, so that
 * every competence page and the six workforce indicators show something. The indicators themselves
 * (W00001–W00006) are not defined here: migration V94 seeds them in every installation, and the
 * staff imported here feed them through competence's published facts. Runs once: a unit that
 * already has staff is left alone.
 */
@Component
@Order(50)
class CompetenceDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CompetenceDemoData.class);
    static final String EBP = "webbutbildning-evidensbaserad-praktik";

    /** The demo unit, its number prefix and how many staff it gets. */
    record DemoStaff(String municipality, String unit, String prefix, int size, boolean childWelfare) {
    }

    static final List<DemoStaff> STAFF = List.of(
            new DemoStaff("1280", "1280-IFO-BU", "MBU", 14, true),
            new DemoStaff("1280", "1280-ALD", "MAL", 10, false),
            new DemoStaff("1281", "1281-IFO", "LIF", 9, true),
            new DemoStaff("0180", "0180-IFO-BU", "SBU", 12, true),
            new DemoStaff("1480", "1480-IFO-VUX", "GVX", 8, false),
            new DemoStaff("2584", "2584-SOC", "KIR", 7, true));

    /** The demo accounts that mentor the newest person of a unit (DemoData creates them first, at order 20). */
    static final java.util.Map<String, String> MENTOR_ACCOUNTS = java.util.Map.of("1280-IFO-BU", "demo-caseworker");

    static final String[] FIRST = {"Anna", "Bo", "Cecilia", "David", "Elin", "Fredrik", "Greta", "Hassan", "Ida",
        "Jonas", "Karin", "Leila", "Magnus", "Nora"};
    static final String[] LAST = {"Berg", "Ek", "Lind", "Holm", "Sjöberg", "Nilsson", "Ali", "Strand"};

    private final StaffRegister staff;
    private final Requirements requirements;
    private final Introductions introductions;
    private final Workforce workforce;
    private final Organisation organisation;
    private final ClusterLocks locks;
    private final Clock clock;
    private final DemoMode mode;
    private final DemoSeeding seeding;

    CompetenceDemoData(StaffRegister staff, Requirements requirements, Introductions introductions, Workforce workforce,
                       Organisation organisation, ClusterLocks locks, Clock clock,
                       @Value("${samsyn.demo:auto}") String setting, @Value("${spring.datasource.url:}") String url,
                       DemoSeeding seeding) {
        this.seeding = seeding;
        this.staff = staff;
        this.requirements = requirements;
        this.introductions = introductions;
        this.workforce = workforce;
        this.organisation = organisation;
        this.locks = locks;
        this.clock = clock;
        this.mode = new DemoMode(setting, url);
    }

    @Override
    public void run(ApplicationArguments args) {
        locks.runExclusively(ClusterLocks.SEEDING, ClusterLocks.SEEDING_WAIT, this::seed);
    }

    private void seed() {
        if (!mode.enabled() || organisation.unit("1280-IFO-BU").isEmpty()) {
            return;
        }
        LocalDate today = SwedishTime.today(clock);
        Actor malmo = admin("1280");
        if (requirements.requirement("malmo-ebp-6-months").isEmpty()) {
            requirements.save(malmo, new Requirement("malmo-ebp-6-months", RequirementKind.LOCAL, "1280",
                    "Evidensbaserad praktik inom sex månader", "Evidence-based practice within six months",
                    StaffRole.SOCIAL_WORKER, null, null, null, EBP, null, null, 6,
                    "Socialnämndens kompetensplan (demo)", null));
        }
        for (DemoStaff d : STAFF) {
            if (organisation.unit(d.unit()).isEmpty()) {
                continue;
            }
            Actor admin = admin(d.municipality());
            if (!staff.staff(admin, d.unit()).isEmpty()) {
                continue;
            }
            staff.importStaff(admin, d.unit(), new ByteArrayInputStream(csv(d, today).getBytes(StandardCharsets.UTF_8)),
                    TabularFile.Format.CSV, false);
            for (int m = 1; m <= 6; m++) {
                workforce.reportVacancies(admin, d.unit(), YearMonth.from(today).minusMonths(m), (m + d.size()) % 3);
            }
            seeding.wroteFacts();
            String newest = d.prefix() + "-" + (100 + d.size() - 1);
            var started = introductions.unit(admin, d.unit()).stream().filter(i -> i.employeeNumber().equals(newest))
                    .findFirst();
            if (started.isEmpty()) {
                introductions.start(admin, d.unit(), newest, d.childWelfare() ? "social-worker-children"
                        : "assistant-nurse", FIRST[0] + " " + LAST[0], null);
            } else {
                // adding the person started the role's programme; the manager gives it a mentor, in
                // Malmö's child welfare the demo case worker, who signs in and ticks off the mentor's items
                introductions.assignMentor(admin, d.unit(), started.get().id(), FIRST[0] + " " + LAST[0],
                        MENTOR_ACCOUNTS.get(d.unit()));
            }
        }
        log.info("Competence demo data: staff for {} units, vacancies and introductions", STAFF.size());
    }

    /** A municipality's administrator as the demo's actor: the one role besides the unit's manager that sees names. */
    private static Actor admin(String municipality) {
        return new Actor(Actor.SYSTEM, Role.ADMINISTRATOR, Scope.municipality(municipality));
    }

    /** The unit's HR export: mixed roles, degrees, employment forms and start dates; the last person started recently. */
    static String csv(DemoStaff d, LocalDate today) {
        StringBuilder s = new StringBuilder(String.join(",", StaffRegister.IMPORT_COLUMNS)).append('\n');
        for (int i = 0; i < d.size(); i++) {
            String number = d.prefix() + "-" + (100 + i);
            String name = FIRST[i % FIRST.length] + " " + LAST[(i * 3 + d.size()) % LAST.length];
            String role = d.childWelfare() ? (i % 5 == 4 ? "other" : "social-worker") : (i % 3 == 0 ? "care-assistant"
                    : "assistant-nurse");
            String employment = i % 6 == 5 ? "agency" : i % 4 == 3 ? "temporary" : "permanent";
            LocalDate start = i == d.size() - 1 ? today.minusWeeks(6) : today.minusMonths(3L + (i * 7L) % 60);
            String end = i % 7 == 6 && i != d.size() - 1 ? today.minusMonths(1).toString() : "";
            String prior = BigDecimal.valueOf((i * 5) % 40, 1).toPlainString();
            String degrees;
            String tasks = "";
            String titles = "";
            String trainings = i % 2 == 0 ? EBP + "@" + start.plusMonths(2).withDayOfMonth(1) : "";
            if (d.childWelfare() && !"other".equals(role)) {
                degrees = i % 4 == 1 ? "behavioural-science[social-work+psychology]" : "socionom";
                tasks = i % 3 == 0 ? "open-investigation;investigate" : "investigate;follow-up";
            } else if (d.childWelfare()) {
                degrees = "other";
            } else {
                degrees = "";
                titles = "assistant-nurse".equals(role) && i % 4 != 1 ? "underskoterska" : "";
            }
            if (!trainings.isEmpty() && LocalDate.parse(trainings.substring(trainings.indexOf('@') + 1)).isAfter(today)) {
                trainings = "";
            }
            s.append(String.join(",", number, name, role, employment, start.toString(), end, prior, degrees, "",
                    trainings, tasks, titles)).append('\n');
        }
        return s.toString();
    }
}
