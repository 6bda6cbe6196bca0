package se.samsyn.followup.web;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.samsyn.followup.FollowupImport;
import se.samsyn.followup.ImportType;
import se.samsyn.shared.Actor;

/** The upload page for bulk import, with a dry run and a table of every rejected row. */
@Controller
class ImportPages {

    private final FollowupImport importer;

    ImportPages(FollowupImport importer) {
        this.importer = importer;
    }

    @GetMapping("/followup/import")
    String page(Model model) {
        model.addAttribute("types", ImportType.values());
        java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (ImportType t : ImportType.values()) {
            keys.put(t.code(), "personnummer," + String.join(",", FollowupImport.keyColumns(t)));
        }
        model.addAttribute("keys", keys);
        return "followup/import";
    }

    @PostMapping("/followup/import")
    String upload(@RequestParam String type, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        var importType = ImportType.fromCode(type);
        if (importType.isEmpty() || file == null || file.isEmpty()) {
            model.addAttribute("uploadError", importType.isEmpty() ? "import.error.type" : "import.error.no-file");
            return page(model);
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", importer.run(Actor.current().orElseThrow(), importType.get(),
                    FollowupImport.formatOf(file.getContentType(), file.getOriginalFilename()), in, dryRun));
        }
        model.addAttribute("chosenType", type);
        model.addAttribute("fileName", file.getOriginalFilename());
        return page(model);
    }
}
