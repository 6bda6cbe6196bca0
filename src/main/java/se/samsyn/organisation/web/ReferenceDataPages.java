package se.samsyn.organisation.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.samsyn.organisation.referencedata.ReferenceDataImport;
import se.samsyn.organisation.referencedata.ReferenceFile;
import se.samsyn.organisation.referencedata.ReferenceFileKind;
import se.samsyn.shared.Actor;

/** The reference-data page: what is loaded, and an upload form with a dry run and an error table. */
@Controller
class ReferenceDataPages {

    private final ReferenceDataImport importer;

    ReferenceDataPages(ReferenceDataImport importer) {
        this.importer = importer;
    }

    @GetMapping("/admin/reference-data")
    String page(Model model) {
        model.addAttribute("status", importer.status());
        model.addAttribute("kinds", ReferenceFileKind.values());
        return "organisation/reference-data";
    }

    @PostMapping("/admin/reference-data")
    String upload(@RequestParam MultiValueMap<String, MultipartFile> files,
                  @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        List<ReferenceFile> batch = toFiles(files);
        if (batch.isEmpty()) {
            model.addAttribute("noFiles", true);
        } else {
            model.addAttribute("result", importer.upload(Actor.current().orElseThrow(), batch, dryRun));
        }
        return page(model);
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
