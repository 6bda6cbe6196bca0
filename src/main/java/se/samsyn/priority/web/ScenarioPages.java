package se.samsyn.priority.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.priority.Coverage;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.PriorityRejected;
import se.samsyn.priority.ResourceScenarios.ScenarioLine;
import se.samsyn.priority.ResourceScenarios.ScenarioView;
import se.samsyn.priority.ResourceScenarios;
import se.samsyn.shared.Actor;
import tools.jackson.databind.json.JsonMapper;

/** Resource scenarios for a municipality: enter costs and clients, calculate, save, compare. */
@Controller
class ScenarioPages {

    private final ResourceScenarios scenarios;
    private final PriorityProcesses processes;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    ScenarioPages(ResourceScenarios scenarios, PriorityProcesses processes, MessageSource messages) {
        this.scenarios = scenarios;
        this.processes = processes;
        this.messages = messages;
    }

    @GetMapping("/priorities/scenarios")
    String index(Model model) {
        Actor actor = Actor.current().orElseThrow();
        model.addAttribute("scenarios", scenarios.scenarios(actor));
        model.addAttribute("lists", processes.publishedLists());
        return "priority/scenarios";
    }

    @GetMapping("/priorities/scenarios/new")
    String start(@RequestParam long list, Model model) {
        Actor actor = Actor.current().orElseThrow();
        ScenarioView draft = scenarios.start(actor, list);
        return form(model, draft, false, ScenarioInput.of(draft.scenario(), true), null);
    }

    /** A saved scenario in the form, to change its name, budget, costs and counts. */
    @GetMapping("/priorities/scenarios/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        ScenarioView saved = scenarios.scenario(actor, id);
        return form(model, saved, true, ScenarioInput.of(saved.scenario(), false), id);
    }

    /**
     * Calculates or saves (a new scenario, or the saved one named by {@code id}). The budget is
     * required; a refused submit shows the form again with every field as typed.
     */
    @PostMapping("/priorities/scenarios")
    String submit(@RequestParam long list, @RequestParam int version, @RequestParam(required = false) Long id,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String budget,
                  @RequestParam(required = false) List<Long> pairId,
                  @RequestParam(required = false) List<String> cost, @RequestParam(required = false) List<String> clients,
                  @RequestParam(defaultValue = "calculate") String action, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        ScenarioInput input = ScenarioInput.typed(name, budget, pairId, cost, clients);
        List<ScenarioLine> lines = new ArrayList<>();
        try {
            if (budget.isBlank()) {
                throw new PriorityRejected("budget", "priority.error.budget-required");
            }
            long total = number(budget, "budget", "priority.error.budget");
            for (int i = 0; pairId != null && i < pairId.size(); i++) {
                lines.add(new ScenarioLine(pairId.get(i), number(input.cost(pairId.get(i)), "lines", "priority.error.line"),
                        (int) Math.min(Integer.MAX_VALUE,
                                number(input.clientsOf(pairId.get(i)), "lines", "priority.error.line"))));
            }
            if ("save".equals(action)) {
                ScenarioView saved = id == null ? scenarios.save(actor, list, version, name, total, lines)
                        : scenarios.update(actor, id, name, total, lines);
                redirect.addFlashAttribute("flash", "priority.flash.scenario-saved");
                return "redirect:/priorities/scenarios/" + saved.scenario().id();
            }
            return form(model, scenarios.calculate(actor, list, version, name, total, lines), true, input, id);
        } catch (PriorityRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("errorField", e.field());
            return form(model, scenarios.calculate(actor, list, version, name, 0, List.of()), false, input, id);
        }
    }

    /** Deletes a saved scenario (the page asks for confirmation first) and returns to the list. */
    @PostMapping("/priorities/scenarios/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        scenarios.delete(Actor.current().orElseThrow(), id);
        redirect.addFlashAttribute("flash", "priority.flash.scenario-deleted");
        return "redirect:/priorities/scenarios";
    }

    @GetMapping("/priorities/scenarios/{id}")
    String scenario(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        ScenarioView view = scenarios.scenario(actor, id);
        model.addAttribute("view", view);
        model.addAttribute("chartJson", chart(view.result()));
        model.addAttribute("others", scenarios.scenarios(actor).stream().filter(s -> s.id() != id).toList());
        return "priority/scenario";
    }

    @GetMapping("/priorities/scenarios/compare")
    String compare(@RequestParam long a, @RequestParam long b, Model model) {
        Actor actor = Actor.current().orElseThrow();
        model.addAttribute("a", scenarios.scenario(actor, a));
        model.addAttribute("b", scenarios.scenario(actor, b));
        return "priority/compare";
    }

    private String form(Model model, ScenarioView view, boolean calculated, ScenarioInput input, Long id) {
        model.addAttribute("view", view);
        model.addAttribute("input", input);
        model.addAttribute("scenarioId", id);
        model.addAttribute("calculated", calculated);
        model.addAttribute("countPeriod", scenarios.clientCountPeriod());
        model.addAttribute("chartJson", chart(view.result()));
        return "priority/scenario-form";
    }

    /** Cost per band, needed and covered, for the chart, labelled in the page's language. */
    private String chart(Coverage result) {
        Map<String, Object> data = new LinkedHashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        data.put("bands", result.bands().stream()
                .map(b -> messages.getMessage("priority.band." + b.band().code(), null, locale)).toList());
        data.put("needed", result.bands().stream().map(Coverage.BandCost::needed).toList());
        data.put("covered", result.bands().stream().map(Coverage.BandCost::covered).toList());
        return json.writeValueAsString(data);
    }

    /** A whole number typed with or without spaces; empty is 0; anything else is rejected on {@code field}. */
    private static long number(String text, String field, String messageKey) {
        String t = text == null ? "" : text.replaceAll("[\\s\\u00a0]", "");
        if (t.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new PriorityRejected(field, messageKey);
        }
    }
}
