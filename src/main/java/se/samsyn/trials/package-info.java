/**
 * Tool trials and improvement work (issue 15): does a support tool help the work or weigh it down?
 * A unit, a municipality, a regional support structure or a national analyst sets up a trial of one
 * tool (an instrument in follow-up, a documentation template, a method from the knowledge guide or
 * a named digital tool) with its question, trial and comparison units, a baseline and a trial
 * period and its measures; once started the plan is frozen and every change is a new version.
 * Staff record the minutes a use took and answer an anonymous rating (raw NASA-TLX and "did it
 * help?"); use is computed from follow-up's published views. Run charts per week or month with the
 * Anhøj rules show what happened; the trial ends with a decision (roll out, adapt and retry, stop)
 * published as a report, listed nationally and on the tool's knowledge-guide entry. The same run
 * chart serves improvement work on any follow-up indicator, with PDSA annotations.
 *
 * <p>This package is the module's API: the services {@link se.samsyn.trials.Trials},
 * {@link se.samsyn.trials.TrialBurden}, {@link se.samsyn.trials.TrialFindings} and
 * {@link se.samsyn.trials.Improvement}, the records they take and return, the codes (enums answered
 * as their lower-case codes) and the exceptions, which extend the shared problems. {@code internal}
 * holds the implementations, the SQL, the access rule and the plain-Java rules (Anhøj, Shewhart,
 * rating groups); {@code web} the pages and the REST API. Depends on organisation (units, scopes),
 * audit, follow-up (its instruments, and the published {@code fup_fact_unit_*} views), comparison
 * (the suppression threshold's setting is shared with it by configuration only) and knowledge,
 * whose {@link se.samsyn.knowledge.EntryPanels} it implements so that a tool's guide entry lists
 * its trials without the guide depending on trials. See ADR 13.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tool trials",
        allowedDependencies = {"organisation", "audit", "shared", "followup", "comparison", "knowledge"})
package se.samsyn.trials;
