package se.samsyn.priority.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.ListSummary;
import se.samsyn.priority.Pair;
import se.samsyn.priority.PairCriteria;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PracticeEvidence;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.PriorityRejected;
import se.samsyn.priority.ProcessDraft;
import se.samsyn.priority.ProcessStatus;
import se.samsyn.priority.ProcessView;
import se.samsyn.priority.PublishedList;
import se.samsyn.priority.RankParameters;
import se.samsyn.priority.RankProposal;
import se.samsyn.priority.ResourceScenarios;
import se.samsyn.priority.Severity;
import se.samsyn.priority.VersionDiff;
import se.samsyn.priority.VersionInfo;
import se.samsyn.priority.web.PriorityForms.PairForm;
import se.samsyn.priority.web.PriorityForms.ProcessForm;
import se.samsyn.shared.Actor;

/**
 * The priority-setting API. Published lists, their versions and diffs are public; processes,
 * pairs, decisions and scenarios need a signed-in user or an API token, and the same scope rules
 * as the pages. Criteria are given by their codes (benefit {@code mycket-stor … ingen}, cost
 * {@code lag … mycket-hog}, certainty {@code hog … saknas}, severity {@code mycket-stor … liten}).
 */
@RestController
@Tag(name = "Priority setting", description = "Open priority setting of condition–intervention pairs")
class PriorityApi {

    private final PriorityProcesses processes;
    private final ResourceScenarios scenarios;
    private final MessageSource messages;

    PriorityApi(PriorityProcesses processes, ResourceScenarios scenarios, MessageSource messages) {
        this.processes = processes;
        this.scenarios = scenarios;
        this.messages = messages;
    }

    /** A proposal with its steps as codes and as text in the caller's language. */
    record ProposalView(String recommendation, String band, List<se.samsyn.priority.RankStep> steps, String explanation) {
        static ProposalView of(RankProposal p, MessageSource messages, Locale locale) {
            return new ProposalView(p.recommendation().code(), p.recommendation().band().code(), p.steps(),
                    PriorityText.explain(p, messages, locale));
        }
    }

    record PairResult(Pair pair, String interventionName, ProposalView proposal, String recommendation,
                      PracticeEvidence practice) {
    }

    /**
     * A process with its pairs; {@code practiceYears} is the calendar period the pairs' practice
     * figures cover, {@code practiceAsOf} when they were computed (the nation's stored outcome
     * reports), null before the first computation.
     */
    record ProcessResult(PriorityProcess process, List<PairResult> pairs,
                         se.samsyn.followup.PublishedYears practiceYears, java.time.Instant practiceAsOf) {
    }

    /**
     * A published process as the public reads it: its settings and codes, without the account that
     * created it (the signed-in processes API keeps {@code createdBy}).
     */
    record PublicProcess(long id, String name, se.samsyn.shared.Scope scope, List<String> focusAreas, String purpose,
                         String members, PriorityMode mode, ProcessStatus status, RankParameters parameters,
                         se.samsyn.priority.CostBands costBands, int publishedVersion, java.time.Instant createdAt,
                         java.time.Instant updatedAt) {

        static PublicProcess of(PriorityProcess p) {
            return new PublicProcess(p.id(), p.name(), p.scope(), p.focusAreas(), p.purpose(), p.members(), p.mode(),
                    p.status(), p.parameters(), p.costBands(), p.publishedVersion(), p.createdAt(), p.updatedAt());
        }
    }

    /**
     * A pair of a published list as the public reads it: as {@link PairResult}, without the account
     * that recorded the decision ({@code decidedBy}).
     */
    record PublicPairResult(@JsonIgnoreProperties({"decidedBy"}) Pair pair, String interventionName,
                            ProposalView proposal, String recommendation, PracticeEvidence practice) {

        static PublicPairResult of(PairResult p) {
            return new PublicPairResult(p.pair(), p.interventionName(), p.proposal(), p.recommendation(), p.practice());
        }
    }

    /**
     * A published list by band code ({@code bor}, {@code kan}, {@code undantag}, {@code fou}, {@code icke-gora});
     * {@code practiceYears} is the calendar period the pairs' practice figures cover (ADR 0015, "Periods"),
     * {@code practiceAsOf} when they were computed (they are the nation's stored outcome report of that
     * year, hidden where it hides), null before the first computation, when every follow-up pair's
     * verdict is {@code pending}.
     */
    record ListResult(long processId, int version, java.time.Instant publishedAt, PublicProcess process,
                      Map<String, List<PublicPairResult>> bands, se.samsyn.followup.PublishedYears practiceYears,
                      java.time.Instant practiceAsOf) {
    }

    /**
     * Criteria to ask the rule about, as codes; severity is read in health-care mode only, and the
     * parameters default to those of ADR 0007.
     */
    record ProposalRequest(
            @NotBlank(message = "priority.error.mode")
            @Schema(allowableValues = {"social-services", "health-care"}) String mode,
            @NotBlank(message = "priority.error.criteria")
            @Schema(allowableValues = {"mycket-stor", "stor", "mattlig", "liten", "ingen"}) String benefit,
            @NotBlank(message = "priority.error.criteria")
            @Schema(allowableValues = {"lag", "mattlig", "hog", "mycket-hog"}) String cost,
            @NotBlank(message = "priority.error.criteria")
            @Schema(allowableValues = {"hog", "mattlig", "lag", "mycket-lag", "saknas"}) String certainty,
            @Schema(allowableValues = {"mycket-stor", "stor", "mattlig", "liten"}) String severity,
            Boolean statutory, RankParameters parameters) {
    }

    /** A lifecycle move: {@code status} is draft, consultation or published. */
    record StatusRequest(
            @NotBlank(message = "priority.error.transition")
            @Schema(allowableValues = {"draft", "consultation", "published"}) String status) {
    }

    /** The group's decision: a rank 1–10, fou or icke-gora, with a rationale (at most 4 000 characters). */
    record DecisionRequest(
            @NotBlank(message = "priority.error.decision")
            @Schema(example = "3", description = "1 … 10, fou or icke-gora") String decision,
            @Size(max = 4000, message = "priority.error.too-long") String rationale) {
    }

    /** One pair's input in a scenario: the cost per client and year (kronor) and the number of clients. */
    record ScenarioLineRequest(long pairId,
                               @PositiveOrZero(message = "priority.error.line") @Max(value = 100_000_000L,
                                       message = "priority.error.line") long costPerClient,
                               @PositiveOrZero(message = "priority.error.line") @Max(value = 1_000_000,
                                       message = "priority.error.line") int clients) {

        ResourceScenarios.ScenarioLine line() {
            return new ResourceScenarios.ScenarioLine(pairId, costPerClient, clients);
        }
    }

    /** A scenario to calculate or save: a published list's version, a name, a budget in kronor and the lines. */
    record ScenarioRequest(long listId, int version, String name,
                           @PositiveOrZero(message = "priority.error.budget") @Max(value = 1_000_000_000_000L,
                                   message = "priority.error.budget") long budget,
                           List<@Valid ScenarioLineRequest> lines) {

        List<ResourceScenarios.ScenarioLine> scenarioLines() {
            return lines == null ? null : lines.stream().map(l -> l == null ? null : l.line()).toList();
        }
    }

    // ---- public ---------------------------------------------------------------------------------

    @GetMapping("/api/v1/priorities/lists")
    @Operation(summary = "Published priority lists (public)")
    List<ListSummary> lists() {
        return processes.publishedLists();
    }

    @GetMapping("/api/v1/priorities/lists/{id}")
    @Operation(summary = "A published list by band, the latest version unless one is asked for (public)")
    ListResult list(@PathVariable long id, @RequestParam(required = false) Integer version, Locale locale) {
        PublishedList list = processes.published(id, version);
        java.time.Instant asOf = processes.practiceAsOf().orElse(null);
        Map<Long, PracticeEvidence> practice = processes.practice(list.pairs());
        Map<String, List<PublicPairResult>> bands = new java.util.LinkedHashMap<>();
        ListPages.grouped(list).forEach((band, pairs) -> bands.put(band.code(),
                pairs.stream().map(p -> PublicPairResult.of(result(p, practice.get(p.pair().id()), locale))).toList()));
        return new ListResult(id, list.version(), list.publishedAt(), PublicProcess.of(list.process()), bands,
                processes.practicePeriod(), asOf);
    }

    @GetMapping("/api/v1/priorities/lists/{id}/versions")
    @Operation(summary = "The published versions of a list (public)")
    List<VersionInfo> versions(@PathVariable long id) {
        return processes.versions(id);
    }

    @GetMapping("/api/v1/priorities/lists/{id}/diff")
    @Operation(summary = "What changed in a version since the one before it (public)")
    VersionDiff diff(@PathVariable long id, @RequestParam int version) {
        return processes.diff(id, version);
    }

    @PostMapping("/api/v1/priorities/proposal")
    @Operation(summary = "The rule's proposal for a set of criteria, with every step that moved it")
    ProposalView propose(@Valid @RequestBody ProposalRequest request, Locale locale) {
        PriorityMode mode = PriorityMode.fromCode(request.mode())
                .orElseThrow(() -> new PriorityRejected("mode", "priority.error.mode"));
        PairCriteria criteria;
        try {
            criteria = new PairCriteria(Benefit.fromCode(request.benefit()).orElse(null),
                    CostLevel.fromCode(request.cost()).orElse(null), Certainty.fromCode(request.certainty()).orElse(null),
                    mode == PriorityMode.HEALTH_CARE ? Severity.fromCode(request.severity()).orElseThrow(
                            () -> new PriorityRejected("severity", "priority.error.severity-required")) : null,
                    Boolean.TRUE.equals(request.statutory()));
        } catch (IllegalArgumentException e) {
            throw new PriorityRejected("benefit", "priority.error.criteria");
        }
        return ProposalView.of(processes.propose(mode, criteria, request.parameters()), messages, locale);
    }

    // ---- processes ------------------------------------------------------------------------------

    @GetMapping("/api/v1/priorities/processes")
    @Operation(summary = "The processes the caller may read, drafts included")
    List<PriorityProcess> processes() {
        return processes.processes(actor());
    }

    @PostMapping("/api/v1/priorities/processes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a process in the caller's own scope (or, for a regional analyst, a municipality in it)")
    PriorityProcess create(@Valid @RequestBody ProcessForm form) {
        return processes.create(actor(), withDefaults(form));
    }

    @GetMapping("/api/v1/priorities/processes/{id}")
    @Operation(summary = "A process with its pairs, the rule's proposals and the decisions")
    ProcessResult process(@PathVariable long id, Locale locale) {
        ProcessView view = processes.process(actor(), id);
        java.time.Instant asOf = processes.practiceAsOf().orElse(null);
        Map<Long, PracticeEvidence> practice = processes.practice(view.pairs());
        return new ProcessResult(view.process(), view.pairs().stream()
                .map(p -> result(p, practice.get(p.pair().id()), locale)).toList(), processes.practicePeriod(), asOf);
    }

    @PutMapping("/api/v1/priorities/processes/{id}")
    @Operation(summary = "Change a process (not its scope) while it is a draft or out for consultation")
    PriorityProcess update(@PathVariable long id, @Valid @RequestBody ProcessForm form) {
        return processes.update(actor(), id, withDefaults(form));
    }

    @PostMapping("/api/v1/priorities/processes/{id}/status")
    @Operation(summary = "Move a process: draft, consultation, published (a new version), or back to draft")
    PriorityProcess move(@PathVariable long id, @Valid @RequestBody StatusRequest request) {
        return processes.moveTo(actor(), id, ProcessStatus.fromCode(request.status())
                .orElseThrow(() -> new PriorityRejected("status", "priority.error.transition")));
    }

    @PostMapping("/api/v1/priorities/processes/{id}/pairs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a condition–intervention pair with its criteria and rationale")
    Pair addPair(@PathVariable long id, @Valid @RequestBody PairForm form) {
        return processes.addPair(actor(), id, form.draft());
    }

    @PutMapping("/api/v1/priorities/pairs/{pairId}")
    @Operation(summary = "Change a pair; a changed proposal withdraws the decision")
    Pair updatePair(@PathVariable long pairId, @Valid @RequestBody PairForm form) {
        return processes.updatePair(actor(), pairId, form.draft());
    }

    @DeleteMapping("/api/v1/priorities/pairs/{pairId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a pair from a process that is not published")
    void removePair(@PathVariable long pairId) {
        processes.removePair(actor(), pairId);
    }

    @PostMapping("/api/v1/priorities/pairs/{pairId}/decision")
    @Operation(summary = "Record the group's decision; a decision that differs from the proposal needs a rationale")
    Pair decide(@PathVariable long pairId, @Valid @RequestBody DecisionRequest request) {
        return processes.decide(actor(), pairId, request.decision(), request.rationale());
    }

    // ---- scenarios ------------------------------------------------------------------------------

    @GetMapping("/api/v1/priorities/scenarios")
    @Operation(summary = "The saved resource scenarios of the caller's municipality")
    List<ResourceScenarios.Scenario> scenarios() {
        return scenarios.scenarios(actor());
    }

    @GetMapping("/api/v1/priorities/scenarios/{id}")
    @Operation(summary = "A saved scenario with its coverage")
    ResourceScenarios.ScenarioView scenario(@PathVariable long id) {
        return scenarios.scenario(actor(), id);
    }

    @PostMapping("/api/v1/priorities/scenarios/calculate")
    @Operation(summary = "Calculate coverage for a budget without saving")
    ResourceScenarios.ScenarioView calculate(@Valid @RequestBody ScenarioRequest request) {
        return scenarios.calculate(actor(), request.listId(), request.version(), request.name(), request.budget(),
                request.scenarioLines());
    }

    @PostMapping("/api/v1/priorities/scenarios")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a scenario")
    ResourceScenarios.ScenarioView save(@Valid @RequestBody ScenarioRequest request) {
        return scenarios.save(actor(), request.listId(), request.version(), request.name(), request.budget(),
                request.scenarioLines());
    }

    @PutMapping("/api/v1/priorities/scenarios/{id}")
    @Operation(summary = "Change a saved scenario's name, budget and lines (on the list version it was saved with; "
            + "listId and version in the body are ignored)")
    ResourceScenarios.ScenarioView update(@PathVariable long id, @Valid @RequestBody ScenarioRequest request) {
        return scenarios.update(actor(), id, request.name(), request.budget(), request.scenarioLines());
    }

    @DeleteMapping("/api/v1/priorities/scenarios/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a saved scenario")
    void deleteScenario(@PathVariable long id) {
        scenarios.delete(actor(), id);
    }

    private PairResult result(PairView p, PracticeEvidence practice, Locale locale) {
        return new PairResult(p.pair(), p.interventionName(), ProposalView.of(p.proposal(), messages, locale),
                p.effective().code(), practice);
    }

    /** Leaves out of an API body what has a sensible default: the scope, the parameters, the cost bands. */
    private static ProcessDraft withDefaults(ProcessForm form) {
        Actor actor = actor();
        ProcessForm blank = ProcessForm.blank(actor.scope());
        return new ProcessForm(form.name(), or(form.scopeType(), blank.scopeType()), or(form.scopeCode(), blank.scopeCode()),
                form.focusAreas(), form.purpose(), form.members(), or(form.mode(), blank.mode()),
                or(form.benefitStart(), blank.benefitStart()), or(form.severityStart(), blank.severityStart()),
                or(form.costPenalty(), blank.costPenalty()), or(form.certaintyPenalty(), blank.certaintyPenalty()),
                or(form.fouFrom(), blank.fouFrom()), or(form.costUnit(), blank.costUnit()),
                form.costLow() == null ? blank.costLow() : form.costLow(),
                form.costModerate() == null ? blank.costModerate() : form.costModerate(),
                form.costHigh() == null ? blank.costHigh() : form.costHigh()).draft();
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Sign in"));
    }
}
