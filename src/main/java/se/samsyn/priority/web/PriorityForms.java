package se.samsyn.priority.web;

import java.util.ArrayList;
import java.util.List;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostBands;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.Pair;
import se.samsyn.priority.PairDraft;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.PriorityRejected;
import se.samsyn.priority.ProcessDraft;
import se.samsyn.priority.RankParameters;
import se.samsyn.priority.Severity;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/** The forms of the pages and the bodies of the API, with codes as text, turned into the module's records. */
final class PriorityForms {

    private PriorityForms() {
    }

    /** A process as entered; the four-number lists are written "1,3,5,7". */
    record ProcessForm(String name, String scopeType, String scopeCode, List<String> focusAreas, String purpose,
                       String members, String mode, String benefitStart, String severityStart, String costPenalty,
                       String certaintyPenalty, String fouFrom, String costUnit, Long costLow, Long costModerate,
                       Long costHigh) {

        static ProcessForm of(PriorityProcess p) {
            RankParameters r = p.parameters();
            List<Long> limits = p.costBands().limits();
            return new ProcessForm(p.name(), p.scope().type().name(), p.scope().code(), p.focusAreas(), p.purpose(),
                    p.members(), p.mode().code(), join(r.benefitStart()), join(r.severityStart()),
                    join(r.costPenalty()), join(r.certaintyPenalty()), r.fouFrom().code(), p.costBands().unit(),
                    limits.get(0), limits.get(1), limits.get(2));
        }

        static ProcessForm blank(Scope scope) {
            RankParameters r = RankParameters.DEFAULT;
            return new ProcessForm("", scope.type().name(), scope.code(), List.of(), "", "", PriorityMode.SOCIAL_SERVICES.code(),
                    join(r.benefitStart()), join(r.severityStart()), join(r.costPenalty()), join(r.certaintyPenalty()),
                    r.fouFrom().code(), "kr per förbättrad klient", 50_000L, 200_000L, 500_000L);
        }

        ProcessDraft draft() {
            Scope scope;
            try {
                scope = new Scope(ScopeType.valueOf(scopeType), scopeCode == null ? "" : scopeCode.strip());
            } catch (RuntimeException e) {
                throw new PriorityRejected("scope", "priority.error.scope");
            }
            PriorityMode m = PriorityMode.fromCode(mode).orElseThrow(() -> new PriorityRejected("mode", "priority.error.mode"));
            RankParameters parameters;
            try {
                parameters = new RankParameters(ints(benefitStart), ints(severityStart), ints(costPenalty),
                        ints(certaintyPenalty), Certainty.fromCode(fouFrom).orElse(null));
            } catch (IllegalArgumentException e) {
                throw new PriorityRejected("parameters", "priority.error.parameters");
            }
            List<Long> limits = new ArrayList<>();
            limits.add(costLow);
            limits.add(costModerate);
            limits.add(costHigh);
            if (limits.contains(null)) {
                throw new PriorityRejected("costBands", "priority.error.cost-bands");
            }
            return new ProcessDraft(name, scope, focusAreas == null ? List.of() : focusAreas, purpose,
                    members, m, parameters, new CostBands(costUnit, limits));
        }
    }

    /** A pair as entered; criteria as codes, the intervention as a catalogue code or free text. */
    record PairForm(String condition, String targetGroup, String interventionCode, String interventionText,
                    String benefit, String benefitRationale, String cost, String costRationale, String certainty,
                    String certaintyRationale, String severity, String severityRationale, Boolean statutory,
                    String statutoryReference, String methodEntry, String guidelineEntry) {

        static PairForm of(Pair p) {
            return new PairForm(p.condition(), p.targetGroup(), p.interventionCode(), p.interventionText(),
                    p.benefit().code(), p.benefitRationale(), p.cost().code(), p.costRationale(), p.certainty().code(),
                    p.certaintyRationale(), p.severity() == null ? null : p.severity().code(), p.severityRationale(),
                    p.statutory(), p.statutoryReference(), p.methodEntry(), p.guidelineEntry());
        }

        static PairForm blank() {
            return new PairForm("", "", "", "", "", "", "", "", "", "", "", "", false, "", "", "");
        }

        PairDraft draft() {
            Benefit b = Benefit.fromCode(benefit).orElseThrow(() -> new PriorityRejected("benefit", "priority.error.criteria"));
            CostLevel c = CostLevel.fromCode(cost).orElseThrow(() -> new PriorityRejected("cost", "priority.error.criteria"));
            Certainty e = Certainty.fromCode(certainty)
                    .orElseThrow(() -> new PriorityRejected("certainty", "priority.error.criteria"));
            Severity s = severity == null || severity.isBlank() ? null : Severity.fromCode(severity)
                    .orElseThrow(() -> new PriorityRejected("severity", "priority.error.criteria"));
            return new PairDraft(condition, targetGroup, interventionCode, interventionText, b,
                    benefitRationale, c, costRationale, e, certaintyRationale, s, severityRationale,
                    Boolean.TRUE.equals(statutory), statutoryReference, methodEntry, guidelineEntry);
        }
    }

    static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    static List<Integer> ints(String text) {
        if (text == null) {
            return null;
        }
        List<Integer> values = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (!part.isBlank()) {
                try {
                    values.add(Integer.valueOf(part.strip()));
                } catch (NumberFormatException e) {
                    throw new PriorityRejected("parameters", "priority.error.parameters");
                }
            }
        }
        return values;
    }
}
