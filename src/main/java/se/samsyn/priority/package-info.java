/**
 * Open priority setting (öppna prioriteringar): processes in which a national, regional or
 * municipal group ranks condition–intervention pairs, with a transparent proposal from
 * {@link se.samsyn.priority.RankRule}, the group's reasoned decision, published versions that are
 * kept and compared, practice evidence from follow-up beside the research evidence, and resource
 * scenarios for a municipality ({@link se.samsyn.priority.Coverage}).
 *
 * <p>Publishes {@link se.samsyn.priority.PriorityProcesses} and {@link se.samsyn.priority.ResourceScenarios}
 * with their records. Depends on organisation (scopes, focus areas), follow-up (the catalogue of
 * interventions and national outcome aggregates) and audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Priority setting",
        allowedDependencies = {"organisation", "followup", "knowledge", "audit", "shared"})
package se.samsyn.priority;
