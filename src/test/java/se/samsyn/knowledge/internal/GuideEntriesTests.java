package se.samsyn.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryContent;
import se.samsyn.knowledge.EntryNotFound;
import se.samsyn.knowledge.EntryReferenced;
import se.samsyn.knowledge.EntryRejected;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.EntrySummary;
import se.samsyn.knowledge.EntryVersion;
import se.samsyn.knowledge.FeedItem;
import se.samsyn.knowledge.GuideCollections;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.GuideImport;
import se.samsyn.knowledge.GuideSearch;
import se.samsyn.knowledge.Hit;
import se.samsyn.knowledge.ImportOutcome;
import se.samsyn.knowledge.ImportOutcome.RowError;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.SearchRequest;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** Workflow, permissions, the reference guard, import and the seeded starting set, on both databases. */
abstract class GuideEntriesTests {

    static final Actor EDITOR = new Actor("kg-editor", Role.KNOWLEDGE_EDITOR, Scope.nation());
    static final Actor ANALYST = new Actor("kg-analyst", Role.NATIONAL_ANALYST, Scope.nation());
    static final Actor REGIONAL = new Actor("kg-regional", Role.REGIONAL_ANALYST, Scope.region("12"));

    @Autowired
    GuideEntries entries;

    @Autowired
    GuideSearch search;

    @Autowired
    GuideImport importer;

    @Autowired
    GuideCollections collections;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStartingSetIsLoadedPublishedAndSearchable() {
        assertThat(entries.published()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(entries.published()).allSatisfy(e -> assertThat(e.sourceUrl()).startsWith("https://"));
        assertThat(collections.collection(null, "introduktion-for-nya-socialsekreterare").entries())
                .extracting(EntrySummary::slug).hasSize(6).contains("socialtjanstlagen-2025-400", "bbic");
        assertThat(entries.referencesTo("bbic")).extracting(KnowledgeReference::kind).containsExactly("guide-collection");
        assertThat(search.search(SearchRequest.of("missbruk")).hits().subList(0, 5)).extracting(Hit::slug)
                .contains("nationella-riktlinjer-missbruk-och-beroende", "webbutbildning-missbruk-och-beroende");
        assertThat(search.search(SearchRequest.of("sjukhus")).hits()).extracting(Hit::slug)
                .contains("trygg-hemgang");
    }

    @Test
    void anEditorTakesAnEntryThroughTheWorkflowWithVersions() {
        EntryContent content = content("workflow-test", "Traumamedveten samtalsmetod");
        entries.create(EDITOR, content);
        assertThatThrownBy(() -> entries.visible(null, "workflow-test")).isInstanceOf(EntryNotFound.class);
        assertThatThrownBy(() -> entries.visible(ANALYST, "workflow-test")).isInstanceOf(EntryNotFound.class);
        assertThat(search.search(SearchRequest.of("traumamedveten")).total()).isZero();

        entries.transition(EDITOR, "workflow-test", EntryStatus.REVIEW);
        assertThatThrownBy(() -> entries.transition(EDITOR, "workflow-test", EntryStatus.ARCHIVED))
                .isInstanceOf(EntryRejected.class);
        Entry published = entries.transition(EDITOR, "workflow-test", EntryStatus.PUBLISHED);
        assertThat(published.publishedAt()).isNotNull();
        assertThat(entries.visible(null, "workflow-test").title()).isEqualTo("Traumamedveten samtalsmetod");
        assertThat(search.search(SearchRequest.of("traumamedveten")).hits()).extracting(Hit::slug)
                .contains("workflow-test");

        entries.update(EDITOR, "workflow-test", content("ignored-slug", "Traumamedveten samtalsmetod efter våld"));
        assertThat(entries.visible(null, "workflow-test").version()).isEqualTo(4);
        assertThat(entries.versions(EDITOR, "workflow-test")).extracting(EntryVersion::change)
                .containsExactly("edited", "published", "submitted", "created");
        assertThat(entries.feed(100)).extracting(FeedItem::slug).contains("workflow-test");

        entries.transition(EDITOR, "workflow-test", EntryStatus.ARCHIVED);
        assertThatThrownBy(() -> entries.visible(null, "workflow-test")).isInstanceOf(EntryNotFound.class);
        entries.delete(EDITOR, "workflow-test");
        assertThat(entries.all(EDITOR)).extracting(Entry::slug).doesNotContain("workflow-test");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE object_id = 'workflow-test'").query(Integer.class)
                .single()).isEqualTo(6);
    }

    @Test
    void onlyEditorsWrite() {
        assertThatThrownBy(() -> entries.create(ANALYST, content("not-allowed", "Nej"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> entries.create(null, content("not-allowed", "Nej"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> entries.transition(REGIONAL, "motiverande-samtal", EntryStatus.ARCHIVED))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> entries.all(ANALYST)).isInstanceOf(AccessDeniedException.class);
        Actor admin = new Actor("kg-admin", Role.ADMINISTRATOR, Scope.nation());
        assertThat(entries.create(admin, content("admin-entry", "Administratörens post")).status()).isEqualTo("draft");
        Actor localAdmin = new Actor("kg-local", Role.ADMINISTRATOR, Scope.municipality("1280"));
        assertThatThrownBy(() -> entries.create(localAdmin, content("local-entry", "Lokal"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesToArchiveAnEntryThatTheFollowupCatalogueLinksTo() {
        assertThat(entries.referencesTo("motiverande-samtal"))
                .containsExactly(new KnowledgeReference("followup-intervention", "Motiverande samtal (MI)",
                        "/followup/catalogue#intervention-MI", null));
        assertThatThrownBy(() -> entries.transition(EDITOR, "motiverande-samtal", EntryStatus.ARCHIVED))
                .isInstanceOfSatisfying(EntryReferenced.class, e -> assertThat(e.references()).hasSize(1));
        assertThat(entries.visible(null, "motiverande-samtal").status()).isEqualTo("published");
    }

    @Test
    void refusesToArchiveAnEntryInACollectionUntilItIsRemoved() {
        var collection = collections.create(REGIONAL, "Introduktion för nya socialsekreterare", "Skåne");
        collections.add(REGIONAL, collection.slug(), "lvu");
        assertThat(collections.collection(null, collection.slug()).entries()).extracting(EntrySummary::slug)
                .containsExactly("lvu");
        assertThatThrownBy(() -> entries.transition(EDITOR, "lvu", EntryStatus.ARCHIVED))
                .isInstanceOfSatisfying(EntryReferenced.class, e -> assertThat(e.references())
                        .extracting(KnowledgeReference::kind).containsExactly("guide-collection"));
        Actor otherRegion = new Actor("kg-other", Role.REGIONAL_ANALYST, Scope.region("14"));
        assertThatThrownBy(() -> collections.remove(otherRegion, collection.slug(), "lvu")).isInstanceOf(AccessDeniedException.class);
        collections.remove(REGIONAL, collection.slug(), "lvu");
        assertThat(entries.transition(EDITOR, "lvu", EntryStatus.ARCHIVED).status()).isEqualTo("archived");
    }

    @Test
    void theImportTemplatesPassTheirDryRunAndImportTheExampleEntry() {
        String csv = importer.template("csv");
        assertThat(csv).startsWith("slug,type,title,summary,body,focus_areas,target_groups,publisher,evidence,"
                + "valid_from,review_due,source_url,status");
        ImportOutcome dry = importer.run(EDITOR, "csv", stream(csv), true);
        assertThat(dry.errors()).isEmpty();
        assertThat(dry).isEqualTo(new ImportOutcome("valid", 1, 1, 0, 0, List.of()));
        assertThatThrownBy(() -> entries.visible(EDITOR, GuideImport.TEMPLATE_SLUG)).isInstanceOf(EntryNotFound.class);

        ImportOutcome json = importer.run(EDITOR, "json", stream(importer.template("json")), false);
        assertThat(json).isEqualTo(new ImportOutcome("imported", 1, 1, 0, 0, List.of()));
        Entry example = entries.visible(EDITOR, GuideImport.TEMPLATE_SLUG);
        assertThat(example.status()).isEqualTo("draft");
        assertThat(example.focusAreas()).containsExactly("substance-use");
        entries.delete(EDITOR, GuideImport.TEMPLATE_SLUG);
    }

    @Test
    void anImpossibleDateIsNamedAsNoSuchDayNotAsAFormatError() {
        String csv = """
                slug,type,title,summary,body,focus_areas,target_groups,publisher,evidence,valid_from,review_due,source_url,status
                datum-ett,method,Datum,Sammanfattning,Text,,,SKR,,2026-13-01,2026/01/01,,draft
                """;
        ImportOutcome r = importer.run(EDITOR, "csv", stream(csv), true);
        assertThat(r.errors()).extracting(RowError::row, RowError::field, RowError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "validFrom", "form.error.date-invalid"),
                org.assertj.core.groups.Tuple.tuple(1L, "reviewDue", "guide.import.error.date"));
    }

    @Test
    void importsAllOrNothingWithRowErrors() {
        String csv = """
                slug,type,title,summary,body,focus_areas,target_groups,publisher,evidence,valid_from,review_due,source_url,status
                import-ett,method,Importerad metod,Sammanfattning,Text,violence;children-youth,adults,SKR,rank-4,2025-01-01,2027-01-01,https://skr.se/,published
                import-tva,poem,Fel typ,Sammanfattning,Text,violence,adults,SKR,,not-a-date,,ftp://x,published
                """;
        ImportOutcome rejected = importer.run(EDITOR, "csv", stream(csv), false);
        assertThat(rejected.status()).isEqualTo("rejected");
        assertThat(rejected.errors()).extracting(RowError::row, RowError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "validFrom"),
                        org.assertj.core.groups.Tuple.tuple(2L, "type"), org.assertj.core.groups.Tuple.tuple(2L, "sourceUrl"));
        assertThatThrownBy(() -> entries.visible(EDITOR, "import-ett")).isInstanceOf(EntryNotFound.class);

        String good = csv.lines().limit(2).reduce("", (a, b) -> a + b + "\n");
        assertThat(importer.run(EDITOR, "csv", stream(good), true).status()).isEqualTo("valid");
        assertThatThrownBy(() -> entries.visible(EDITOR, "import-ett")).isInstanceOf(EntryNotFound.class);
        ImportOutcome imported = importer.run(EDITOR, "csv", stream(good), false);
        assertThat(imported).isEqualTo(new ImportOutcome("imported", 1, 1, 0, 0, List.of()));
        assertThat(entries.visible(null, "import-ett").focusAreas()).containsExactly("violence", "children-youth");
        assertThat(importer.run(EDITOR, "csv", stream(good), false).unchanged()).isEqualTo(1);

        String exported = importer.export(EDITOR, "json");
        assertThat(importer.run(EDITOR, "json", stream(exported), true).updated()).isZero();
        assertThatThrownBy(() -> importer.run(ANALYST, "csv", stream(good), false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesFilesThatAreNotWhollyReadable() {
        String header = String.join(",", GuideImporter.CSV_COLUMNS) + "\n";
        String row = "latin-ett,method,Vård på äldreboende,Sammanfattning,Text,elderly-care,older-people,SKR,,,,,draft\n";
        ImportOutcome latin1 = importer.run(EDITOR, "csv", new ByteArrayInputStream((header + row)
                .getBytes(StandardCharsets.ISO_8859_1)), true);
        assertThat(latin1.status()).isEqualTo("rejected");
        assertThat(latin1.errors()).extracting(RowError::messageKey).containsExactly("import.error.encoding");

        assertThat(importer.run(EDITOR, "csv", stream(""), true).errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.empty");
        assertThat(importer.run(EDITOR, "csv", stream(header), true).errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.no-rows");
        assertThat(importer.run(EDITOR, "json", stream(""), true).status()).isEqualTo("rejected");
        assertThat(importer.run(EDITOR, "csv", stream(header + row.replace("draft", "draft,extra")), true).errors())
                .extracting(RowError::row, RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "import.error.field-count"));

        String entry = GuideImporter.json(List.of(GuideImporter.Row.of(entries.visible(null, "lvu")))).strip();
        String array = entry.substring(1, entry.length() - 1);
        ImportOutcome notAnObject = importer.run(EDITOR, "json", stream("[" + array + ", 42]"), true);
        assertThat(notAnObject.errors()).extracting(RowError::row, RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "import.error.json-object"));
        assertThat(importer.run(EDITOR, "json", stream("[" + array + "] och mer"), true).errors())
                .extracting(RowError::messageKey).containsExactly("import.error.trailing");
        assertThat(importer.run(EDITOR, "json", stream("[" + array + "]"), true).status()).isEqualTo("valid");
    }

    static EntryContent content(String slug, String title) {
        return new EntryContent(slug, "method", title, "Stödsamtal för den som utsatts för våld.",
                "## Innehåll\n\nSamtal i **grupp** eller enskilt.", List.of("violence"), List.of("adults"),
                "Socialstyrelsen", "grade-lag", null, null, "https://www.socialstyrelsen.se/");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
