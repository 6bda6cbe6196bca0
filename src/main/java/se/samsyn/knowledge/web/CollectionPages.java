package se.samsyn.knowledge.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.knowledge.EntryNotFound;
import se.samsyn.knowledge.EntryRejected;
import se.samsyn.knowledge.GuideCollection;
import se.samsyn.knowledge.GuideCollections;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.shared.Actor;

/** Collections: public lists of entries for a theme, curated by editors and regional analysts. */
@Controller
class CollectionPages {

    private final GuideCollections collections;
    private final GuideEntries entries;

    CollectionPages(GuideCollections collections, GuideEntries entries) {
        this.collections = collections;
        this.entries = entries;
    }

    @GetMapping("/guide/collections")
    String list(Model model) {
        model.addAttribute("collections", collections.all());
        model.addAttribute("mayCurate", collections.mayCurate(Actor.current().orElse(null)));
        return "knowledge/collections";
    }

    @PostMapping("/guide/collections")
    String create(@RequestParam String title, @RequestParam(defaultValue = "") String description,
                  RedirectAttributes redirect) {
        try {
            GuideCollection created = collections.create(actor(), title, description);
            redirect.addFlashAttribute("flash", "guide.flash.collection-created");
            redirect.addFlashAttribute("flashArg", created.title());
            return "redirect:/guide/collections/" + created.slug();
        } catch (EntryRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/guide/collections";
        }
    }

    @GetMapping("/guide/collections/{slug}")
    String collection(@PathVariable String slug, Model model) {
        Actor actor = Actor.current().orElse(null);
        GuideCollection collection = collections.collection(actor, slug);
        boolean mayChange = collections.mayChange(actor, collection);
        model.addAttribute("collection", collection);
        model.addAttribute("mayChange", mayChange);
        if (mayChange) {
            model.addAttribute("candidates", entries.published().stream()
                    .filter(e -> collection.entries().stream().noneMatch(c -> c.slug().equals(e.slug()))).toList());
        }
        return "knowledge/collection";
    }

    @PostMapping("/guide/collections/{slug}/entries")
    String add(@PathVariable String slug, @RequestParam String entry, RedirectAttributes redirect) {
        try {
            String title = collections.add(actor(), slug, entry);
            redirect.addFlashAttribute("flash", "guide.flash.collection-added");
            redirect.addFlashAttribute("flashArg", title);
        } catch (EntryNotFound e) {
            redirect.addFlashAttribute("flashError", "guide.error.not-published");
        }
        return "redirect:/guide/collections/" + slug;
    }

    @PostMapping("/guide/collections/{slug}/entries/{entry}/remove")
    String remove(@PathVariable String slug, @PathVariable String entry, RedirectAttributes redirect) {
        collections.remove(actor(), slug, entry);
        redirect.addFlashAttribute("flash", "guide.flash.collection-removed");
        redirect.addFlashAttribute("flashArg", entry);
        return "redirect:/guide/collections/" + slug;
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Sign in"));
    }
}
