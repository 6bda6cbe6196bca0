package se.samsyn.followup.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.InterventionType;
import se.samsyn.followup.ScoringRule;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.organisation.FocusArea;

/** The catalogue of interventions and instruments; national analysts add to it. */
@Controller
class CataloguePages {

    private final Catalogue catalogue;
    private final GuideEntries guide;

    CataloguePages(Catalogue catalogue, GuideEntries guide) {
        this.catalogue = catalogue;
        this.guide = guide;
    }

    @GetMapping("/followup/catalogue")
    String page(Model model) {
        model.addAttribute("interventions", catalogue.interventions());
        // link an intervention to its method entry only while that entry is published
        model.addAttribute("guideEntries", guide.publishedSlugs());
        model.addAttribute("instruments", catalogue.instruments());
        model.addAttribute("focusAreas", FocusArea.values());
        model.addAttribute("rules", ScoringRule.values());
        return "followup/catalogue";
    }

    @PostMapping("/followup/catalogue/interventions")
    String addIntervention(@RequestParam String code, @RequestParam String nameSv,
                           @RequestParam(defaultValue = "") String nameEn,
                           @RequestParam(required = false) List<String> focusAreas, RedirectAttributes redirect) {
        try {
            catalogue.addIntervention(se.samsyn.shared.Actor.current().orElseThrow(),
                    new InterventionType(code.trim(), nameSv, nameEn,
                            focusAreas == null ? List.of() : focusAreas, null, true));
            redirect.addFlashAttribute("flash", "catalogue.flash.intervention");
            redirect.addFlashAttribute("flashArg", code);
        } catch (FollowupRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/followup/catalogue";
    }

    /**
     * Items are entered one per line as {@code min-max text}, for example {@code 0-5 Jag har känt mig glad}.
     */
    @PostMapping("/followup/catalogue/instruments")
    String addInstrument(@RequestParam String code, @RequestParam String nameSv,
                         @RequestParam(defaultValue = "") String nameEn, @RequestParam String scoring,
                         @RequestParam(defaultValue = "1") double multiplier, @RequestParam double scoreMin,
                         @RequestParam double scoreMax, @RequestParam(defaultValue = "false") boolean higherIsBetter,
                         @RequestParam double minimalImportantDifference,
                         @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String items,
                         RedirectAttributes redirect) {
        try {
            List<Instrument.Item> parsed = new ArrayList<>();
            int number = 0;
            for (String line : items.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+", 2);
                String[] range = parts[0].split("-");
                if (range.length != 2 || parts.length < 2) {
                    throw new FollowupRejected("items", "followup.error.item-format");
                }
                number++;
                parsed.add(new Instrument.Item(number, parts[1], parts[1],
                        Integer.parseInt(range[0]), Integer.parseInt(range[1])));
            }
            ScoringRule rule = "MEAN".equals(scoring) ? ScoringRule.MEAN : ScoringRule.SUM;
            catalogue.addInstrument(se.samsyn.shared.Actor.current().orElseThrow(), new Instrument(
                    code.trim(), nameSv, nameEn.isBlank() ? nameSv : nameEn, rule, multiplier, scoreMin, scoreMax,
                    higherIsBetter, minimalImportantDifference, source.isBlank() ? null : source, parsed));
            redirect.addFlashAttribute("flash", "catalogue.flash.instrument");
            redirect.addFlashAttribute("flashArg", code);
        } catch (FollowupRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("flashError", "followup.error.item-format");
        }
        return "redirect:/followup/catalogue";
    }
}
