package se.samsyn.competence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.competence.CompetenceRejected;
import se.samsyn.competence.Degree;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.EmploymentForm;
import se.samsyn.competence.GapAnalysis;
import se.samsyn.competence.Introductions;
import se.samsyn.competence.ProtectedTitle;
import se.samsyn.competence.RegulatedTask;
import se.samsyn.competence.Requirement;
import se.samsyn.competence.RequirementKind;
import se.samsyn.competence.Requirements;
import se.samsyn.competence.StaffRegister;
import se.samsyn.competence.StaffRole;
import se.samsyn.competence.StaffRow;
import se.samsyn.imports.PlainValues;
import se.samsyn.imports.TabularFile;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.ScopeType;

/**
 * The competence pages: the start page (the way in for each role), the requirement catalogue with
 * its form, a unit's staff register with its form, and the HR import. The register's service
 * checks every permission; a page for a unit the reader may not see answers 404.
 */
@Controller
class CompetencePages {

    private final Requirements requirements;
    private final StaffRegister staff;
    private final Organisation organisation;
    private final GapAnalysis gaps;
    private final Introductions introductions;
    private final se.samsyn.competence.Workforce workforce;

    CompetencePages(Requirements requirements, StaffRegister staff, Organisation organisation, GapAnalysis gaps,
                    Introductions introductions, se.samsyn.competence.Workforce workforce) {
        this.workforce = workforce;
        this.requirements = requirements;
        this.staff = staff;
        this.organisation = organisation;
        this.gaps = gaps;
        this.introductions = introductions;
    }

    @GetMapping("/competence")
    String start(Model model) {
        Actor actor = Actor.current().orElseThrow();
        List<Unit> units = List.of();
        if (actor.scope().type() == ScopeType.UNIT) {
            units = organisation.unit(actor.scope().code()).stream().toList();
        } else if (actor.scope().type() == ScopeType.MUNICIPALITY) {
            units = organisation.units(actor.scope().code());
        }
        model.addAttribute("namedUnits", units.stream().filter(u -> staff.maySeeNames(actor, u.code())).toList());
        model.addAttribute("caseWorker", actor.role() == Role.CASE_WORKER);
        model.addAttribute("overviewMunicipality", actor.scope().type() == ScopeType.MUNICIPALITY
                && actor.role() != Role.KNOWLEDGE_EDITOR ? actor.scope().code() : null);
        return "competence/start";
    }

    @GetMapping("/competence/requirements")
    String catalogue(Model model) {
        Actor actor = Actor.current().orElseThrow();
        Optional<String> municipality = organisation.municipalityOf(actor.scope());
        model.addAttribute("requirements", requirements.catalogue(municipality.orElse(null)));
        model.addAttribute("trainings", requirements.trainings());
        List<RequirementKind> kinds = java.util.Arrays.stream(RequirementKind.values())
                .filter(k -> requirements.mayKeep(actor, probe(k, municipality.orElse(null)))).toList();
        model.addAttribute("keepableKinds", kinds);
        model.addAttribute("ownMunicipality", municipality.orElse(null));
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("tasks", RegulatedTask.values());
        model.addAttribute("degrees", Degree.values());
        model.addAttribute("components", DegreeComponent.values());
        model.addAttribute("titles", ProtectedTitle.values());
        return "competence/requirements";
    }

    @PostMapping("/competence/requirements")
    String saveRequirement(@RequestParam MultiValueMap<String, String> form, Model model,
                           HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            RequirementRequest request = new RequirementRequest(form.getFirst("kind"),
                    "local".equals(form.getFirst("kind")) ? organisation.municipalityOf(actor.scope()).orElse(null) : null,
                    form.getFirst("titleSv"), form.getFirst("titleEn"), form.getFirst("role"), form.getFirst("task"),
                    form.get("degrees"), form.get("components"), form.getFirst("training"),
                    decimal(form.getFirst("minYears"), "minYears", "competence.error.prior-years"),
                    form.getFirst("title"), months(form.getFirst("withinMonths")), form.getFirst("source"),
                    form.getFirst("sourceUrl"));
            Requirement saved = requirements.save(actor, request.toRequirement(text(form.getFirst("code"))));
            redirect.addFlashAttribute("flash", "competence.flash.requirement-saved");
            redirect.addFlashAttribute("flashArg", saved.code());
            return "redirect:/competence/requirements";
        } catch (CompetenceRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formField", e.field());
            model.addAttribute("form", form.toSingleValueMap());
            return catalogue(model);
        }
    }

    @GetMapping("/competence/units/{unit}")
    String unit(@PathVariable String unit, Model model) {
        Actor actor = Actor.current().orElseThrow();
        model.addAttribute("staff", staff.staff(actor, unit));
        model.addAttribute("matrix", gaps.unit(actor, unit));
        model.addAttribute("introductions", introductions.unit(actor, unit));
        model.addAttribute("vacancies", workforce.vacancies(actor, unit));
        Unit found = organisation.unit(unit).orElseThrow();
        model.addAttribute("programmes", introductions.programmes(found.municipalityCode()));
        model.addAttribute("unit", found);
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("employments", EmploymentForm.values());
        model.addAttribute("tasks", RegulatedTask.values());
        return "competence/unit";
    }

    /**
     * One person's history of changes ({@code cpt_employee_history}): what changed, from what to
     * what, when, by whom and via form, API, import or a completed plan, newest first. Only the
     * unit's manager and the municipality's administrator; both reads are audited by the register
     * (COMPETENCE_EMPLOYEE_READ, COMPETENCE_HISTORY_READ); anyone else gets 404, audited as refused.
     */
    @GetMapping("/competence/units/{unit}/staff/{number}/history")
    String history(@PathVariable String unit, @PathVariable String number, Model model) {
        Actor actor = Actor.current().orElseThrow();
        model.addAttribute("employee", staff.employee(actor, unit, number));
        model.addAttribute("history", staff.history(actor, unit, number));
        model.addAttribute("unit", organisation.unit(unit).orElseThrow());
        return "competence/history";
    }

    @PostMapping("/competence/units/{unit}/staff")
    String saveEmployee(@PathVariable String unit, @RequestParam MultiValueMap<String, String> form, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        StaffRow row = new StaffRow(text(form.getFirst("employeeNumber")), form.getFirst("name"), form.getFirst("role"),
                form.getFirst("employment"), form.getFirst("startDate"), form.getFirst("endDate"),
                form.getFirst("priorYears"), form.getFirst("degrees"), form.getFirst("supplementary"),
                form.getFirst("trainings"), form.get("tasks") == null ? "" : String.join(";", form.get("tasks")),
                form.getFirst("titles"));
        try {
            StaffRegister.SaveOutcome outcome = staff.save(actor, unit, row, "page");
            redirect.addFlashAttribute("flash", "competence.flash.employee-" + outcome.status());
            redirect.addFlashAttribute("flashArg", row.employeeNumber());
            return "redirect:/competence/units/" + unit;
        } catch (CompetenceRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formField", e.field());
            model.addAttribute("form", form.toSingleValueMap());
            return unit(unit, model);
        }
    }

    @PostMapping("/competence/units/{unit}/plans")
    String plan(@PathVariable String unit, @RequestParam MultiValueMap<String, String> form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            java.util.Set<DegreeComponent> components = java.util.EnumSet.noneOf(DegreeComponent.class);
            for (String c : form.getOrDefault("components", List.of())) {
                components.add(DegreeComponent.fromCode(c).orElseThrow(() -> new CompetenceRejected("components",
                        "competence.error.components")));
            }
            GapAnalysis.PlanItem item = gaps.plan(actor, unit, new GapAnalysis.NewPlanItem(form.getFirst("employeeNumber"),
                    form.getFirst("requirement"), form.getFirst("course"), form.getFirst("training"), components,
                    date(form.getFirst("plannedOn"), "plannedOn")));
            redirect.addFlashAttribute("flash", "competence.flash.plan-added");
            redirect.addFlashAttribute("flashArg", item.course());
            return "redirect:/competence/units/" + unit;
        } catch (CompetenceRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("planError", e.messageKey());
            return unit(unit, model);
        }
    }

    @PostMapping("/competence/units/{unit}/plans/{id}/completion")
    String complete(@PathVariable String unit, @PathVariable long id, @RequestParam(required = false) String completedOn,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            GapAnalysis.PlanItem item = gaps.complete(actor, unit, id, date(completedOn, "completedOn"));
            redirect.addFlashAttribute("flash", "competence.flash.plan-completed");
            redirect.addFlashAttribute("flashArg", item.course());
            return "redirect:/competence/units/" + unit;
        } catch (CompetenceRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("planError", e.messageKey());
            return unit(unit, model);
        }
    }

    @PostMapping("/competence/units/{unit}/introductions")
    String startIntroduction(@PathVariable String unit, @RequestParam MultiValueMap<String, String> form, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        try {
            String start = form.getFirst("startedOn");
            Introductions.Progress p = introductions.start(Actor.current().orElseThrow(), unit,
                    form.getFirst("employeeNumber"), form.getFirst("programme"), form.getFirst("mentor"),
                    start == null || start.isBlank() ? null : date(start, "startedOn"));
            redirect.addFlashAttribute("flash", "competence.flash.introduction-started");
            redirect.addFlashAttribute("flashArg", p.name());
            return "redirect:/competence/units/" + unit;
        } catch (CompetenceRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("introError", e.messageKey());
            return unit(unit, model);
        }
    }

    @PostMapping("/competence/units/{unit}/introductions/{id}/items/{item}")
    String checkItem(@PathVariable String unit, @PathVariable long id, @PathVariable long item,
                     @RequestParam(required = false) String doneOn, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        try {
            introductions.check(Actor.current().orElseThrow(), unit, id, item, date(doneOn, "doneOn"));
            redirect.addFlashAttribute("flash", "competence.flash.item-checked");
            redirect.addFlashAttribute("flashArg", doneOn);
            return "redirect:/competence/units/" + unit;
        } catch (CompetenceRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("introError", e.messageKey());
            return unit(unit, model);
        }
    }

    @PostMapping("/competence/units/{unit}/introductions/{id}/mentor")
    String assignMentor(@PathVariable String unit, @PathVariable long id, @RequestParam(required = false) String mentor,
                        @RequestParam(required = false) String mentorAccount, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Introductions.Progress p = introductions.assignMentor(Actor.current().orElseThrow(), unit, id, mentor,
                    mentorAccount);
            redirect.addFlashAttribute("flash", "competence.flash.mentor-assigned");
            redirect.addFlashAttribute("flashArg", p.name());
            return "redirect:/competence/units/" + unit;
        } catch (CompetenceRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("introError", e.messageKey());
            return unit(unit, model);
        }
    }

    @PostMapping("/competence/units/{unit}/vacancies")
    String reportVacancies(@PathVariable String unit, @RequestParam(required = false) String month,
                           @RequestParam(required = false) String openPosts, Model model,
                           HttpServletResponse response, RedirectAttributes redirect) {
        try {
            java.time.YearMonth m;
            try {
                m = java.time.YearMonth.parse(month == null ? "" : month.strip());
            } catch (java.time.format.DateTimeParseException e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                throw new CompetenceRejected("month", "competence.error.month");
            }
            int posts = PlainValues.integer(openPosts).orElseThrow(() -> new CompetenceRejected("openPosts",
                    "competence.error.open-posts"));
            workforce.reportVacancies(Actor.current().orElseThrow(), unit, m, posts);
            redirect.addFlashAttribute("flash", "competence.flash.vacancies");
            redirect.addFlashAttribute("flashArg", m.toString());
            return "redirect:/competence/units/" + unit;
        } catch (CompetenceRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("vacancyError", e.messageKey());
            return unit(unit, model);
        }
    }

    @GetMapping("/competence/municipalities/{code}")
    String overview(@PathVariable String code, Model model) {
        model.addAttribute("overview", gaps.municipality(Actor.current().orElseThrow(), code));
        model.addAttribute("municipalityName", organisation.municipality(code).map(m -> m.name()).orElse(code));
        return "competence/municipality";
    }

    private static Requirement probe(RequirementKind kind, String municipality) {
        return new Requirement("probe", kind, kind == RequirementKind.LOCAL ? municipality : null, "", null, null, null,
                null, null, null, null, null, null, "", null);
    }

    private static java.time.LocalDate date(String text, String field) {
        PlainValues.DateValue d = PlainValues.date(text, java.time.LocalDate.now().plusYears(5));
        if (d.problem() != null) {
            throw new CompetenceRejected(field, d.problem().messageKey());
        }
        return d.date();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static BigDecimal decimal(String text, String field, String key) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return PlainValues.decimal(text).orElseThrow(() -> new CompetenceRejected(field, key));
    }

    private static Integer months(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return PlainValues.integer(text).orElseThrow(() -> new CompetenceRejected("withinMonths",
                "competence.error.within-months"));
    }
}
