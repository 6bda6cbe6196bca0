package se.samsyn.priority.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PracticeEvidence;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.PublishedList;
import se.samsyn.priority.Recommendation;

/**
 * Published lists, public: grouped by band, printable, as Excel, and compared with the version before.
 * The page, the print view and the workbook show the same national practice figures per pair, under
 * a heading that names their period ({@link PriorityText#practiceHeading}), and say when the
 * nation's stored outcome reports they are read from were computed, or that they are not yet
 * ({@link PriorityText#practiceAsOf}).
 */
@Controller
class ListPages {

    private final PriorityProcesses processes;
    private final MessageSource messages;

    ListPages(PriorityProcesses processes, MessageSource messages) {
        this.processes = processes;
        this.messages = messages;
    }

    @GetMapping("/priorities/lists/{id}")
    String list(@PathVariable long id, @RequestParam(required = false) Integer version, Model model, Locale locale) {
        fill(model, id, version, locale);
        model.addAttribute("versions", processes.versions(id));
        return "priority/list";
    }

    @GetMapping("/priorities/lists/{id}/print")
    String print(@PathVariable long id, @RequestParam(required = false) Integer version, Model model, Locale locale) {
        fill(model, id, version, locale);
        return "priority/print";
    }

    /**
     * What changed in a version since the one before it. The first version has nothing before it:
     * the page says so, with a link back to the list, instead of a refusal.
     */
    @GetMapping("/priorities/lists/{id}/diff")
    String diff(@PathVariable long id, @RequestParam int version, Model model) {
        PublishedList list = processes.published(id, version);
        model.addAttribute("list", list);
        model.addAttribute("diff", list.version() < 2 ? null : processes.diff(id, version));
        return "priority/diff";
    }

    @GetMapping("/priorities/lists/{id}/list.xlsx")
    ResponseEntity<byte[]> excel(@PathVariable long id, @RequestParam(required = false) Integer version, Locale locale)
            throws IOException {
        PublishedList list = processes.published(id, version);
        java.util.Optional<java.time.Instant> asOf = processes.practiceAsOf();
        byte[] workbook = PriorityWorkbook.write(list, grouped(list), processes.practice(list.pairs()),
                processes.practicePeriod(), asOf.orElse(null), messages, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("samsyn-prioriteringar-" + id + "-v" + list.version() + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook);
    }

    private void fill(Model model, long id, Integer version, Locale locale) {
        PublishedList list = processes.published(id, version);
        model.addAttribute("list", list);
        model.addAttribute("bands", grouped(list));
        model.addAttribute("explanations", PriorityText.explanations(list.pairs(), messages, locale));
        PriorityText.practiceAsOf(model, processes); // read before the figures: at least as fresh as it says
        Map<Long, PracticeEvidence> practice = processes.practice(list.pairs());
        model.addAttribute("practice", practice);
        model.addAttribute("practiceAllHidden", PriorityText.practiceAllHidden(practice));
        model.addAttribute("practicePeriod", processes.practicePeriod());
        model.addAttribute("practiceHeading", PriorityText.practiceHeading(processes.practicePeriod(), messages, locale));
        model.addAttribute("guideEntries", processes.guideEntries());
    }

    /** The pairs by band, in rank order within each band; every band is present, empty or not. */
    static Map<Recommendation.Band, List<PairView>> grouped(PublishedList list) {
        Map<Recommendation.Band, List<PairView>> bands = new LinkedHashMap<>();
        for (Recommendation.Band band : Recommendation.Band.values()) {
            bands.put(band, new ArrayList<>());
        }
        list.pairs().stream()
                .sorted(Comparator.comparingInt((PairView p) -> p.effective().order())
                        .thenComparing(p -> p.pair().condition()))
                .forEach(p -> bands.get(p.effective().band()).add(p));
        return bands;
    }
}
