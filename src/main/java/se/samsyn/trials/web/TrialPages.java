package se.samsyn.trials.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.followup.Catalogue;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.ScopeType;
import se.samsyn.shared.SwedishTime;
import se.samsyn.trials.Decision;
import se.samsyn.trials.Findings;
import se.samsyn.trials.Measure;
import se.samsyn.trials.Participant;
import se.samsyn.trials.PeriodKind;
import se.samsyn.trials.ToolKind;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialFindings;
import se.samsyn.trials.TrialRejected;
import se.samsyn.trials.TrialStatus;
import se.samsyn.trials.Trials;

/**
 * The trial pages: the national list, the set-up form (new and changed plans), a trial with its
 * run charts and decision, and the printable report. The services check every permission; a
 * trial the reader may not manage answers 404 to a change. A refused plan comes back on its form
 * with 422, the message in the reader's language and every field kept. The tool's knowledge-guide
 * entry is chosen by its title among the published entries and shown as its title linked to the
 * entry ({@link Trials#guideEntries()}, model attribute {@code guideEntries}).
 */
@Controller
class TrialPages {

    /** A chart with where it is drawn. */
    record ChartView(Findings.UnitChart unit, ChartGeometry geometry) {
    }

    /** A measure's charts with their geometry. */
    record SectionView(Measure measure, boolean signal, List<ChartView> charts) {
    }

    private final Trials trials;
    private final TrialFindings findings;
    private final Organisation organisation;
    private final Catalogue catalogue;
    private final Clock clock;

    TrialPages(Trials trials, TrialFindings findings, Organisation organisation, Catalogue catalogue, Clock clock) {
        this.trials = trials;
        this.findings = findings;
        this.organisation = organisation;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/trials")
    String list(Model model) {
        Actor actor = Actor.current().orElseThrow();
        List<Trial> all = trials.all();
        model.addAttribute("open", all.stream().filter(t -> t.status() != TrialStatus.ENDED).toList());
        model.addAttribute("finished", all.stream().filter(t -> t.status() == TrialStatus.ENDED).toList());
        model.addAttribute("recordable", all.stream().filter(t -> trials.mayRecord(actor, t)).toList());
        model.addAttribute("maySetUp", trials.maySetUp(actor));
        model.addAttribute("names", names(all));
        model.addAttribute("guideEntries", trials.guideEntries());
        return "trials/list";
    }

    @GetMapping("/trials/new")
    String newTrial(Model model) {
        Actor actor = Actor.current().orElseThrow();
        if (!trials.maySetUp(actor)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!model.containsAttribute("form")) {
            LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("period", "week");
            form.add("toolKind", "instrument");
            model.addAttribute("form", form);
        }
        return form(actor, model, null);
    }

    @PostMapping("/trials")
    String create(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        try {
            Trial trial = trials.create(actor, PlanForm.plan(form));
            return "redirect:/trials/" + trial.id() + "?saved";
        } catch (TrialRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formField", e.field());
            model.addAttribute("form", form);
            return form(actor, model, null);
        }
    }

    @GetMapping("/trials/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Trial trial = managed(actor, id);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("title", trial.plan().title());
        form.add("question", trial.plan().question());
        form.add("toolKind", trial.plan().toolKind().code());
        form.add("toolName", trial.plan().toolName());
        form.add("instrumentCode", trial.plan().instrumentCode());
        form.add("guideEntry", trial.plan().guideEntry());
        form.add("period", trial.plan().period().code());
        form.add("baselineStart", trial.plan().baselineStart().toString());
        form.add("start", trial.plan().start().toString());
        form.add("end", trial.plan().end().toString());
        trial.plan().trialUnits().forEach(p -> form.add("trialUnits", p.unitCode()));
        trial.plan().comparisonUnits().forEach(p -> form.add("comparisonUnits", p.unitCode()));
        trial.plan().measures().forEach(m -> form.add("measures", m.code()));
        model.addAttribute("form", form);
        return form(actor, model, trial);
    }

    @PostMapping("/trials/{id}/plan")
    String revise(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        Trial trial = managed(actor, id);
        try {
            trials.revise(actor, id, PlanForm.plan(form), form.getFirst("note"));
            return "redirect:/trials/" + id + "?saved";
        } catch (TrialRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formField", e.field());
            model.addAttribute("form", form);
            return form(actor, model, trial);
        }
    }

    @GetMapping("/trials/{id}")
    String trial(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Trial trial = trials.trial(id);
        Findings found = findings.findings(actor, id);
        model.addAttribute("trial", trial);
        model.addAttribute("findings", found);
        model.addAttribute("sections", sections(found));
        model.addAttribute("versions", trials.versions(id));
        model.addAttribute("mayManage", trials.mayManage(actor, trial));
        model.addAttribute("mayRecord", trials.mayRecord(actor, trial));
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("names", names(List.of(trial)));
        model.addAttribute("guideEntries", trials.guideEntries());
        return "trials/trial";
    }

    @PostMapping("/trials/{id}/start")
    String start(@PathVariable long id, RedirectAttributes redirect) {
        trials.start(Actor.current().orElseThrow(), id);
        redirect.addFlashAttribute("flash", "trials.flash.started");
        return "redirect:/trials/" + id;
    }

    @PostMapping("/trials/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String rationale, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            trials.decide(actor, id, Decision.of(decision, "decision"), rationale);
        } catch (TrialRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("decisionError", e.messageKey());
            model.addAttribute("decisionField", e.field());
            model.addAttribute("rationale", rationale);
            return trial(id, model);
        }
        redirect.addFlashAttribute("flash", "trials.flash.decided");
        return "redirect:/trials/" + id + "/report";
    }

    @GetMapping("/trials/{id}/report")
    String report(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Trial trial = trials.trial(id);
        Findings found = findings.findings(actor, id);
        model.addAttribute("trial", trial);
        model.addAttribute("findings", found);
        model.addAttribute("sections", sections(found));
        model.addAttribute("names", names(List.of(trial)));
        model.addAttribute("printed", SwedishTime.today(clock));
        model.addAttribute("guideEntries", trials.guideEntries());
        return "trials/report";
    }

    private Trial managed(Actor actor, long id) {
        Trial trial = trials.trial(id);
        if (!trials.mayManage(actor, trial)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return trial;
    }

    private String form(Actor actor, Model model, Trial trial) {
        List<Unit> within = organisation.unitsWithin(actor.scope());
        List<Unit> comparison = actor.scope().type() == ScopeType.UNIT
                ? organisation.municipalityOf(actor.scope()).map(organisation::units).orElse(within) : within;
        model.addAttribute("trialChoices", within.stream().filter(Unit::active).toList());
        model.addAttribute("comparisonChoices", comparison.stream().filter(Unit::active).toList());
        model.addAttribute("instruments", catalogue.instruments());
        model.addAttribute("guideEntries", trials.guideEntries());
        model.addAttribute("toolKinds", ToolKind.values());
        model.addAttribute("periods", PeriodKind.values());
        model.addAttribute("measures", Measure.values());
        model.addAttribute("trial", trial);
        return "trials/form";
    }

    static List<SectionView> sections(Findings findings) {
        return findings.sections().stream().map(s -> new SectionView(s.measure(), s.signal(),
                s.charts().stream().map(c -> new ChartView(c, ChartGeometry.of(c.chart()))).toList())).toList();
    }

    private Map<String, String> names(List<Trial> list) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Trial t : list) {
            for (Participant p : t.plan().participants()) {
                names.computeIfAbsent(p.unitCode(), c -> organisation.unit(c).map(Unit::name).orElse(c));
            }
        }
        return names;
    }
}
