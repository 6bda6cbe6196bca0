package se.samsyn.followup.internal;

import java.time.LocalDate;
import java.util.List;
import se.samsyn.followup.Instrument;
import se.samsyn.organisation.FocusArea;

/**
 * The checks that forms and imports share. Each returns the message key of the first problem,
 * with the field it concerns, or null when the values are acceptable.
 */
final class FollowupChecks {

    record Problem(String field, String messageKey) {
    }

    private FollowupChecks() {
    }

    static Problem period(String startField, LocalDate start, String endField, LocalDate end, LocalDate today) {
        if (start == null) {
            return new Problem(startField, "followup.error.date-missing");
        }
        if (start.isAfter(today)) {
            return new Problem(startField, "followup.error.date-future");
        }
        if (end != null && end.isBefore(start)) {
            return new Problem(endField, "followup.error.end-before-start");
        }
        return null;
    }

    static Problem focusArea(String code) {
        return FocusArea.fromCode(code).isPresent() ? null : new Problem("focus_area", "followup.error.focus-area");
    }

    static Problem level(Integer level) {
        return level != null && level >= 0 && level <= 4 ? null : new Problem("level", "followup.error.level");
    }

    static Problem goal(String goal) {
        return goal == null || goal.length() <= 100 ? null : new Problem("goal", "followup.error.goal");
    }

    static Problem score(Double score, Instrument instrument) {
        if (score == null || score.isNaN()) {
            return new Problem("score", "followup.error.score-missing");
        }
        if (score < instrument.scoreMin() || score > instrument.scoreMax()) {
            return new Problem("score", "followup.error.score-range");
        }
        return null;
    }

    static double scoreOf(List<Integer> answers, Instrument instrument) {
        List<InstrumentScoring.Item> items = instrument.items().stream()
                .map(i -> new InstrumentScoring.Item(i.number(), i.min(), i.max())).toList();
        return InstrumentScoring.score(items, answers, instrument.scoring(), instrument.multiplier());
    }
}
