/**
 * The knowledge guide (kunskapsguide): methods, national guidelines, instruments, web trainings,
 * regulations and reports, with Swedish full-text search, facets, curated collections, an Atom
 * feed of changes and bulk import and export.
 *
 * <p>Knowledge editors write entries through the workflow draft, review, published and archived,
 * whose rules (which status follows which, what may be edited or deleted) live on
 * {@link se.samsyn.knowledge.EntryStatus}; every save keeps a version. The public sees published
 * entries only. Search runs on a Lucene index built from the database at start-up and after every
 * change, and swapped in whole so that searches never see a half-built index.
 *
 * <p>This package is the module's API: the service interfaces
 * {@link se.samsyn.knowledge.GuideEntries}, {@link se.samsyn.knowledge.GuideSearch},
 * {@link se.samsyn.knowledge.GuideCollections} and {@link se.samsyn.knowledge.GuideImport}, the
 * records they take and return ({@link se.samsyn.knowledge.Entry},
 * {@link se.samsyn.knowledge.EntryContent}, {@link se.samsyn.knowledge.ImportOutcome},
 * {@link se.samsyn.knowledge.SearchResult} and the others), the codes (enums answered as their
 * lower-case codes), the event {@link se.samsyn.knowledge.GuideChanged}, the exceptions (which extend
 * the shared {@link se.samsyn.shared.DomainProblem}) and the service-provider interface
 * {@link se.samsyn.knowledge.KnowledgeReferences}: other modules implement it as Spring beans to say
 * where they use an entry, and the guide shows those references and refuses to archive or delete a
 * referenced entry, and {@link se.samsyn.knowledge.EntryPanels}: other modules implement it to add a
 * panel of rows to an entry's page (trials list the trials a tool has been through), so the guide
 * shows them without depending on those modules. {@code internal} holds the implementations and everything else, package-private:
 * the SQL, the access rule, the content rules, the import's row rule and store step, the starting
 * set, the search index and its Swedish analyzer, and the Markdown renderer (public for
 * {@code web}); {@code web} holds the pages, the feed and the API.
 * Depends on organisation (focus area codes), audit, cluster (the change signal that keeps every
 * instance's index current, the seeding lock) and imports (the one import pipeline).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge guide",
        allowedDependencies = {"organisation", "audit", "cluster", "imports", "shared"})
package se.samsyn.knowledge;
