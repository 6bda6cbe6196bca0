package se.samsyn.organisation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.samsyn.imports.AllowedCode;
import se.samsyn.imports.HeldUploads;
import se.samsyn.imports.ImportTemplate;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.referencedata.ReferenceDataImport;
import se.samsyn.organisation.referencedata.ReferenceFile;
import se.samsyn.organisation.referencedata.ReferenceFileKind;
import se.samsyn.organisation.referencedata.ReferenceLoadResult;
import se.samsyn.shared.Actor;
import se.samsyn.shared.NotFound;

/**
 * The reference-data page: what is loaded, and an upload form with a dry run and an error table,
 * the allowed codes of the coded columns with their names and a CSV template per CSV kind. After
 * a good dry run every file is held ({@link HeldUploads}) so that "Importera nu" loads them without
 * choosing them again.
 */
@Controller
class ReferenceDataPages {

    private final ReferenceDataImport importer;
    private final Organisation organisation;
    private final HeldUploads held;

    ReferenceDataPages(ReferenceDataImport importer, Organisation organisation, HeldUploads held) {
        this.importer = importer;
        this.organisation = organisation;
        this.held = held;
    }

    @GetMapping("/admin/reference-data")
    String page(Model model) {
        model.addAttribute("status", importer.status());
        model.addAttribute("kinds", ReferenceFileKind.values());
        model.addAttribute("codes", codes());
        model.addAttribute("heldMinutes", HeldUploads.LIFE.toMinutes());
        return "organisation/reference-data";
    }

    /** The allowed codes of the coded columns: the validation's lists and the stored counties by name. */
    Map<String, List<AllowedCode>> codes() {
        Map<String, List<AllowedCode>> codes = new LinkedHashMap<>();
        codes.put("county_code", organisation.counties().stream().map(c -> AllowedCode.named(c.code(), c.name())).toList());
        codes.put("sex", ReferenceDataImport.SEXES.stream()
                .map(c -> AllowedCode.keyed(c, "referencedata.code.sex." + c)).toList());
        codes.put("age_band", ReferenceDataImport.AGE_BANDS.stream()
                .map(c -> AllowedCode.keyed(c, "referencedata.code.age-band." + c)).toList());
        return codes;
    }

    /** A CSV kind's template: its required columns and one example row that passes; 404 for GeoJSON kinds. */
    @GetMapping("/admin/reference-data/template/{kind}.csv")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        ReferenceFileKind k = ReferenceFileKind.fromCode(kind).filter(ReferenceDataImport.EXAMPLES::containsKey)
                .orElseThrow(() -> new NotFound("no template for " + kind));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(k.standardFileName()).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(ImportTemplate.csv(k.requiredColumns(), List.of(ReferenceDataImport.EXAMPLES.get(k))));
    }

    @PostMapping("/admin/reference-data")
    String upload(@RequestParam MultiValueMap<String, MultipartFile> files,
                  @RequestParam(defaultValue = "false") boolean dryRun, Model model,
                  HttpServletResponse response) throws IOException {
        List<ReferenceFile> batch = toFiles(files);
        if (batch.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("noFiles", true);
        } else {
            Actor actor = Actor.current().orElseThrow();
            ReferenceLoadResult result = importer.upload(actor, batch, dryRun);
            if (result.rejected()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            model.addAttribute("result", result);
            if (dryRun && !result.rejected() && result.problems().isEmpty()) {
                hold(actor, batch).ifPresent(tokens -> {
                    model.addAttribute("heldTokens", tokens);
                    model.addAttribute("heldNames", String.join(", ", batch.stream().map(ReferenceFile::fileName).toList()));
                });
            }
        }
        return page(model);
    }

    /**
     * Holds every file of a good dry run, each under its own token written {@code kind:token};
     * empty (and nothing offered) when one of them is too large to hold.
     */
    private java.util.Optional<List<String>> hold(Actor actor, List<ReferenceFile> batch) {
        List<String> tokens = new ArrayList<>();
        for (ReferenceFile f : batch) {
            var token = held.hold(actor.username(), heldKind(f.kind()), f.fileName(), null, f.content());
            if (token.isEmpty()) {
                return java.util.Optional.empty();
            }
            tokens.add(f.kind().code() + ":" + token.get());
        }
        return java.util.Optional.of(tokens);
    }

    /** "Importera nu": loads the files held after a good dry run, without choosing them again. */
    @PostMapping("/admin/reference-data/held")
    String importHeld(@RequestParam(name = "token", defaultValue = "") List<String> tokens, Model model,
                      HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        List<ReferenceFile> files = new ArrayList<>();
        for (String t : tokens) {
            int colon = t.indexOf(':');
            var kind = colon < 0 ? java.util.Optional.<ReferenceFileKind>empty()
                    : ReferenceFileKind.fromCode(t.substring(0, colon));
            var file = kind.flatMap(k -> held.take(t.substring(colon + 1), actor.username(), heldKind(k)));
            if (file.isEmpty()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("uploadError", "imports.error.held-gone");
                return page(model);
            }
            files.add(new ReferenceFile(kind.get(), file.get().fileName(), file.get().content()));
        }
        if (files.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "imports.error.held-gone");
            return page(model);
        }
        ReferenceLoadResult answer = importer.upload(actor, files, false);
        if (answer.rejected()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("result", answer);
        return page(model);
    }

    private static String heldKind(ReferenceFileKind kind) {
        return "organisation:reference-data:" + kind.code();
    }

    /** The non-empty parts whose names are kind codes, as reference files. */
    static List<ReferenceFile> toFiles(MultiValueMap<String, MultipartFile> parts) throws IOException {
        List<ReferenceFile> files = new ArrayList<>();
        for (Map.Entry<String, List<MultipartFile>> part : parts.entrySet()) {
            var kind = ReferenceFileKind.fromCode(part.getKey());
            if (kind.isEmpty()) {
                continue;
            }
            for (MultipartFile file : part.getValue()) {
                if (!file.isEmpty()) {
                    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                            ? kind.get().standardFileName() : file.getOriginalFilename();
                    files.add(new ReferenceFile(kind.get(), name, file.getBytes()));
                }
            }
        }
        return files;
    }
}
