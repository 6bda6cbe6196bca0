package se.samsyn.priority.internal;

import java.util.ArrayList;
import java.util.List;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.PairCriteria;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.RankParameters;
import se.samsyn.priority.RankProposal;
import se.samsyn.priority.RankStep;
import se.samsyn.priority.Recommendation;
import se.samsyn.priority.Severity;

/**
 * The proposal rule: step 7 of the national model for open priority setting, adapted to the mode
 * (ADR 0007). In order:
 * <ol>
 *   <li>benefit "ingen" gives icke-göra;</li>
 *   <li>knowledge that is missing or insufficient (certainty at or below {@code fouFrom}) gives FoU;</li>
 *   <li>social services start the level from benefit and never read severity; health care starts from
 *       severity and lowers the level when benefit is smaller than severity would allow;</li>
 *   <li>cost hög or mycket hög lowers the level;</li>
 *   <li>weak certainty lowers the level;</li>
 *   <li>a statutory entitlement is never given icke-göra or FoU, but the lowest rank instead.</li>
 * </ol>
 * Every step that moved the recommendation is listed. Parameters only ever lower a level, and never
 * below 10, so higher cost and weaker evidence can never improve a rank.
 */
final class RankRule {

    private final RankParameters parameters;

    /** @param parameters the process's parameters, or null for {@link RankParameters#DEFAULT} */
    RankRule(RankParameters parameters) {
        this.parameters = parameters == null ? RankParameters.DEFAULT : parameters;
    }

    /**
     * The proposal for a pair's criteria in a mode.
     *
     * @throws IllegalArgumentException health-care mode without a severity
     */
    RankProposal propose(PriorityMode mode, PairCriteria criteria) {
        List<RankStep> steps = new ArrayList<>();
        if (criteria.benefit() == Benefit.INGEN) {
            steps.add(new RankStep("benefit-none", key("benefit", criteria.benefit().code()), null));
            return statutoryOr(criteria, Recommendation.ickeGora(), steps);
        }
        if (insufficient(criteria.certainty())) {
            steps.add(new RankStep("certainty-fou", key("certainty", criteria.certainty().code()), null));
            return statutoryOr(criteria, Recommendation.fou(), steps);
        }
        int level;
        if (mode == PriorityMode.HEALTH_CARE) {
            if (criteria.severity() == null) {
                throw new IllegalArgumentException("Health-care mode needs a severity");
            }
            level = startFor(criteria.severity());
            steps.add(new RankStep("start-severity", key("severity", criteria.severity().code()), level));
            int byBenefit = startFor(criteria.benefit());
            if (byBenefit > level) {
                level = byBenefit;
                steps.add(new RankStep("lower-benefit", key("benefit", criteria.benefit().code()), level));
            }
        } else {
            level = startFor(criteria.benefit());
            steps.add(new RankStep("start-benefit", key("benefit", criteria.benefit().code()), level));
        }
        int afterCost = Math.min(Recommendation.WORST, level + penaltyFor(criteria.cost()));
        if (afterCost > level) {
            level = afterCost;
            steps.add(new RankStep("lower-cost", key("cost", criteria.cost().code()), level));
        }
        int afterCertainty = Math.min(Recommendation.WORST, level + penaltyFor(criteria.certainty()));
        if (afterCertainty > level) {
            level = afterCertainty;
            steps.add(new RankStep("lower-certainty", key("certainty", criteria.certainty().code()), level));
        }
        return new RankProposal(Recommendation.rank(level), steps);
    }

    private static RankProposal statutoryOr(PairCriteria criteria, Recommendation outcome, List<RankStep> steps) {
        if (!criteria.statutory()) {
            return new RankProposal(outcome, steps);
        }
        steps.add(new RankStep("statutory-floor", key("recommendation", outcome.code()), Recommendation.WORST));
        return new RankProposal(Recommendation.rank(Recommendation.WORST), steps);
    }

    private static String key(String criterion, String code) {
        return "priority." + criterion + "." + code;
    }

    RankParameters parameters() {
        return parameters;
    }

    private int startFor(Benefit benefit) {
        return parameters.benefitStart().get(benefit.ordinal());
    }

    private int startFor(Severity severity) {
        return parameters.severityStart().get(severity.ordinal());
    }

    private int penaltyFor(CostLevel cost) {
        return parameters.costPenalty().get(cost.ordinal());
    }

    private int penaltyFor(Certainty certainty) {
        return parameters.certaintyPenalty().get(certainty.ordinal());
    }

    /** Whether the knowledge counts as insufficient: certainty at or below {@code fouFrom}. */
    private boolean insufficient(Certainty certainty) {
        return certainty.ordinal() >= parameters.fouFrom().ordinal();
    }
}
