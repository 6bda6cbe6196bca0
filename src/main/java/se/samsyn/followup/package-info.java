/**
 * Systematic follow-up (systematisk uppföljning): the needs, interventions and outcomes of each
 * client, recorded pseudonymously and compiled from the unit up to the nation.
 *
 * <p>A personal identity number is validated ({@link se.samsyn.followup.PersonalIdentityNumber}),
 * turned into a keyed pseudonym and never stored. The key lives outside the database, which keeps
 * only its fingerprint ({@code fup_pseudonym_key}) and refuses to start with another key. Case workers and unit managers read and write
 * the clients of their own unit only, and every read and write is audited in the same
 * transaction. Above the unit, analysts see aggregates only, with counts under the threshold
 * suppressed. Corrections (a re-imported row with other values, or an entry ended, corrected or
 * removed on the page or through the API) update the stored row and keep every earlier value in
 * {@code fup_history}.
 *
 * <p>This package is the module's API: the service interfaces {@link se.samsyn.followup.ClientRecords},
 * {@link se.samsyn.followup.FollowupImport}, {@link se.samsyn.followup.EntryCorrections},
 * {@link se.samsyn.followup.OutcomeReports}, {@link se.samsyn.followup.PublishedCounts} (when the
 * stored figures outside the owning unit were counted) and {@link se.samsyn.followup.Catalogue}, the records they
 * return, the codes (enums answered as their lower-case codes), the event
 * {@link se.samsyn.followup.FollowupDataChanged} and the exceptions, which extend the shared
 * {@link se.samsyn.shared.DomainProblem} and so carry their status and message key. Other modules
 * read follow-up data only through these services or the published {@code fup_fact_*} views (among them {@code fup_fact_unit_*}, unit-level and dated, for tool trials).
 * {@code internal} holds their implementations and everything no other package may use, all
 * package-private: the SQL, the history of corrections, the access and entry checks, the baseline
 * rule, the import's row rule and store step, the pseudonymiser and its key, outcome statistics and
 * the guide's "where used"; {@code web} holds the pages and the API.
 * Depends on organisation (units and scopes), audit, imports (strict reading of uploaded files),
 * cluster (imports of one unit run one at a time), and on the knowledge guide, whose
 * {@link se.samsyn.knowledge.KnowledgeReferences} it implements so that an intervention's method
 * entry shows where it is used and cannot be archived while the catalogue links to it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follow-up",
        allowedDependencies = {"organisation", "audit", "shared", "knowledge", "imports", "cluster", "disclosure"})
package se.samsyn.followup;
