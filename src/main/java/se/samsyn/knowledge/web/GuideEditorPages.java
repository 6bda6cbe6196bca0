package se.samsyn.knowledge.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.imports.AllowedCode;
import se.samsyn.imports.HeldUploads;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryContent;
import se.samsyn.knowledge.EntryReferenced;
import se.samsyn.knowledge.EntryRejected;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.EntryType;
import se.samsyn.knowledge.EvidenceLevel;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.GuideImport;
import se.samsyn.knowledge.ImportOutcome;
import se.samsyn.knowledge.TargetGroup;
import se.samsyn.organisation.FocusArea;
import se.samsyn.shared.Actor;

/**
 * The editors' desk: every entry by status, the entry form, workflow buttons, import and export. The
 * import lists the allowed codes of its coded columns with their names, offers CSV and JSON
 * templates, and after a good dry run holds the file ({@link HeldUploads}) for "Importera nu".
 */
@Controller
class GuideEditorPages {

    private final GuideEntries entries;
    private final GuideImport importer;
    private final HeldUploads held;

    GuideEditorPages(GuideEntries entries, GuideImport importer, HeldUploads held) {
        this.entries = entries;
        this.importer = importer;
        this.held = held;
    }

    @GetMapping("/guide/manage")
    String desk(Model model) {
        List<Entry> all = entries.all(actor());
        model.addAttribute("entries", all);
        model.addAttribute("codes", importCodes());
        model.addAttribute("heldMinutes", HeldUploads.LIFE.toMinutes());
        return "knowledge/manage";
    }

    /** The allowed codes of the import's coded columns, from the enums the row rule checks. */
    static Map<String, List<AllowedCode>> importCodes() {
        Map<String, List<AllowedCode>> codes = new LinkedHashMap<>();
        codes.put("type", AllowedCode.of(EntryType.values(), EntryType::code, EntryType::messageKey));
        codes.put("focus_areas", AllowedCode.of(FocusArea.values(), FocusArea::code, FocusArea::messageKey));
        codes.put("target_groups", AllowedCode.of(TargetGroup.values(), TargetGroup::code, TargetGroup::messageKey));
        codes.put("evidence", AllowedCode.of(EvidenceLevel.values(), EvidenceLevel::code, EvidenceLevel::messageKey));
        codes.put("status", AllowedCode.of(GuideImport.IMPORTABLE_STATUSES.toArray(EntryStatus[]::new),
                EntryStatus::code, EntryStatus::messageKey));
        return codes;
    }

    /** The import template: the header and one example entry that passes, as CSV or JSON. */
    @GetMapping("/guide/manage/import/template.{format:csv|json}")
    ResponseEntity<byte[]> importTemplate(@PathVariable String format) {
        requireEditor();
        boolean json = "json".equals(format);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("samsyn-kunskapsguide." + format).build().toString())
                .contentType(json ? new MediaType("application", "json", StandardCharsets.UTF_8)
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(importer.template(format).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/guide/manage/new")
    String newEntry(Model model) {
        requireEditor();
        return form(model, EntryForm.empty(), null, null);
    }

    @PostMapping("/guide/manage/new")
    String create(@ModelAttribute EntryForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Entry created = entries.create(actor(), form.content(EntryContent.slugOf(form.title())));
            redirect.addFlashAttribute("flash", "guide.flash.created");
            redirect.addFlashAttribute("flashArg", created.title());
            return "redirect:/guide/entries/" + created.slug();
        } catch (EntryRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
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
    String update(@PathVariable String slug, @ModelAttribute EntryForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Entry updated = entries.update(actor(), slug, form.content(slug));
            redirect.addFlashAttribute("flash", "guide.flash.saved");
            redirect.addFlashAttribute("flashArg", updated.title());
            return "redirect:/guide/entries/" + slug;
        } catch (EntryRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
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
                      Model model, HttpServletResponse response) throws IOException {
        byte[] content = file.getBytes();
        ImportOutcome outcome = runImport(file.getOriginalFilename(), content, dryRun);
        if ("rejected".equals(outcome.status())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        if (dryRun && "valid".equals(outcome.status())) {
            held.hold(actor().username(), HELD_KIND, file.getOriginalFilename(), file.getContentType(), content)
                    .ifPresent(token -> model.addAttribute("heldToken", token));
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("outcome", outcome);
        return desk(model);
    }

    /** "Importera nu": imports the file held after a good dry run, without a second upload. */
    @PostMapping("/guide/manage/import/held")
    String importHeld(@RequestParam(defaultValue = "") String token, Model model,
                      HttpServletResponse response) throws IOException {
        var file = held.take(token, actor().username(), HELD_KIND);
        if (file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "imports.error.held-gone");
            return desk(model);
        }
        model.addAttribute("fileName", file.get().fileName());
        ImportOutcome answer = runImport(file.get().fileName(), file.get().content(), false);
        if ("rejected".equals(answer.status())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("outcome", answer);
        return desk(model);
    }

    private static final String HELD_KIND = "knowledge:guide";

    private ImportOutcome runImport(String fileName, byte[] content, boolean dryRun) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        try (InputStream in = new ByteArrayInputStream(content)) {
            return importer.run(actor(), name.endsWith(".csv") ? "csv" : "json", in, dryRun);
        }
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
