package se.samsyn.organisation.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.UnitRejected;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;

/** Administration of units within the administrator's scope. */
@Controller
class UnitAdminPages {

    private final Organisation organisation;
    private final Units units;

    UnitAdminPages(Organisation organisation, Units units) {
        this.organisation = organisation;
        this.units = units;
    }

    /** The unit form; focus areas arrive as their codes. */
    record UnitForm(String municipalityCode, String code, String name, List<String> focusAreas, Boolean active) {
        Set<FocusArea> areas() {
            Set<FocusArea> areas = EnumSet.noneOf(FocusArea.class);
            if (focusAreas != null) {
                focusAreas.forEach(c -> FocusArea.fromCode(c).ifPresent(areas::add));
            }
            return areas;
        }
    }

    @GetMapping("/admin/units")
    String list(Model model) {
        Actor actor = Actor.current().orElseThrow();
        if (!model.containsAttribute("form")) {
            String defaultMunicipality = organisation.municipalityOf(actor.scope()).orElse("");
            model.addAttribute("form", new UnitForm(defaultMunicipality, "", "", List.of(), true));
        }
        return page(actor, model);
    }

    @PostMapping("/admin/units")
    String register(@ModelAttribute("form") UnitForm form, Model model, RedirectAttributes redirect,
                    jakarta.servlet.http.HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        try {
            var unit = units.register(actor, new NewUnit(form.municipalityCode(), form.code(), form.name(), form.areas()));
            redirect.addFlashAttribute("flash", "unit.flash.created");
            redirect.addFlashAttribute("flashArg", unit.code());
            return "redirect:/admin/units";
        } catch (UnitRejected e) {
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formErrorField", e.field());
            response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(actor, model);
        }
    }

    @PostMapping("/admin/units/{code}")
    String change(@PathVariable String code, @ModelAttribute UnitForm form, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            units.change(actor, code, form.name(), form.areas(), form.active() != null && form.active());
            redirect.addFlashAttribute("flash", "unit.flash.changed");
            redirect.addFlashAttribute("flashArg", code);
        } catch (UnitRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/admin/units";
    }

    private String page(Actor actor, Model model) {
        if (!organisation.exists(actor.scope())) {
            throw new AccessDeniedException("scope no longer exists");
        }
        model.addAttribute("units", organisation.unitsWithin(actor.scope()));
        model.addAttribute("focusAreas", FocusArea.values());
        return "organisation/units";
    }
}
