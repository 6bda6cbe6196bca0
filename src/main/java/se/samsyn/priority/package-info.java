/**
 * Open priority setting (öppna prioriteringar): processes in which a national, regional or
 * municipal group ranks condition–intervention pairs, with a transparent proposal from the rank
 * rule ({@link se.samsyn.priority.RankProposal}, ADR 0007), the group's reasoned decision,
 * published versions that are kept and compared ({@link se.samsyn.priority.PublishedList},
 * {@link se.samsyn.priority.VersionDiff}), practice evidence from follow-up beside the research
 * evidence ({@link se.samsyn.priority.PracticeEvidence}), and resource scenarios for a
 * municipality ({@link se.samsyn.priority.Coverage}).
 *
 * <p>The API: the facades {@link se.samsyn.priority.PriorityProcesses} and
 * {@link se.samsyn.priority.ResourceScenarios}, the aggregate {@link se.samsyn.priority.PriorityProcess}
 * (which owns its lifecycle), the records they take and answer, and the errors
 * {@link se.samsyn.priority.PriorityNotFound} and {@link se.samsyn.priority.PriorityRejected}.
 * Everything else is in {@code internal}: the services, the repository, the access rules and the
 * plain-Java rules (the rank rule, budget coverage, the evidence gap, version comparison, draft
 * checks). Controllers are in {@code web}. Depends on organisation (scopes, focus areas),
 * follow-up (the catalogue of interventions and national outcome aggregates), prevention (the
 * activity kinds a population-risk pair's intervention comes from, and their national reach and
 * anonymous outcome as practice evidence, ADR 14), knowledge (guide references) and audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Priority setting",
        allowedDependencies = {"organisation", "followup", "prevention", "knowledge", "audit", "shared"})
package se.samsyn.priority;
