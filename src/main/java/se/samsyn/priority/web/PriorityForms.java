package se.samsyn.priority.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
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

    /**
     * A process as entered; the four-number lists are written "1,3,5,7". In the API a body is
     * validated (name at most 200 characters, purpose and members at most 4 000, at least one focus
     * area); what the API leaves out gets the defaults of {@link #blank}.
     */
    record ProcessForm(
            @NotBlank(message = "priority.error.required") @Size(max = 200, message = "priority.error.too-long")
            String name,
            @Schema(allowableValues = {"NATION", "REGION", "MUNICIPALITY"}) String scopeType,
            String scopeCode,
            @NotEmpty(message = "priority.error.focus-areas") List<String> focusAreas,
            @NotBlank(message = "priority.error.required") @Size(max = 4000, message = "priority.error.too-long")
            String purpose,
            @Size(max = 4000, message = "priority.error.too-long") String members,
            @Schema(allowableValues = {"social-services", "health-care"}) String mode,
            @Schema(example = "1,3,5,7") String benefitStart, @Schema(example = "1,3,5,7") String severityStart,
            @Schema(example = "0,0,2,4") String costPenalty, @Schema(example = "0,0,1,2") String certaintyPenalty,
            @Schema(allowableValues = {"lag", "mycket-lag", "saknas"}) String fouFrom,
            @Size(max = 200, message = "priority.error.too-long") String costUnit,
            Long costLow, Long costModerate, Long costHigh) {

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
                scope = scopeType == null || scopeType.isBlank() ? Scope.ofCode(scopeCode)
                        : new Scope(ScopeType.valueOf(scopeType), scopeCode == null ? "" : scopeCode.strip());
                if (scope == null) {
                    throw new PriorityRejected("scope", "priority.error.scope");
                }
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

    /**
     * A pair as entered; criteria as codes, the intervention as a catalogue code or free text. In
     * the API a body is validated: condition and target group required (at most 500 characters),
     * the three criteria and their rationales required (at most 4 000).
     */
    record PairForm(
            @NotBlank(message = "priority.error.required") @Size(max = 500, message = "priority.error.too-long")
            String condition,
            @NotBlank(message = "priority.error.required") @Size(max = 500, message = "priority.error.too-long")
            String targetGroup,
            String interventionCode,
            @Size(max = 500, message = "priority.error.too-long") String interventionText,
            @NotBlank(message = "priority.error.criteria")
            @Schema(allowableValues = {"mycket-stor", "stor", "mattlig", "liten", "ingen"}) String benefit,
            @NotBlank(message = "priority.error.required") @Size(max = 4000, message = "priority.error.too-long")
            String benefitRationale,
            @NotBlank(message = "priority.error.criteria")
            @Schema(allowableValues = {"lag", "mattlig", "hog", "mycket-hog"}) String cost,
            @NotBlank(message = "priority.error.required") @Size(max = 4000, message = "priority.error.too-long")
            String costRationale,
            @NotBlank(message = "priority.error.criteria")
            @Schema(allowableValues = {"hog", "mattlig", "lag", "mycket-lag", "saknas"}) String certainty,
            @NotBlank(message = "priority.error.required") @Size(max = 4000, message = "priority.error.too-long")
            String certaintyRationale,
            @Schema(allowableValues = {"mycket-stor", "stor", "mattlig", "liten"}) String severity,
            @Size(max = 4000, message = "priority.error.too-long") String severityRationale,
            Boolean statutory,
            @Size(max = 200, message = "priority.error.too-long") String statutoryReference,
            String methodEntry, String guidelineEntry,
            @Schema(allowableValues = {"individual", "population-risk"}) String conditionKind,
            String activityKind) {

        /** A pair about a condition of a person (the request shape before population risks). */
        PairForm(String condition, String targetGroup, String interventionCode, String interventionText, String benefit,
                 String benefitRationale, String cost, String costRationale, String certainty, String certaintyRationale,
                 String severity, String severityRationale, Boolean statutory, String statutoryReference,
                 String methodEntry, String guidelineEntry) {
            this(condition, targetGroup, interventionCode, interventionText, benefit, benefitRationale, cost, costRationale,
                    certainty, certaintyRationale, severity, severityRationale, statutory, statutoryReference, methodEntry,
                    guidelineEntry, null, null);
        }

        static PairForm of(Pair p) {
            return new PairForm(p.condition(), p.targetGroup(), p.interventionCode(), p.interventionText(),
                    p.benefit().code(), p.benefitRationale(), p.cost().code(), p.costRationale(), p.certainty().code(),
                    p.certaintyRationale(), p.severity() == null ? null : p.severity().code(), p.severityRationale(),
                    p.statutory(), p.statutoryReference(), p.methodEntry(), p.guidelineEntry(), p.conditionKind(),
                    p.activityKind());
        }

        static PairForm blank() {
            return new PairForm("", "", "", "", "", "", "", "", "", "", "", "", false, "", "", "", "individual", "");
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
                    Boolean.TRUE.equals(statutory), statutoryReference, methodEntry, guidelineEntry, conditionKind,
                    activityKind);
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
