package se.samsyn.priority.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.organisation.FocusArea;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.PriorityRejected;
import se.samsyn.priority.ProcessStatus;
import se.samsyn.priority.ProcessView;
import se.samsyn.priority.Recommendation;
import se.samsyn.priority.ResourceScenarios;
import se.samsyn.priority.Severity;
import se.samsyn.priority.web.PriorityForms.PairForm;
import se.samsyn.priority.web.PriorityForms.ProcessForm;
import se.samsyn.shared.Actor;
import se.samsyn.shared.ScopeType;

/**
 * The group's pages: processes, pairs with the rule's proposals, decisions and the lifecycle. A
 * refused pair comes back on its form with 422, the message on the field at fault and every field
 * kept; pairs name knowledge-guide entries by title ({@link PriorityProcesses#guideEntries()}).
 */
@Controller
class PriorityPages {

    private final PriorityProcesses processes;
    private final ResourceScenarios scenarios;
    private final MessageSource messages;

    PriorityPages(PriorityProcesses processes, ResourceScenarios scenarios, MessageSource messages) {
        this.processes = processes;
        this.scenarios = scenarios;
        this.messages = messages;
    }

    @GetMapping("/priorities")
    String index(Model model) {
        Actor actor = Actor.current().orElse(null);
        model.addAttribute("lists", processes.publishedLists());
        if (actor != null) {
            model.addAttribute("processes", processes.processes(actor));
            model.addAttribute("mayCreate", processes.mayCreate(actor));
            model.addAttribute("mayRunScenarios", scenarios.mayRun(actor));
        }
        return "priority/index";
    }

    @GetMapping("/priorities/processes/new")
    String newProcess(Model model) {
        Actor actor = Actor.current().orElseThrow();
        if (!processes.mayCreate(actor)) {
            throw new AccessDeniedException("The actor's role does not run priority-setting processes");
        }
        return processForm(model, ProcessForm.blank(actor.scope()), null);
    }

    @PostMapping("/priorities/processes")
    String create(@ModelAttribute ProcessForm form, Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        try {
            PriorityProcess p = processes.create(actor, form.draft());
            redirect.addFlashAttribute("flash", "priority.flash.process-created");
            return "redirect:/priorities/processes/" + p.id();
        } catch (PriorityRejected e) {
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("errorField", e.field());
            response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
            return processForm(model, form, null);
        }
    }

    @GetMapping("/priorities/processes/{id}/edit")
    String editProcess(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        ProcessView view = processes.process(actor, id);
        if (!processes.mayEdit(actor, view.process())) {
            throw new AccessDeniedException("The actor cannot change this process");
        }
        return processForm(model, ProcessForm.of(view.process()), view.process());
    }

    @PostMapping("/priorities/processes/{id}")
    String update(@PathVariable long id, @ModelAttribute ProcessForm form, Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        try {
            processes.update(actor, id, form.draft());
            redirect.addFlashAttribute("flash", "priority.flash.process-saved");
            return "redirect:/priorities/processes/" + id;
        } catch (PriorityRejected e) {
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("errorField", e.field());
            response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
            return processForm(model, form, processes.process(actor, id).process());
        }
    }

    private String processForm(Model model, ProcessForm form, PriorityProcess existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("focusAreas", FocusArea.values());
        model.addAttribute("modes", PriorityMode.values());
        model.addAttribute("scopeTypes", processScopeTypes(Actor.current().map(Actor::role).orElse(null)));
        model.addAttribute("fouOptions", List.of(Certainty.LAG, Certainty.MYCKET_LAG, Certainty.SAKNAS));
        return "priority/process-form";
    }

    /** The kinds of scope the picker offers a role: the rule of who runs a process where, as the register checks it. */
    private static List<ScopeType> processScopeTypes(se.samsyn.shared.Role role) {
        if (role == null) {
            return List.of(ScopeType.MUNICIPALITY);
        }
        return switch (role) {
            case NATIONAL_ANALYST -> List.of(ScopeType.NATION);
            case REGIONAL_ANALYST -> List.of(ScopeType.REGION, ScopeType.MUNICIPALITY);
            default -> List.of(ScopeType.MUNICIPALITY);
        };
    }

    @GetMapping("/priorities/processes/{id}")
    String process(@PathVariable long id, Model model, Locale locale) {
        Actor actor = Actor.current().orElseThrow();
        ProcessView view = processes.process(actor, id);
        model.addAttribute("view", view);
        model.addAttribute("statuses", ProcessStatus.values());
        model.addAttribute("process", view.process());
        model.addAttribute("mayEdit", processes.mayEdit(actor, view.process()));
        model.addAttribute("editable", view.process().editable());
        model.addAttribute("explanations", PriorityText.explanations(view.pairs(), messages, locale));
        PriorityText.practiceAsOf(model, processes);
        model.addAttribute("practice", processes.practice(view.pairs()));
        model.addAttribute("practicePeriod", processes.practicePeriod());
        model.addAttribute("practiceHeading", PriorityText.practiceHeading(processes.practicePeriod(), messages, locale));
        model.addAttribute("undecided", view.pairs().stream().filter(p -> p.pair().decision() == null).count());
        model.addAttribute("versions", view.process().publishedVersion() > 0 ? processes.versions(id) : List.of());
        model.addAttribute("guideEntries", processes.guideEntries());
        return "priority/process";
    }

    @PostMapping("/priorities/processes/{id}/status")
    String move(@PathVariable long id, @RequestParam String target, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        ProcessStatus status = ProcessStatus.fromCode(target).orElseThrow(() -> new PriorityRejected("status",
                "priority.error.transition"));
        try {
            processes.moveTo(actor, id, status);
            redirect.addFlashAttribute("flash", "priority.flash.status." + status.code());
        } catch (PriorityRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/priorities/processes/" + id;
    }

    @GetMapping("/priorities/processes/{id}/pairs/new")
    String newPair(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        ProcessView view = processes.process(actor, id);
        if (!processes.mayEdit(actor, view.process())) {
            throw new AccessDeniedException("The actor cannot change this process");
        }
        return pairForm(model, view.process(), PairForm.blank(), null);
    }

    @PostMapping("/priorities/processes/{id}/pairs")
    String addPair(@PathVariable long id, @ModelAttribute PairForm form, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        try {
            processes.addPair(actor, id, form.draft());
            redirect.addFlashAttribute("flash", "priority.flash.pair-added");
            return "redirect:/priorities/processes/" + id;
        } catch (PriorityRejected e) {
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("errorField", e.field());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return pairForm(model, processes.process(actor, id).process(), form, null);
        }
    }

    @GetMapping("/priorities/pairs/{pairId}")
    String pair(@PathVariable long pairId, Model model, Locale locale) {
        Actor actor = Actor.current().orElseThrow();
        PairView view = processes.pair(actor, pairId);
        PriorityProcess process = processes.process(actor, view.pair().processId()).process();
        model.addAttribute("pairView", view);
        model.addAttribute("explanation", PriorityText.explain(view.proposal(), messages, locale));
        model.addAttribute("practice", processes.practice(List.of(view)).get(pairId));
        model.addAttribute("practiceHeading", PriorityText.practiceHeading(processes.practicePeriod(), messages, locale));
        model.addAttribute("recommendations", Recommendation.all());
        return pairForm(model, process, PairForm.of(view.pair()), view);
    }

    @PostMapping("/priorities/pairs/{pairId}")
    String updatePair(@PathVariable long pairId, @ModelAttribute PairForm form, Model model, Locale locale,
                      RedirectAttributes redirect, HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        try {
            processes.updatePair(actor, pairId, form.draft());
            redirect.addFlashAttribute("flash", "priority.flash.pair-saved");
            return "redirect:/priorities/pairs/" + pairId;
        } catch (PriorityRejected e) {
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("errorField", e.field());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            PairView view = processes.pair(actor, pairId);
            model.addAttribute("pairView", view);
            model.addAttribute("explanation", PriorityText.explain(view.proposal(), messages, locale));
            model.addAttribute("recommendations", Recommendation.all());
            return pairForm(model, processes.process(actor, view.pair().processId()).process(), form, view);
        }
    }

    @PostMapping("/priorities/pairs/{pairId}/decision")
    String decide(@PathVariable long pairId, @RequestParam String decision,
                  @RequestParam(defaultValue = "") String rationale, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            processes.decide(actor, pairId, decision, rationale);
            redirect.addFlashAttribute("flash", "priority.flash.decided");
            long processId = processes.pair(actor, pairId).pair().processId();
            return "redirect:/priorities/processes/" + processId + "#pair-" + pairId;
        } catch (PriorityRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/priorities/pairs/" + pairId + "#decide";
        }
    }

    @PostMapping("/priorities/pairs/{pairId}/delete")
    String delete(@PathVariable long pairId, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        long processId = processes.pair(actor, pairId).pair().processId();
        try {
            processes.removePair(actor, pairId);
            redirect.addFlashAttribute("flash", "priority.flash.pair-removed");
        } catch (PriorityRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/priorities/processes/" + processId;
    }

    private String pairForm(Model model, PriorityProcess process, PairForm form, PairView existing) {
        Actor actor = Actor.current().orElseThrow();
        model.addAttribute("process", process);
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("mayEdit", processes.mayEdit(actor, process) && process.editable());
        model.addAttribute("interventions", processes.interventions().stream()
                .sorted(Comparator.comparing(t -> t.nameSv())).toList());
        model.addAttribute("activityKinds", processes.activityKinds());
        model.addAttribute("guideEntries", processes.guideEntries());
        model.addAttribute("benefits", Benefit.values());
        model.addAttribute("costs", CostLevel.values());
        model.addAttribute("certainties", Certainty.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("healthCare", process.mode() == PriorityMode.HEALTH_CARE);
        return "priority/pair";
    }
}
