package se.samsyn.knowledge.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.EntryType;
import se.samsyn.knowledge.EvidenceLevel;
import se.samsyn.knowledge.GuideCollections;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.GuideSearch;
import se.samsyn.knowledge.SearchRequest;
import se.samsyn.knowledge.TargetGroup;
import se.samsyn.knowledge.internal.GuideMarkdown;
import se.samsyn.shared.Actor;

/** The public guide: search with facets and suggestions, and the entry pages. */
@Controller
class GuidePages {

    static final int PAGE_SIZE = 20;

    private final GuideSearch search;
    private final GuideEntries entries;
    private final GuideCollections collections;
    private final org.springframework.beans.factory.ObjectProvider<se.samsyn.knowledge.EntryPanels> panels;

    GuidePages(GuideSearch search, GuideEntries entries, GuideCollections collections,
               org.springframework.beans.factory.ObjectProvider<se.samsyn.knowledge.EntryPanels> panels) {
        this.search = search;
        this.entries = entries;
        this.collections = collections;
        this.panels = panels;
    }

    @GetMapping("/guide")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) List<String> type,
                  @RequestParam(required = false) List<String> focus, @RequestParam(required = false) List<String> target,
                  @RequestParam(required = false) List<String> publisher,
                  @RequestParam(required = false) List<String> evidence, @RequestParam(defaultValue = "0") int offset,
                  Model model) {
        Map<String, List<String>> filters = filters(type, focus, target, publisher, evidence);
        model.addAttribute("q", q);
        model.addAttribute("result", search.search(new SearchRequest(q, filters, offset, PAGE_SIZE)));
        model.addAttribute("dimensions", SearchRequest.DIMENSIONS);
        model.addAttribute("filtered", !filters.isEmpty());
        model.addAttribute("collections", collections.all());
        model.addAttribute("mayEdit", entries.mayEdit(Actor.current().orElse(null)));
        return "knowledge/search";
    }

    @GetMapping("/guide/suggest")
    String suggest(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("suggestions", search.suggest(q));
        return "knowledge/fragments/suggestions :: list";
    }

    @GetMapping("/guide/entries/{slug}")
    String entry(@PathVariable String slug, Model model) {
        Actor actor = Actor.current().orElse(null);
        Entry entry = entries.visible(actor, slug);
        boolean editor = entries.mayEdit(actor);
        model.addAttribute("entry", entry);
        model.addAttribute("bodyHtml", GuideMarkdown.html(entry.body()));
        model.addAttribute("references", entries.referencesTo(slug));
        model.addAttribute("panels", panels.orderedStream().flatMap(p -> p.panelsFor(entry.slug()).stream()).toList());
        model.addAttribute("mayEdit", editor);
        if (editor) {
            model.addAttribute("versions", entries.versions(actor, slug));
            EntryStatus status = entry.entryStatus();
            model.addAttribute("nextStatuses", status.nextStatuses());
            model.addAttribute("mayDelete", status.mayDelete());
            model.addAttribute("mayEditContent", status.mayEditContent());
        }
        return "knowledge/entry";
    }

    static Map<String, List<String>> filters(List<String> type, List<String> focus, List<String> target,
                                             List<String> publisher, List<String> evidence) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        put(filters, "type", type);
        put(filters, "focus", focus);
        put(filters, "target", target);
        put(filters, "publisher", publisher);
        put(filters, "evidence", evidence);
        return filters;
    }

    private static void put(Map<String, List<String>> filters, String dim, List<String> values) {
        if (values != null) {
            List<String> kept = new ArrayList<>(values.stream().filter(v -> v != null && !v.isBlank()).toList());
            if (!kept.isEmpty()) {
                filters.put(dim, kept);
            }
        }
    }

    /** Codes for the form selects, kept here so templates need no static calls. */
    static void addChoices(Model model) {
        model.addAttribute("types", EntryType.values());
        model.addAttribute("focusAreas", se.samsyn.organisation.FocusArea.values());
        model.addAttribute("targetGroups", TargetGroup.values());
        model.addAttribute("evidenceLevels", EvidenceLevel.values());
        model.addAttribute("statuses", EntryStatus.values());
    }
}
