package se.samsyn.trials.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import se.samsyn.followup.Catalogue;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.ScopeType;
import se.samsyn.shared.SwedishTime;
import se.samsyn.trials.Annotation;
import se.samsyn.trials.Improvement;
import se.samsyn.trials.Measure;
import se.samsyn.trials.PeriodKind;
import se.samsyn.trials.RunChart;
import se.samsyn.trials.TrialRejected;

/**
 * Improvement work (issue 15, point 6): the run chart of a follow-up measure of one instrument for
 * a unit or municipality, with the PDSA annotations of the changes made and a form to add one.
 * Query parameters: {@code scope} (unit or municipality code; default the reader's own unit or
 * municipality), {@code instrument}, {@code measure}, {@code period} (week or month), {@code from},
 * {@code to} (default the last 12 months). The baseline ends at the first annotation.
 */
@Controller
class ImprovementPages {

    static final List<Measure> MEASURES = Arrays.stream(Measure.values()).filter(Measure::fromFollowup).toList();

    private final Improvement improvement;
    private final Catalogue catalogue;
    private final Organisation organisation;
    private final Clock clock;
    private final se.samsyn.comparison.Indicators indicators;

    ImprovementPages(Improvement improvement, Catalogue catalogue, Organisation organisation, Clock clock,
                     se.samsyn.comparison.Indicators indicators) {
        this.indicators = indicators;
        this.improvement = improvement;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.clock = clock;
    }

    /**
     * The improvement page; a unit or municipality the register does not know is refused with 422
     * and a message in words, the other fields kept ({@code response} null when called to show a
     * refused annotation again).
     */
    @GetMapping("/trials/improvement")
    String page(@RequestParam(required = false) String scope, @RequestParam(defaultValue = "who5") String instrument,
                @RequestParam(defaultValue = "measurements") String measure,
                @RequestParam(defaultValue = "month") String period, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        String code = scope == null || scope.isBlank() ? ownScope(actor) : scope.strip();
        LocalDate today = SwedishTime.today(clock);
        LocalDate until = orDefault(to, "to", today);
        LocalDate since = orDefault(from, "from", until.minusMonths(12).plusDays(1));
        Measure m = Measure.of(measure, "measure");
        model.addAttribute("scope", code);
        model.addAttribute("instrument", instrument);
        model.addAttribute("measure", m);
        model.addAttribute("period", PeriodKind.of(period, "period"));
        model.addAttribute("from", since);
        model.addAttribute("to", until);
        model.addAttribute("instruments", catalogue.instruments());
        model.addAttribute("measures", MEASURES);
        model.addAttribute("periods", PeriodKind.values());
        model.addAttribute("today", today);
        if (code == null) {
            return "trials/improvement";
        }
        boolean known = code.matches("\\d{4}") ? organisation.municipality(code).isPresent()
                : organisation.unit(code).isPresent();
        if (!known) {
            model.addAttribute("scopeError", "trials.error.scope-unknown");
            if (response != null) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return "trials/improvement";
        }
        List<Annotation> annotations = improvement.annotations(actor, code, instrument, m);
        LocalDate change = annotations.isEmpty() ? null : annotations.get(0).notedOn();
        RunChart chart = improvement.chart(actor, code, instrument, m, PeriodKind.of(period, "period"), since, until, change);
        model.addAttribute("chart", chart);
        model.addAttribute("view", new TrialPages.ChartView(null, ChartGeometry.of(chart)));
        model.addAttribute("annotations", annotations);
        model.addAttribute("mayAnnotate", improvement.mayAnnotate(actor, code));
        model.addAttribute("scopeName", code.matches("\\d{4}")
                ? organisation.municipality(code).map(x -> x.name()).orElse(code)
                : organisation.unit(code).map(u -> u.name()).orElse(code));
        return "trials/improvement";
    }

    @PostMapping("/trials/improvement/annotations")
    String annotate(@RequestParam String scope, @RequestParam String instrument, @RequestParam String measure,
                    @RequestParam(defaultValue = "month") String period, @RequestParam(required = false) String notedOn,
                    @RequestParam(required = false) String plan, @RequestParam(required = false) String done,
                    @RequestParam(required = false) String seen, @RequestParam(required = false) String next,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            improvement.annotate(actor, scope, instrument, Measure.of(measure, "measure"),
                    new Annotation(BurdenPages.parseDate(notedOn, "notedOn"), plan, done, seen, next));
        } catch (TrialRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formField", e.field());
            return page(scope, instrument, measure, period, null, null, model, null);
        }
        redirect.addFlashAttribute("flash", "trials.flash.annotated");
        return "redirect:" + UriComponentsBuilder.fromPath("/trials/improvement").queryParam("scope", scope)
                .queryParam("instrument", instrument).queryParam("measure", measure).queryParam("period", period)
                .encode().toUriString();
    }

    /**
     * A comparison indicator of a municipality, one point per year, with its PDSA notes. Query
     * parameters {@code municipality} (default the reader's own) and {@code indicator}.
     */
    @GetMapping("/trials/improvement/indicator")
    String indicator(@RequestParam(required = false) String municipality,
                     @RequestParam(required = false) String indicator, Model model, HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        String code = municipality == null || municipality.isBlank()
                ? organisation.municipalityOf(actor.scope()).orElse(null) : municipality.strip();
        List<se.samsyn.comparison.Indicator> visible = indicators.visible(actor);
        model.addAttribute("indicators", visible);
        model.addAttribute("municipality", code);
        model.addAttribute("indicatorId", indicator);
        model.addAttribute("today", SwedishTime.today(clock));
        if (code != null && (!code.matches("\\d{4}") || organisation.municipality(code).isEmpty())) {
            model.addAttribute("scopeError", "trials.error.municipality-unknown");
            if (response != null) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return "trials/indicator";
        }
        if (code == null || indicator == null || indicator.isBlank()) {
            return "trials/indicator";
        }
        RunChart chart = improvement.indicatorChart(actor, code, indicator);
        model.addAttribute("chart", chart);
        model.addAttribute("view", new TrialPages.ChartView(null, ChartGeometry.of(chart)));
        model.addAttribute("annotations", improvement.indicatorAnnotations(actor, code, indicator));
        model.addAttribute("mayAnnotate", improvement.mayAnnotate(actor, code));
        model.addAttribute("indicatorTitle", visible.stream().filter(i -> i.id().equals(indicator)).findFirst()
                .map(i -> i.title(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage()))
                .orElse(indicator));
        model.addAttribute("scopeName", organisation.municipality(code).map(x -> x.name()).orElse(code));
        return "trials/indicator";
    }

    @PostMapping("/trials/improvement/indicator/annotations")
    String annotateIndicator(@RequestParam String municipality, @RequestParam String indicator,
                             @RequestParam(required = false) String notedOn, @RequestParam(required = false) String plan,
                             @RequestParam(required = false) String done, @RequestParam(required = false) String seen,
                             @RequestParam(required = false) String next, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            improvement.annotateIndicator(actor, municipality, indicator,
                    new Annotation(BurdenPages.parseDate(notedOn, "notedOn"), plan, done, seen, next));
        } catch (TrialRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formField", e.field());
            return indicator(municipality, indicator, model, null);
        }
        redirect.addFlashAttribute("flash", "trials.flash.annotated");
        return "redirect:" + UriComponentsBuilder.fromPath("/trials/improvement/indicator")
                .queryParam("municipality", municipality).queryParam("indicator", indicator).encode().toUriString();
    }

    private static String ownScope(Actor actor) {
        return actor.scope().type() == ScopeType.UNIT || actor.scope().type() == ScopeType.MUNICIPALITY
                ? actor.scope().code() : null;
    }

    private static LocalDate orDefault(String value, String field, LocalDate fallback) {
        LocalDate parsed = BurdenPages.parseDate(value, field);
        return parsed == null ? fallback : parsed;
    }
}
