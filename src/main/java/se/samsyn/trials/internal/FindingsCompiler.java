package se.samsyn.trials.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;
import se.samsyn.trials.Findings;
import se.samsyn.trials.Measure;
import se.samsyn.trials.Participant;
import se.samsyn.trials.ParticipantRole;
import se.samsyn.trials.Rating;
import se.samsyn.trials.RunChart;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialFindings;
import se.samsyn.trials.TrialNotFound;

/**
 * {@link TrialFindings}: per measure and unit, one value per period from the baseline's first
 * period to the trial's last (or today's, while running), then the run chart ({@link RunCharts}).
 * Suppression (ADR 13): outside the unit a value resting on fewer than the threshold's count (1 to
 * threshold − 1 uses, clients or measurements) is hidden; a rating group under the minimum is hidden
 * for everyone.
 */
@Service
class FindingsCompiler implements TrialFindings {

    private final TrialStore trials;
    private final BurdenStore burden;
    private final UseMeasures use;
    private final TrialAccess access;
    private final Clock clock;
    private final int threshold;
    private final int groupMinimum;

    FindingsCompiler(TrialStore trials, BurdenStore burden, UseMeasures use, TrialAccess access, Clock clock,
                     @Value("${samsyn.suppression-threshold:5}") int threshold,
                     @Value("${samsyn.trials.rating-group-minimum:5}") int groupMinimum) {
        this.trials = trials;
        this.burden = burden;
        this.use = use;
        this.access = access;
        this.clock = clock;
        this.threshold = threshold;
        this.groupMinimum = groupMinimum;
    }

    @Override
    @Transactional(readOnly = true)
    public Findings findings(Actor actor, long trialId) {
        Trial trial = trials.find(trialId).orElseThrow(TrialNotFound::new);
        if (!access.maySeeFigures(actor, trial)) {
            return new Findings(trial, false, List.of(), List.of(), groupMinimum, threshold);
        }
        LocalDate today = SwedishTime.today(clock);
        LocalDate last = trial.plan().end().isBefore(today) ? trial.plan().end() : today;
        List<LocalDate> periods = Periods.between(trial.plan().period(), trial.plan().baselineStart(), last);
        List<Participant> order = new ArrayList<>(trial.plan().participants());
        order.sort(Comparator.comparing((Participant p) -> !TrialAccess.own(actor, p.unitCode()))
                .thenComparing(p -> p.role() == ParticipantRole.COMPARISON));
        Map<String, String> names = order.stream().collect(Collectors.toMap(Participant::unitCode,
                p -> access.unit(p.unitCode()).map(Unit::name).orElse(p.unitCode()), (a, b) -> a));
        List<Findings.Section> sections = new ArrayList<>();
        for (Measure measure : trial.plan().measures()) {
            List<Findings.UnitChart> charts = new ArrayList<>();
            for (Participant p : order) {
                if (!measure.fromFollowup() && p.role() == ParticipantRole.COMPARISON) {
                    continue; // comparison units do not use the tool: no minutes, no ratings
                }
                boolean own = TrialAccess.own(actor, p.unitCode());
                List<RunCharts.Observation> observations = observations(trial, measure, p, periods, own);
                charts.add(new Findings.UnitChart(p, names.get(p.unitCode()), own,
                        RunCharts.chart(observations)));
            }
            sections.add(new Findings.Section(measure, charts));
        }
        List<Findings.Summary> summaries = trial.plan().trialUnits().stream()
                .sorted(Comparator.comparing((Participant p) -> !TrialAccess.own(actor, p.unitCode())))
                .map(p -> summary(trial, p, names.get(p.unitCode()), TrialAccess.own(actor, p.unitCode()), last)).toList();
        return new Findings(trial, true, sections, summaries, groupMinimum, threshold);
    }

    private List<RunCharts.Observation> observations(Trial trial, Measure measure, Participant p, List<LocalDate> periods,
                                                     boolean own) {
        List<RunCharts.Observation> out = new ArrayList<>();
        List<BurdenStore.Use> uses = measure == Measure.MINUTES ? burden.uses(trial.id(), p.unitCode()) : List.of();
        Map<LocalDate, List<Rating>> ratings = measure.fromRatings()
                ? burden.ratings(trial.id(), p.unitCode()).stream().collect(Collectors.groupingBy(
                        BurdenStore.PeriodRating::periodStart,
                        Collectors.mapping(BurdenStore.PeriodRating::rating, Collectors.toList())))
                : Map.of();
        for (LocalDate start : periods) {
            LocalDate until = Periods.next(trial.plan().period(), start);
            boolean baseline = start.isBefore(Periods.startOf(trial.plan().period(), trial.plan().start()));
            Double value = null;
            int count = 0;
            boolean suppressed = false;
            if (measure == Measure.MINUTES) {
                List<BurdenStore.Use> in = uses.stream()
                        .filter(u -> !u.usedOn().isBefore(start) && u.usedOn().isBefore(until)).toList();
                count = in.size();
                value = in.isEmpty() ? null : in.stream().mapToInt(BurdenStore.Use::minutes).average().orElseThrow();
                suppressed = !own && count > 0 && count < threshold;
            } else if (measure.fromRatings()) {
                List<Rating> in = ratings.getOrDefault(start, List.of());
                RatingGroups.Group group = RatingGroups.shown(in, groupMinimum);
                count = in.size();
                suppressed = !in.isEmpty() && group == null;
                value = group == null ? null : measure == Measure.WORKLOAD ? group.meanWorkload() : group.helpedPercent();
            } else if (trial.plan().instrumentCode() != null) {
                UseMeasures.Value v = use.value(measure, false, p.unitCode(), trial.plan().instrumentCode(), start, until);
                value = v.value();
                count = v.count();
                suppressed = !own && count > 0 && count < threshold;
            }
            if (suppressed) {
                value = null;
                count = 0;
            }
            out.add(new RunCharts.Observation(start, value, count, suppressed, baseline));
        }
        return out;
    }

    private Findings.Summary summary(Trial trial, Participant p, String name, boolean own, LocalDate last) {
        List<BurdenStore.Use> uses = burden.uses(trial.id(), p.unitCode());
        List<Rating> ratings = burden.ratings(trial.id(), p.unitCode()).stream().map(BurdenStore.PeriodRating::rating)
                .toList();
        boolean usesShown = own || uses.isEmpty() || uses.size() >= threshold;
        RatingGroups.Group group = RatingGroups.shown(ratings, groupMinimum);
        Integer measurements = null;
        Integer baselineMeasurements = null;
        if (trial.plan().instrumentCode() != null) {
            Function<LocalDate[], Integer> count = range -> use.value(Measure.MEASUREMENTS, false, p.unitCode(),
                    trial.plan().instrumentCode(), range[0], range[1]).count();
            int during = count.apply(new LocalDate[] {trial.plan().start(), last.plusDays(1)});
            int before = count.apply(new LocalDate[] {trial.plan().baselineStart(), trial.plan().start()});
            measurements = own || during == 0 || during >= threshold ? during : null;
            baselineMeasurements = own || before == 0 || before >= threshold ? before : null;
        }
        boolean few = uses.size() < 10 || ratings.size() < 10;
        return new Findings.Summary(p, name, usesShown ? uses.size() : null,
                usesShown && !uses.isEmpty() ? uses.stream().mapToInt(BurdenStore.Use::minutes).average().orElseThrow() : null,
                group == null ? null : group.answers(), group == null ? null : group.meanWorkload(),
                group == null ? null : group.helpedPercent(), measurements, baselineMeasurements, few);
    }
}
