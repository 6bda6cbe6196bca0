package se.samsyn.followup.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.FollowupImport;
import se.samsyn.followup.GoalStatus;
import se.samsyn.followup.ImportResult;
import se.samsyn.followup.ImportType;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.TimePoint;
import se.samsyn.imports.AllowedCode;
import se.samsyn.imports.HeldUploads;
import se.samsyn.organisation.FocusArea;
import se.samsyn.shared.Actor;
import se.samsyn.shared.NotFound;

/**
 * The upload page for bulk import, with a dry run and a table of every rejected row. A file that
 * passes its dry run is held for a short while ({@link HeldUploads}) so that "Importera nu" stores
 * it without a second upload. The page lists the allowed codes of every coded column with their
 * names and offers an empty CSV template (the header row) per type.
 */
@Controller
class ImportPages {

    private final FollowupImport importer;
    private final Catalogue catalogue;
    private final HeldUploads held;

    ImportPages(FollowupImport importer, Catalogue catalogue, HeldUploads held) {
        this.importer = importer;
        this.catalogue = catalogue;
        this.held = held;
    }

    @GetMapping("/followup/import")
    String page(Model model, Locale locale) {
        model.addAttribute("types", ImportType.values());
        Map<String, String> keys = new LinkedHashMap<>();
        for (ImportType t : ImportType.values()) {
            keys.put(t.code(), "personnummer," + String.join(",", FollowupImport.keyColumns(t)));
        }
        model.addAttribute("keys", keys);
        model.addAttribute("codes", codes(locale));
        model.addAttribute("heldMinutes", HeldUploads.LIFE.toMinutes());
        return "followup/import";
    }

    /** The allowed codes per coded column, in the order the page lists them, named in the page's language. */
    private Map<String, List<AllowedCode>> codes(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        Map<String, List<AllowedCode>> codes = new LinkedHashMap<>();
        codes.put("focus_area", enumCodes(FocusArea.values(), FocusArea::code, FocusArea::messageKey));
        codes.put("life_area", enumCodes(LifeArea.values(), LifeArea::code, LifeArea::messageKey));
        codes.put("goal_status", enumCodes(GoalStatus.values(), GoalStatus::code, GoalStatus::messageKey));
        codes.put("intervention_code", catalogue.interventions().stream().filter(t -> t.active())
                .map(t -> new AllowedCode(t.code(), null, english ? t.nameEn() : t.nameSv())).toList());
        codes.put("end_reason", enumCodes(EndReason.values(), EndReason::code, EndReason::messageKey));
        codes.put("instrument_code", catalogue.instruments().stream()
                .map(i -> new AllowedCode(i.code(), null, english ? i.nameEn() : i.nameSv())).toList());
        codes.put("time_point", enumCodes(TimePoint.values(), TimePoint::code, TimePoint::messageKey));
        return codes;
    }

    private static <E> List<AllowedCode> enumCodes(E[] values, java.util.function.Function<E, String> code,
                                                   java.util.function.Function<E, String> key) {
        List<AllowedCode> list = new ArrayList<>();
        for (E v : values) {
            list.add(new AllowedCode(code.apply(v), key.apply(v), null));
        }
        return list;
    }

    /** An empty CSV file for a type: its header row, UTF-8, to fill in and upload. */
    @GetMapping("/followup/import/templates/{type}.csv")
    ResponseEntity<byte[]> template(@PathVariable String type) throws IOException {
        ImportType t = ImportType.fromCode(type).orElseThrow(() -> new NotFound("no import type " + type));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(t.columns());
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("samsyn-" + t.code() + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/followup/import")
    String upload(@RequestParam String type, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean dryRun, Model model, Locale locale,
                  HttpServletResponse response) throws IOException {
        var importType = ImportType.fromCode(type);
        if (importType.isEmpty() || file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", importType.isEmpty() ? "import.error.type" : "import.error.no-file");
            model.addAttribute("chosenType", type);
            return page(model, locale);
        }
        Actor actor = Actor.current().orElseThrow();
        byte[] content = file.getBytes();
        ImportResult result = run(actor, importType.get(), file.getContentType(), file.getOriginalFilename(), content,
                dryRun);
        if ("rejected".equals(result.status())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        if (dryRun && "valid".equals(result.status())) {
            held.hold(actor.username(), kind(importType.get()), file.getOriginalFilename(), file.getContentType(), content)
                    .ifPresent(token -> model.addAttribute("heldToken", token));
        }
        model.addAttribute("result", result);
        model.addAttribute("chosenType", type);
        model.addAttribute("fileName", file.getOriginalFilename());
        return page(model, locale);
    }

    /** "Importera nu": stores the file held after a good dry run, without a second upload. */
    @PostMapping("/followup/import/held")
    String importHeld(@RequestParam String type, @RequestParam(defaultValue = "") String token, Model model,
                      Locale locale, HttpServletResponse response) throws IOException {
        Actor actor = Actor.current().orElseThrow();
        var importType = ImportType.fromCode(type);
        var file = importType.flatMap(t -> held.take(token, actor.username(), kind(t)));
        if (file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "imports.error.held-gone");
            model.addAttribute("chosenType", type);
            return page(model, locale);
        }
        ImportResult answer = run(actor, importType.get(), file.get().contentType(), file.get().fileName(),
                file.get().content(), false);
        if ("rejected".equals(answer.status())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("result", answer);
        model.addAttribute("chosenType", type);
        model.addAttribute("fileName", file.get().fileName());
        return page(model, locale);
    }

    private ImportResult run(Actor actor, ImportType type, String contentType, String fileName, byte[] content,
                             boolean dryRun) throws IOException {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return importer.run(actor, type, FollowupImport.formatOf(contentType, fileName), in, dryRun);
        }
    }

    private static String kind(ImportType type) {
        return "followup:" + type.code();
    }
}
