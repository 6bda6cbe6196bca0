package se.samsyn.knowledge.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryContent;
import se.samsyn.knowledge.EntryReferenced;
import se.samsyn.knowledge.EntryRejected;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.GuideImport;
import se.samsyn.knowledge.ImportOutcome;
import se.samsyn.shared.Actor;

/** The editors' desk: every entry by status, the entry form, workflow buttons, import and export. */
@Controller
class GuideEditorPages {

    private final GuideEntries entries;
    private final GuideImport importer;

    GuideEditorPages(GuideEntries entries, GuideImport importer) {
        this.entries = entries;
        this.importer = importer;
    }

    @GetMapping("/guide/manage")
    String desk(Model model) {
        List<Entry> all = entries.all(actor());
        model.addAttribute("entries", all);
        return "knowledge/manage";
    }

    @GetMapping("/guide/manage/new")
    String newEntry(Model model) {
        requireEditor();
        return form(model, EntryForm.empty(), null, null);
    }

    @PostMapping("/guide/manage/new")
    String create(@ModelAttribute EntryForm form, Model model, RedirectAttributes redirect) {
        try {
            Entry created = entries.create(actor(), form.content(EntryContent.slugOf(form.title())));
            redirect.addFlashAttribute("flash", "guide.flash.created");
            redirect.addFlashAttribute("flashArg", created.title());
            return "redirect:/guide/entries/" + created.slug();
        } catch (EntryRejected e) {
            return form(model, form, null, e);
        }
    }

    @GetMapping("/guide/entries/{slug}/edit")
    String edit(@PathVariable String slug, Model model) {
        requireEditor();
        Entry entry = entries.visible(actor(), slug);
        return form(model, EntryForm.of(entry), entry, null);
    }

    @PostMapping("/guide/entries/{slug}/edit")
    String update(@PathVariable String slug, @ModelAttribute EntryForm form, Model model, RedirectAttributes redirect) {
        try {
            Entry updated = entries.update(actor(), slug, form.content(slug));
            redirect.addFlashAttribute("flash", "guide.flash.saved");
            redirect.addFlashAttribute("flashArg", updated.title());
            return "redirect:/guide/entries/" + slug;
        } catch (EntryRejected e) {
            return form(model, form, entries.visible(actor(), slug), e);
        }
    }

    @PostMapping("/guide/entries/{slug}/status")
    String transition(@PathVariable String slug, @RequestParam String to, RedirectAttributes redirect) {
        try {
            EntryStatus target = EntryStatus.fromCode(to).orElseThrow(() -> new EntryRejected("to", "guide.error.transition"));
            Entry moved = entries.transition(actor(), slug, target);
            redirect.addFlashAttribute("flash", "guide.flash.status." + target.code());
            redirect.addFlashAttribute("flashArg", moved.title());
        } catch (EntryReferenced e) {
            redirect.addFlashAttribute("blockedBy", e.references());
            redirect.addFlashAttribute("blockedAction", "archive");
        } catch (EntryRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/guide/entries/" + slug;
    }

    @PostMapping("/guide/entries/{slug}/delete")
    String delete(@PathVariable String slug, RedirectAttributes redirect) {
        try {
            entries.delete(actor(), slug);
            redirect.addFlashAttribute("flash", "guide.flash.deleted");
            redirect.addFlashAttribute("flashArg", slug);
            return "redirect:/guide/manage";
        } catch (EntryReferenced e) {
            redirect.addFlashAttribute("blockedBy", e.references());
            redirect.addFlashAttribute("blockedAction", "delete");
        } catch (EntryRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/guide/entries/" + slug;
    }

    @PostMapping("/guide/manage/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
                      Model model) throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
        ImportOutcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = importer.run(actor(), name.endsWith(".csv") ? "csv" : "json", in, dryRun);
        }
        model.addAttribute("outcome", outcome);
        model.addAttribute("entries", entries.all(actor()));
        return "knowledge/manage";
    }

    private String form(Model model, EntryForm form, Entry existing, EntryRejected error) {
        GuidePages.addChoices(model);
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        if (error != null) {
            model.addAttribute("formError", error.messageKey());
            model.addAttribute("formErrorField", error.field());
        }
        return "knowledge/edit";
    }

    private void requireEditor() {
        if (!entries.mayEdit(actor())) {
            throw new org.springframework.security.access.AccessDeniedException("Editors only");
        }
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Sign in"));
    }
}
