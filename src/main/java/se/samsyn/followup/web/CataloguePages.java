package se.samsyn.followup.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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
import se.samsyn.imports.PlainValues;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.organisation.FocusArea;

/**
 * The catalogue of interventions and instruments; national analysts add to it. A refused form is
 * shown again on the page (422) with what was typed and the error beside the field at fault, as the
 * client page's forms do ({@link ClientPage.Refusal}).
 */
@Controller
class CataloguePages {

    /** The forms' names on the page, for their errors' ids ({@code <form>-<field>-error}). */
    static final String INTERVENTION = "new-intervention-form";
    static final String INSTRUMENT = "new-instrument-form";

    private final Catalogue catalogue;
    private final GuideEntries guide;

    CataloguePages(Catalogue catalogue, GuideEntries guide) {
        this.catalogue = catalogue;
        this.guide = guide;
    }

    /** The catalogue's two tables and, for a national analyst, the forms to add to them. */
    @GetMapping("/followup/catalogue")
    String page(Model model) {
        model.addAttribute("interventions", catalogue.interventions());
        // link an intervention to its method entry only while that entry is published
        model.addAttribute("guideEntries", guide.publishedSlugs());
        model.addAttribute("instruments", catalogue.instruments());
        model.addAttribute("focusAreas", FocusArea.values());
        model.addAttribute("rules", ScoringRule.values());
        if (!model.containsAttribute("refusal")) {
            model.addAttribute("refusal", ClientPage.Refusal.NONE);
            model.addAttribute("keptFocusAreas", List.of());
        }
        return "followup/catalogue";
    }

    /**
     * Adds an intervention type. A refusal ({@link FollowupRejected}: a code in the wrong shape or
     * taken, a missing name, no focus area) shows the page again (422) with what was typed and the
     * error beside its field; nothing is stored.
     */
    @PostMapping("/followup/catalogue/interventions")
    String addIntervention(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String nameSv,
                           @RequestParam(defaultValue = "") String nameEn,
                           @RequestParam(required = false) List<String> focusAreas,
                           @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        keeper();
        List<String> areas = focusAreas == null ? List.of() : focusAreas;
        try {
            catalogue.addIntervention(se.samsyn.shared.Actor.current().orElseThrow(),
                    new InterventionType(code.trim(), nameSv, nameEn, areas, null, true));
        } catch (FollowupRejected e) {
            model.addAttribute("keptFocusAreas", areas);
            return refused(ClientPage.Form.of(INTERVENTION, params, "code", "nameSv", "nameEn", "focusAreas"), e,
                    model, response);
        }
        redirect.addFlashAttribute("flash", "catalogue.flash.intervention");
        redirect.addFlashAttribute("flashArg", code.trim());
        return "redirect:/followup/catalogue";
    }

    /**
     * Adds an instrument. Numbers are plain decimals (comma or point); items are entered one per
     * line as {@code min-max text}, for example {@code 0-5 Jag har känt mig glad}. A number that is
     * not one ({@code import.error.number}), an item line in another shape
     * ({@code followup.error.item-format}) or a refusal of the catalogue shows the page again (422)
     * with what was typed and the error beside its field; nothing is stored.
     */
    @PostMapping("/followup/catalogue/instruments")
    String addInstrument(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String nameSv,
                         @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "SUM") String scoring,
                         @RequestParam(defaultValue = "1") String multiplier,
                         @RequestParam(defaultValue = "") String scoreMin, @RequestParam(defaultValue = "") String scoreMax,
                         @RequestParam(defaultValue = "false") boolean higherIsBetter,
                         @RequestParam(defaultValue = "") String minimalImportantDifference,
                         @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String items,
                         @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        keeper(); // the permission before the form: another role learns nothing from the checks of its values
        try {
            double mult = number("multiplier", multiplier);
            double min = number("scoreMin", scoreMin);
            double max = number("scoreMax", scoreMax);
            double mid = number("minimalImportantDifference", minimalImportantDifference);
            List<Instrument.Item> parsed = items(items);
            ScoringRule rule = "MEAN".equals(scoring) ? ScoringRule.MEAN : ScoringRule.SUM;
            catalogue.addInstrument(se.samsyn.shared.Actor.current().orElseThrow(), new Instrument(
                    code.trim(), nameSv, nameEn.isBlank() ? nameSv : nameEn, rule, mult, min, max,
                    higherIsBetter, mid, source.isBlank() ? null : source, parsed));
        } catch (FollowupRejected e) {
            model.addAttribute("keptFocusAreas", List.of());
            return refused(ClientPage.Form.of(INSTRUMENT, params, "code", "nameSv", "nameEn", "multiplier", "scoreMin",
                    "scoreMax", "minimalImportantDifference", "items"), e, model, response);
        }
        redirect.addFlashAttribute("flash", "catalogue.flash.instrument");
        redirect.addFlashAttribute("flashArg", code.trim());
        return "redirect:/followup/catalogue";
    }

    /**
     * Refuses (403, {@link org.springframework.security.access.AccessDeniedException}) anyone but a
     * national analyst, who keeps the catalogue; the catalogue checks it again when it stores.
     */
    private static void keeper() {
        if (se.samsyn.shared.Actor.current().map(a -> a.role() != se.samsyn.shared.Role.NATIONAL_ANALYST).orElse(true)) {
            throw new org.springframework.security.access.AccessDeniedException("The catalogue is kept by national analysts");
        }
    }

    private String refused(ClientPage.Form form, FollowupRejected e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("refusal", ClientPage.Refusal.of(form, e));
        return page(model);
    }

    /** A plain decimal (comma or point), refused as {@code import.error.number} on {@code field} otherwise. */
    private static double number(String field, String text) {
        return PlainValues.decimal(text).map(BigDecimal::doubleValue)
                .orElseThrow(() -> new FollowupRejected(field, "import.error.number"));
    }

    /** The items, one per non-blank line as {@code min-max text}, numbered from 1. */
    private static List<Instrument.Item> items(String items) {
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
            int low = PlainValues.integer(range[0]).orElseThrow(
                    () -> new FollowupRejected("items", "followup.error.item-format"));
            int high = PlainValues.integer(range[1]).orElseThrow(
                    () -> new FollowupRejected("items", "followup.error.item-format"));
            number++;
            parsed.add(new Instrument.Item(number, parts[1], parts[1], low, high));
        }
        return parsed;
    }
}
