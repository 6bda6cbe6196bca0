package se.samsyn.priority.internal;

import java.util.Optional;
import java.util.function.Predicate;
import se.samsyn.organisation.FocusArea;
import se.samsyn.priority.CostBands;
import se.samsyn.priority.PairDraft;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.PriorityRejected;
import se.samsyn.priority.ProcessDraft;
import se.samsyn.priority.RankParameters;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/**
 * The rules a process draft and a pair draft must meet before they are stored, in plain Java:
 * required and optional texts with their maximum lengths, known codes, and the mode's rules on
 * severity. Each failure is a {@link PriorityRejected} with the field and a {@code priority.error.*}
 * key. Used by the priority-setting service only.
 */
final class DraftRules {

    private DraftRules() {
    }

    /**
     * A process draft checked and normalised: name (at most 200 characters) and purpose (4 000)
     * required, members optional (4 000), a scope above the unit that exists, known focus areas
     * (normalised to their codes, without repeats), a mode, the default parameters when none are
     * given, and cost bands with a unit (at most 200) and three rising limits from 0.
     *
     * @param scopeExists whether a scope exists in the organisation
     * @throws PriorityRejected naming the first field at fault
     */
    static ProcessDraft process(ProcessDraft d, Predicate<Scope> scopeExists) {
        String name = required(d.name(), "name", 200);
        String purpose = required(d.purpose(), "purpose", 4000);
        String members = optional(d.members(), "members", 4000);
        if (d.scope() == null || d.scope().type() == ScopeType.UNIT || !scopeExists.test(d.scope())) {
            throw new PriorityRejected("scope", "priority.error.scope");
        }
        if (d.focusAreas() == null || d.focusAreas().isEmpty()
                || d.focusAreas().stream().anyMatch(f -> FocusArea.fromCode(f).isEmpty())) {
            throw new PriorityRejected("focusAreas", "priority.error.focus-areas");
        }
        if (d.mode() == null) {
            throw new PriorityRejected("mode", "priority.error.mode");
        }
        RankParameters parameters = d.parameters() == null ? RankParameters.DEFAULT : d.parameters();
        CostBands bands = d.costBands();
        if (bands == null || bands.unit() == null || bands.unit().isBlank() || bands.unit().length() > 200
                || bands.limits() == null || bands.limits().size() != 3 || bands.limits().get(0) < 0
                || bands.limits().get(0) >= bands.limits().get(1) || bands.limits().get(1) >= bands.limits().get(2)) {
            throw new PriorityRejected("costBands", "priority.error.cost-bands");
        }
        return new ProcessDraft(name, d.scope(), d.focusAreas().stream().map(f -> FocusArea.fromCode(f).orElseThrow().code())
                .distinct().toList(), purpose, members, d.mode(), parameters,
                new CostBands(bands.unit().strip(), bands.limits()));
    }

    /**
     * A pair draft checked and normalised for its process: condition and target group required (at
     * most 500 characters), a known catalogue intervention code or a free-text intervention, the three
     * criteria with their rationales, severity only in health-care mode (and then required with its
     * rationale), a statutory reference for a statutory entitlement, and, for the method and the
     * guideline, nothing or the slug of a published guide entry. A population-risk pair (ADR 14)
     * needs a known preventive activity kind as its intervention (a catalogue code or text may be
     * added); an individual pair has no activity kind.
     *
     * @param interventionKnown whether the follow-up catalogue has an intervention code
     * @param activityKnown     whether prevention's catalogue has an activity kind
     * @param entryPublished    whether the knowledge guide has a published entry with a slug (issue 17:
     *                          an entry that does not exist cannot be referenced)
     * @throws PriorityRejected naming the first field at fault; {@code priority.error.guide-entry} on
     *         {@code methodEntry} or {@code guidelineEntry} for a slug that is unknown or not published
     */
    static PairDraft pair(PriorityProcess process, PairDraft d, Predicate<String> interventionKnown,
                          Predicate<String> activityKnown, Predicate<String> entryPublished) {
        String conditionKind = d.conditionKind() == null || d.conditionKind().isBlank() ? "individual" : d.conditionKind();
        if (!conditionKind.equals("individual") && !conditionKind.equals("population-risk")) {
            throw new PriorityRejected("conditionKind", "priority.error.condition-kind");
        }
        String activity = d.activityKind() == null || d.activityKind().isBlank() ? null : d.activityKind().strip();
        if (conditionKind.equals("population-risk") && (activity == null || !activityKnown.test(activity))) {
            throw new PriorityRejected("activityKind", "priority.error.activity-kind");
        }
        if (conditionKind.equals("individual")) {
            activity = null;
        }
        String condition = required(d.condition(), "condition", 500);
        String target = required(d.targetGroup(), "targetGroup", 500);
        String code = d.interventionCode() == null || d.interventionCode().isBlank() ? null : d.interventionCode().strip();
        String text = optional(d.interventionText(), "interventionText", 500);
        if (code != null && !interventionKnown.test(code)) {
            throw new PriorityRejected("interventionCode", "priority.error.intervention-unknown");
        }
        if (code == null && text == null && activity == null) {
            throw new PriorityRejected("interventionText", "priority.error.intervention");
        }
        if (d.benefit() == null || d.cost() == null || d.certainty() == null) {
            throw new PriorityRejected("benefit", "priority.error.criteria");
        }
        String benefitWhy = required(d.benefitRationale(), "benefitRationale", 4000);
        String costWhy = required(d.costRationale(), "costRationale", 4000);
        String certaintyWhy = required(d.certaintyRationale(), "certaintyRationale", 4000);
        String severityWhy = optional(d.severityRationale(), "severityRationale", 4000);
        if (process.mode() == PriorityMode.SOCIAL_SERVICES && (d.severity() != null || severityWhy != null)) {
            throw new PriorityRejected("severity", "priority.error.severity-social");
        }
        if (process.mode() == PriorityMode.HEALTH_CARE) {
            if (d.severity() == null) {
                throw new PriorityRejected("severity", "priority.error.severity-required");
            }
            required(severityWhy, "severityRationale", 4000);
        }
        String reference = optional(d.statutoryReference(), "statutoryReference", 200);
        if (d.statutory() && reference == null) {
            throw new PriorityRejected("statutoryReference", "priority.error.statutory-reference");
        }
        String method = entry(d.methodEntry(), "methodEntry", entryPublished);
        String guideline = entry(d.guidelineEntry(), "guidelineEntry", entryPublished);
        return new PairDraft(condition, target, code, code == null ? text : null, d.benefit(), benefitWhy, d.cost(),
                costWhy, d.certainty(), certaintyWhy, d.severity(), severityWhy, d.statutory(),
                d.statutory() ? reference : null, method, guideline, conditionKind, activity);
    }

    private static String required(String value, String field, int max) {
        String v = optional(value, field, max);
        if (v == null) {
            throw new PriorityRejected(field, "priority.error.required");
        }
        return v;
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new PriorityRejected(field, "priority.error.too-long");
        }
        return v;
    }

    private static String entry(String value, String field, Predicate<String> published) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!published.test(v)) {
            throw new PriorityRejected(field, "priority.error.guide-entry");
        }
        return v;
    }

    /** A pair draft as one line for the audit trail's details: condition, intervention and criteria codes. */
    static String describe(PairDraft d) {
        return "condition=" + d.condition() + "; intervention=" + Optional.ofNullable(d.interventionCode())
                .orElse(d.interventionText()) + "; benefit=" + d.benefit().code() + "; cost=" + d.cost().code()
                + "; certainty=" + d.certainty().code() + (d.severity() == null ? "" : "; severity=" + d.severity().code())
                + (d.statutory() ? "; statutory=" + d.statutoryReference() : "");
    }
}
