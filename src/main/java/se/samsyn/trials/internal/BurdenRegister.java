package se.samsyn.trials.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;
import se.samsyn.trials.Participant;
import se.samsyn.trials.Rating;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialBurden;
import se.samsyn.trials.TrialNotFound;
import se.samsyn.trials.TrialRejected;

/**
 * {@link TrialBurden}: minutes and anonymous ratings from the staff of trial units. A use is
 * audited with the recorder, the day and the minutes; a rating only as "a rating was given in this
 * trial" with the recorder, so that the audit trail shows who took part but never what anyone answered.
 */
@Service
class BurdenRegister implements TrialBurden {

    private final TrialStore trials;
    private final BurdenStore store;
    private final TrialAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final int groupMinimum;

    BurdenRegister(TrialStore trials, BurdenStore store, TrialAccess access, AuditTrail audit, Clock clock,
                   @Value("${samsyn.trials.rating-group-minimum:5}") int groupMinimum) {
        this.trials = trials;
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.groupMinimum = groupMinimum;
    }

    @Override
    @Transactional
    public void recordUse(Actor actor, long trialId, LocalDate usedOn, int minutes, String source) {
        Trial trial = recordable(actor, trialId);
        LocalDate today = SwedishTime.today(clock);
        if (usedOn == null || usedOn.isAfter(today) || usedOn.isBefore(trial.plan().start())
                || usedOn.isAfter(trial.plan().end())) {
            throw new TrialRejected("usedOn", "trials.error.usedOn");
        }
        if (minutes < 0 || minutes > 600) {
            throw new TrialRejected("minutes", "trials.error.minutes");
        }
        Participant unit = unit(actor, trial);
        store.insertUse(trialId, unit.unitCode(), unit.municipalityCode(), usedOn, minutes,
                "api".equals(source) ? "api" : "page");
        audit.record(AuditRecord.of("TRIAL_USE_RECORDED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("trial", Long.toString(trialId)).municipality(unit.municipalityCode()).unit(unit.unitCode())
                .details("date=" + usedOn + "; minutes=" + minutes + "; source=" + ("api".equals(source) ? "api" : "page")).build());
    }

    @Override
    @Transactional
    public void rate(Actor actor, long trialId, LocalDate day, Rating rating) {
        Trial trial = recordable(actor, trialId);
        if (rating == null) {
            throw new TrialRejected(null, "trials.error.rating");
        }
        Participant unit = unit(actor, trial);
        LocalDate today = SwedishTime.today(clock);
        LocalDate answered = day == null ? today : day;
        if (answered.isAfter(today) || answered.isBefore(trial.plan().start()) || answered.isAfter(trial.plan().end())) {
            throw new TrialRejected("day", "trials.error.day");
        }
        LocalDate period = Periods.startOf(trial.plan().period(), answered);
        store.insertRating(trialId, unit.unitCode(), unit.municipalityCode(), period, rating);
        audit.record(AuditRecord.of("TRIAL_RATING_GIVEN", AuditCategory.ADMINISTRATION).actor(actor)
                .object("trial", Long.toString(trialId)).municipality(unit.municipalityCode()).unit(unit.unitCode())
                .build());
    }

    @Override
    public int groupMinimum() {
        return groupMinimum;
    }

    private Trial recordable(Actor actor, long trialId) {
        Trial trial = trials.find(trialId).orElseThrow(TrialNotFound::new);
        if (!access.mayRecord(actor, trial)) {
            throw new TrialNotFound();
        }
        return trial;
    }

    private static Participant unit(Actor actor, Trial trial) {
        return trial.plan().trialUnits().stream().filter(p -> p.unitCode().equals(actor.scope().code())).findFirst()
                .orElseThrow(TrialNotFound::new);
    }
}
