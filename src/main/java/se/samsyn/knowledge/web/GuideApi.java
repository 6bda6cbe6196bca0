package se.samsyn.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryRejected;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.EntrySummary;
import se.samsyn.knowledge.EntryVersion;
import se.samsyn.knowledge.GuideCollections;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.GuideImport;
import se.samsyn.knowledge.GuideSearch;
import se.samsyn.knowledge.ImportOutcome;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.SearchRequest;
import se.samsyn.knowledge.SearchResult;
import se.samsyn.knowledge.Suggestion;
import se.samsyn.knowledge.internal.GuideMarkdown;
import se.samsyn.shared.Actor;

/** The knowledge guide API: published entries, search and collections for everyone; writing for editors. */
@RestController
@Tag(name = "Knowledge guide", description = "Methods, guidelines, instruments, trainings, regulations and reports")
class GuideApi {

    private final GuideEntries entries;
    private final GuideSearch search;
    private final GuideCollections collections;
    private final GuideImport importer;
    private final MessageSource messages;

    GuideApi(GuideEntries entries, GuideSearch search, GuideCollections collections, GuideImport importer,
             MessageSource messages) {
        this.entries = entries;
        this.search = search;
        this.collections = collections;
        this.importer = importer;
        this.messages = messages;
    }

    /** An entry with the HTML of its body and where it is used. */
    record EntryView(GuideAnswers.EntryAnswer entry, String bodyHtml, List<KnowledgeReference> references) {
    }

    /** A move along the workflow: the status to move to, as its code. */
    record TransitionRequest(@Schema(allowableValues = {"draft", "review", "published", "archived"}) String to) {
    }

    record RowErrorView(long row, String field, String message) {
    }

    record ImportView(String status, int rows, int created, int updated, int unchanged, List<RowErrorView> errors) {
    }

    @GetMapping("/api/v1/guide/entries")
    @Operation(summary = "List entries: published ones for everyone; editors may ask for another status")
    List<EntrySummary> list(@Parameter(description = "draft, review, published or archived (editors only)")
                            @RequestParam(defaultValue = "published") String status) {
        EntryStatus wanted = EntryStatus.fromCode(status).orElseThrow(() -> new EntryRejected("status", "guide.error.status"));
        List<Entry> found = wanted == EntryStatus.PUBLISHED ? entries.published()
                : entries.all(Actor.current().orElse(null)).stream().filter(e -> e.entryStatus() == wanted).toList();
        return found.stream().map(e -> new EntrySummary(e.slug(), e.type(), e.title(), e.summary(), e.publisher(),
                e.status())).toList();
    }

    @GetMapping("/api/v1/guide/entries/{slug}")
    @Operation(summary = "One entry with its rendered body and the references to it from elsewhere in Samsyn")
    EntryView entry(@PathVariable String slug) {
        Entry entry = entries.visible(Actor.current().orElse(null), slug);
        return new EntryView(GuideAnswers.EntryAnswer.of(entry), GuideMarkdown.html(entry.body()), entries.referencesTo(slug));
    }

    @GetMapping("/api/v1/guide/entries/{slug}/versions")
    @Operation(summary = "The version history of an entry, newest first (knowledge editors)")
    List<EntryVersion> versions(@PathVariable String slug) {
        return entries.versions(Actor.current().orElse(null), slug);
    }

    @PostMapping("/api/v1/guide/entries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a draft entry (knowledge editors)",
            description = "type: method, guideline, instrument, training, regulation, report. focusAreas: follow-up "
                    + "focus-area codes. targetGroups: children, young-people, parents, adults, older-people, relatives, "
                    + "staff, managers. evidence: rank-1 … rank-10, fou, grade-hog, grade-mattlig, grade-lag, grade-mycket-lag.")
    GuideAnswers.EntryAnswer create(@Valid @RequestBody EntryRequest request) {
        return GuideAnswers.EntryAnswer.of(entries.create(Actor.current().orElse(null), request.content()));
    }

    @PutMapping("/api/v1/guide/entries/{slug}")
    @Operation(summary = "Save new content as the next version (knowledge editors); the slug never changes")
    GuideAnswers.EntryAnswer update(@PathVariable String slug, @Valid @RequestBody EntryRequest request) {
        return GuideAnswers.EntryAnswer.of(entries.update(Actor.current().orElse(null), slug, request.content()));
    }

    @PostMapping("/api/v1/guide/entries/{slug}/transitions")
    @Operation(summary = "Move an entry through the workflow (knowledge editors)",
            description = "draft → review → published → archived; review → draft; archived → draft. Archiving a "
                    + "referenced entry answers 409 with the references.")
    GuideAnswers.EntryAnswer transition(@PathVariable String slug, @RequestBody TransitionRequest request) {
        EntryStatus to = EntryStatus.fromCode(request.to()).orElseThrow(() -> new EntryRejected("to", "guide.error.transition"));
        return GuideAnswers.EntryAnswer.of(entries.transition(Actor.current().orElse(null), slug, to));
    }

    @DeleteMapping("/api/v1/guide/entries/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a draft or archived entry (knowledge editors); 409 with the references when it is used")
    void delete(@PathVariable String slug) {
        entries.delete(Actor.current().orElse(null), slug);
    }

    @GetMapping("/api/v1/guide/search")
    @Operation(summary = "Swedish full-text search over published entries with facet counts",
            description = "Facet filters may repeat; values of one facet are combined with OR, facets with AND. "
                    + "Highlights are HTML-escaped text with <mark> around matched words.")
    SearchResult search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) List<String> type,
                        @RequestParam(required = false) List<String> focus,
                        @RequestParam(required = false) List<String> target,
                        @RequestParam(required = false) List<String> publisher,
                        @RequestParam(required = false) List<String> evidence,
                        @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
        return search.search(new SearchRequest(q, GuidePages.filters(type, focus, target, publisher, evidence), offset,
                limit));
    }

    @GetMapping("/api/v1/guide/suggestions")
    @Operation(summary = "Titles matching what has been typed so far, the last word as a prefix")
    List<Suggestion> suggestions(@RequestParam(defaultValue = "") String q) {
        return search.suggest(q);
    }

    @GetMapping("/api/v1/guide/collections")
    @Operation(summary = "All collections (without their entries)")
    List<GuideAnswers.CollectionAnswer> collections() {
        return collections.all().stream().map(GuideAnswers.CollectionAnswer::of).toList();
    }

    @GetMapping("/api/v1/guide/collections/{slug}")
    @Operation(summary = "A collection with its published entries")
    GuideAnswers.CollectionAnswer collection(@PathVariable String slug) {
        return GuideAnswers.CollectionAnswer.of(collections.collection(Actor.current().orElse(null), slug));
    }

    @GetMapping("/api/v1/guide/export")
    @Operation(summary = "Export every entry as JSON or CSV (knowledge editors)")
    ResponseEntity<String> export(@RequestParam(defaultValue = "json") String format) {
        boolean csv = "csv".equals(format);
        String file = importer.export(Actor.current().orElse(null), csv ? "csv" : "json");
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"kunskapsguide." + (csv ? "csv" : "json") + "\"")
                .contentType(csv ? MediaType.parseMediaType("text/csv;charset=UTF-8") : MediaType.APPLICATION_JSON)
                .body(file);
    }

    @PostMapping("/api/v1/guide/imports")
    @Operation(summary = "Import entries from JSON or CSV, all-or-nothing (knowledge editors)",
            description = "The body is a JSON array of entries as exported, or CSV (text/csv) with the columns "
                    + "slug,type,title,summary,body,focus_areas,target_groups,publisher,evidence,valid_from,review_due,"
                    + "source_url,status (lists separated by ';'). Known slugs are updated as a new version; new ones "
                    + "are created in the row's status (draft, review or published; draft when empty).")
    ResponseEntity<ImportView> importEntries(@RequestParam(defaultValue = "false") boolean dryRun,
                                             HttpServletRequest request, Locale locale) throws IOException {
        Actor actor = Actor.current().orElse(null);
        if (!entries.mayEdit(actor)) {
            throw new org.springframework.security.access.AccessDeniedException("Editors only");
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        ImportOutcome outcome;
        try (InputStream in = request.getInputStream()) {
            outcome = importer.run(actor, type.contains("csv") ? "csv" : "json", in, dryRun);
        }
        ImportView view = new ImportView(outcome.status(), outcome.rows(), outcome.created(), outcome.updated(),
                outcome.unchanged(), outcome.errors().stream().map(e -> new RowErrorView(e.row(), e.field(),
                messages.getMessage(e.messageKey(), null, e.messageKey(), locale))).toList());
        return ResponseEntity.status("rejected".equals(outcome.status()) ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .body(view);
    }
}
