/**
 * The knowledge guide (kunskapsguide): methods, national guidelines, instruments, web trainings,
 * regulations and reports, with Swedish full-text search, facets, curated collections, an Atom
 * feed of changes and bulk import and export.
 *
 * <p>Knowledge editors write entries through the workflow draft, review, published and archived
 * ({@link se.samsyn.knowledge.EntryWorkflow}); every save keeps a version. The public sees
 * published entries only. Search runs on a Lucene index built from the database at start-up and
 * after every change, and swapped in whole so that searches never see a half-built index.
 *
 * <p>Publishes {@link se.samsyn.knowledge.GuideEntries}, {@link se.samsyn.knowledge.GuideSearch},
 * {@link se.samsyn.knowledge.GuideCollections}, the event {@link se.samsyn.knowledge.GuideChanged}
 * and the service-provider interface {@link se.samsyn.knowledge.KnowledgeReferences}: other
 * modules implement it as Spring beans to say where they use an entry, and the guide shows those
 * references and refuses to archive or delete a referenced entry. Depends on organisation (focus
 * area codes) and audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge guide",
        allowedDependencies = {"organisation", "audit", "cluster", "imports", "shared"})
package se.samsyn.knowledge;
