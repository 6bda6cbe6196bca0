package se.samsyn.comparison.kolada;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.samsyn.shared.Actor;

/**
 * The Kolada page: upload files with a dry run, fetch from the live API, follow the background load
 * of the Kolada sample, and see what is imported. National analysts and administrators only.
 */
@Controller
class KoladaPages {

    private final KoladaImport importer;
    private final KoladaConnector connector;
    private final KoladaRepository repository;
    private final KoladaSampleLoad sampleLoad;

    KoladaPages(KoladaImport importer, KoladaConnector connector, KoladaRepository repository,
                KoladaSampleLoad sampleLoad) {
        this.importer = importer;
        this.connector = connector;
        this.repository = repository;
        this.sampleLoad = sampleLoad;
    }

    @GetMapping("/comparisons/kolada")
    String page(Model model) {
        KoladaAccess.requireImporter(Actor.current().orElse(null));
        model.addAttribute("kpis", repository.importedKpis());
        model.addAttribute("loads", repository.loads(20));
        model.addAttribute("baseUrl", connector.baseUrl());
        model.addAttribute("sampleLoad", sampleLoad.progress());
        return "comparison/kolada-import";
    }

    /** The progress of the Kolada sample load as a fragment; the page polls it with htmx while the load runs. */
    @GetMapping("/comparisons/kolada/sample-load")
    String sampleLoad(Model model) {
        KoladaAccess.requireImporter(Actor.current().orElse(null));
        model.addAttribute("sampleLoad", sampleLoad.progress());
        return "comparison/fragments/kolada-sample-load :: progress";
    }

    @PostMapping("/comparisons/kolada/import")
    String upload(@RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        Actor actor = Actor.current().orElse(null);
        KoladaAccess.requireImporter(actor);
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", "kolada.error.no-file");
            return page(model);
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", importer.run(actor, file.getOriginalFilename(),
                    KoladaImport.formatOf(file.getContentType(), file.getOriginalFilename()), in, dryRun));
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return page(model);
    }

    @PostMapping("/comparisons/kolada/fetch")
    String fetch(@RequestParam(defaultValue = "") String kpis, @RequestParam(defaultValue = "") String years,
                 @RequestParam(defaultValue = "false") boolean dryRun, Model model) {
        Actor actor = Actor.current().orElse(null);
        KoladaAccess.requireImporter(actor);
        model.addAttribute("fetchKpis", kpis);
        model.addAttribute("fetchYears", years);
        try {
            Set<String> ids = KoladaParameters.ids(String.join(",", KoladaConnector.split(kpis.toUpperCase(java.util.Locale.ROOT))),
                    KoladaImportApi.KPI_LIST, "kpis");
            Set<Integer> yearSet = new LinkedHashSet<>(KoladaParameters.years(String.join(",", KoladaConnector.split(years))));
            model.addAttribute("fetch", connector.fetch(actor, ids, yearSet, dryRun));
        } catch (KoladaBadRequest e) {
            model.addAttribute("fetchError", e.messageKey());
        } catch (KoladaUnreachable e) {
            model.addAttribute("fetchError", e.messageKey());
        }
        return page(model);
    }
}
