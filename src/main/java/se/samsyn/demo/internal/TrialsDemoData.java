package se.samsyn.demo.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;
import se.samsyn.trials.Decision;
import se.samsyn.trials.Measure;
import se.samsyn.trials.Participant;
import se.samsyn.trials.ParticipantRole;
import se.samsyn.trials.PeriodKind;
import se.samsyn.trials.Rating;
import se.samsyn.trials.ToolKind;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialBurden;
import se.samsyn.trials.TrialPlan;
import se.samsyn.trials.Trials;

/**
 * Two invented tool trials, so that the trial pages, their run charts and the guide entries show
 * something: a finished regional trial of WHO-5 in Malmö and Lund with a comparison unit (20 trial
 * weeks; the minutes per use fall as staff learn the instrument, which the run chart signals; ended
 * with "roll out"), and a running trial of a documentation template (BBIC) in Malmö. Recorded
 * through the trials API like any user, dated relative to today. Runs once: nothing is done when a
 * trial exists. The tools' guide entries ({@code who-5}, {@code bbic}) are entries of the guide's
 * starting set ({@code knowledge/seed-entries.json}); a plan may name only published entries, so with
 * the starting set turned off the trials name none.
 */
@Component
@Order(60)
class TrialsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TrialsDemoData.class);
    static final String MALMO = "1280-IFO-BU";
    static final String LUND = "1281-IFO";
    static final String COMPARISON = "1280-IFO-VUX";

    private final Trials trials;
    private final TrialBurden burden;
    private final Organisation organisation;
    private final ClusterLocks locks;
    private final Clock clock;
    private final DemoMode mode;

    TrialsDemoData(Trials trials, TrialBurden burden, Organisation organisation, ClusterLocks locks, Clock clock,
                   @Value("${samsyn.demo:auto}") String setting, @Value("${spring.datasource.url:}") String url) {
        this.trials = trials;
        this.burden = burden;
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
        if (!mode.enabled() || !trials.all().isEmpty() || organisation.unit(MALMO).isEmpty()
                || organisation.unit(LUND).isEmpty() || organisation.unit(COMPARISON).isEmpty()) {
            return;
        }
        LocalDate monday = SwedishTime.today(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        finished(monday);
        running(monday);
        log.info("Trials demo data: one finished and one running trial");
    }

    private void finished(LocalDate monday) {
        Actor regional = new Actor(Actor.SYSTEM, Role.REGIONAL_ANALYST, Scope.region("12"));
        LocalDate start = monday.minusWeeks(26);
        Trial trial = trials.create(regional, new TrialPlan("WHO-5 i barnavårdsutredningar i Skåne",
                "Hjälper WHO-5 handläggarna att följa barnets mående, och vad kostar det i tid?", ToolKind.INSTRUMENT,
                "WHO-5 välbefinnandeindex", "who5", entry("who-5"), PeriodKind.WEEK, start.minusWeeks(4), start,
                start.plusWeeks(20).minusDays(1),
                List.of(new Participant(MALMO, null, ParticipantRole.TRIAL), new Participant(LUND, null, ParticipantRole.TRIAL),
                        new Participant(COMPARISON, null, ParticipantRole.COMPARISON)),
                List.of(Measure.MINUTES, Measure.WORKLOAD, Measure.HELPED, Measure.MEASUREMENTS, Measure.REACH)));
        trials.start(regional, trial.id());
        for (int week = 0; week < 20; week++) {
            LocalDate day = start.plusWeeks(week).plusDays(1);
            // learning: about 14 minutes the first weeks, about 6 at the end
            int minutes = Math.max(5, 14 - (week * 9) / 19);
            for (int use = 0; use < 6; use++) {
                burden.recordUse(worker(MALMO), trial.id(), day.plusDays(use % 4), minutes + (use % 3) - 1, "page");
            }
            for (int use = 0; use < 5; use++) {
                burden.recordUse(worker(LUND), trial.id(), day.plusDays(use % 4), minutes + 2 + (use % 2), "api");
            }
            for (int answer = 0; answer < 5; answer++) {
                int load = Math.max(15, 60 - week * 2) + answer * 2;
                burden.rate(worker(MALMO), trial.id(), day, new Rating(load, 5, load, 30, load, Math.max(5, load - 20),
                        answer != 0 || week > 8));
            }
            for (int answer = 0; answer < 4; answer++) { // Lund: four answers a week, a group that stays hidden
                burden.rate(worker(LUND), trial.id(), day, new Rating(50, 10, 50, 30, 50, 30, answer % 2 == 0));
            }
        }
        trials.decide(regional, trial.id(), Decision.ROLL_OUT, "Tiden per användning föll från omkring 14 till 6 minuter "
                + "(en verklig förändring enligt körschemat), belastningen sjönk och de flesta svar säger att instrumentet "
                + "hjälpte. Införs i båda kommunerna; Lund följer upp belastningen, där underlaget är för litet för att visas.");
    }

    private void running(LocalDate monday) {
        Actor analyst = new Actor(Actor.SYSTEM, Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));
        LocalDate start = monday.minusWeeks(12);
        Trial trial = trials.create(analyst, new TrialPlan("Digital BBIC-mall för utredningar",
                "Kortar den nya mallen tiden för dokumentationen utan att göra arbetet tyngre?", ToolKind.TEMPLATE,
                "BBIC-mall, digital version", null, entry("bbic"), PeriodKind.WEEK, start.minusWeeks(4), start,
                monday.plusWeeks(8), List.of(new Participant(MALMO, null, ParticipantRole.TRIAL)),
                List.of(Measure.MINUTES, Measure.WORKLOAD, Measure.HELPED)));
        trials.start(analyst, trial.id());
        for (int week = 0; week < 12; week++) {
            LocalDate day = start.plusWeeks(week).plusDays(1);
            for (int use = 0; use < 5; use++) {
                burden.recordUse(worker(MALMO), trial.id(), day.plusDays(use % 3), 22 + ((week + use) % 5) - 2, "page");
            }
            for (int answer = 0; answer < 5; answer++) {
                burden.rate(worker(MALMO), trial.id(), day, new Rating(45 + answer, 10, 55, 35, 50, 35, answer % 3 != 0));
            }
        }
    }

    /** The slug when the guide publishes it, else null. */
    private String entry(String slug) {
        return trials.guideEntries().containsKey(slug) ? slug : null;
    }

    private static Actor worker(String unit) {
        return new Actor(Actor.SYSTEM, Role.CASE_WORKER, Scope.unit(unit));
    }
}
