package se.samsyn.prevention.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.organisation.FocusArea;
import se.samsyn.prevention.ActivityCatalogue;
import se.samsyn.prevention.ActivityKind;
import se.samsyn.prevention.PreventionRejected;
import se.samsyn.prevention.Questionnaire;
import se.samsyn.shared.Actor;

/**
 * The national catalogue: activity kinds with the guide's method each follows, and the anonymous
 * questionnaires. Everyone signed in reads it; the forms are shown to, and accepted from, the
 * keepers only (the service refuses anyone else with 403).
 */
@Controller
class KindPages {

    private final ActivityCatalogue catalogue;
    private final GuideEntries guide;

    KindPages(ActivityCatalogue catalogue, GuideEntries guide) {
        this.catalogue = catalogue;
        this.guide = guide;
    }

    @GetMapping("/prevention/kinds")
    String kinds(Model model) {
        Actor actor = Actor.current().orElseThrow();
        model.addAttribute("kinds", catalogue.kinds());
        model.addAttribute("questionnaires", catalogue.questionnaires());
        model.addAttribute("mayKeep", catalogue.mayKeep(actor));
        model.addAttribute("areas", FocusArea.values());
        model.addAttribute("methods", guide.published().stream().filter(e -> "method".equals(e.type())).toList());
        model.addAttribute("methodTitles", guide.published().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.slug(), e -> e.title(), (a, b) -> a)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "prevention/kinds";
    }

    @PostMapping("/prevention/kinds")
    String saveKind(@RequestParam MultiValueMap<String, String> form, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            ActivityKind saved = catalogue.saveKind(actor, new ActivityKind(text(form.getFirst("code")),
                    form.getFirst("nameSv"), form.getFirst("nameEn"), form.getFirst("focusArea"), form.getFirst("methodSlug")));
            redirect.addFlashAttribute("flash", "prevention.flash.kind-saved");
            redirect.addFlashAttribute("flashArg", saved.nameSv());
            return "redirect:/prevention/kinds";
        } catch (PreventionRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("kindError", e.messageKey());
            model.addAttribute("form", form.toSingleValueMap());
            return kinds(model);
        }
    }

    @PostMapping("/prevention/questionnaires")
    String saveQuestionnaire(@RequestParam MultiValueMap<String, String> form, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            Questionnaire saved = catalogue.saveQuestionnaire(actor, new Questionnaire(text(form.getFirst("code")),
                    form.getFirst("nameSv"), form.getFirst("nameEn"),
                    number(form.getFirst("items"), "items"), number(form.getFirst("itemMin"), "items"),
                    number(form.getFirst("itemMax"), "items"), 1.0, !"lower".equals(form.getFirst("direction")),
                    number(form.getFirst("minimalDifference"), "minimalDifference"), false));
            redirect.addFlashAttribute("flash", "prevention.flash.questionnaire-saved");
            redirect.addFlashAttribute("flashArg", saved.nameSv());
            return "redirect:/prevention/kinds";
        } catch (PreventionRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("questionnaireError", e.messageKey());
            return kinds(model);
        }
    }

    private static int number(String text, String field) {
        Integer n = PreventionPages.integer(text, field, "prevention.error." + ("items".equals(field) ? "items" : "minimal-difference"));
        if (n == null) {
            throw new PreventionRejected(field, "prevention.error." + ("items".equals(field) ? "items" : "minimal-difference"));
        }
        return n;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
