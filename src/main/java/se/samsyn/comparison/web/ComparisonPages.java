package se.samsyn.comparison.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import se.samsyn.comparison.AgeBands;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Direction;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.IndicatorKind;
import se.samsyn.comparison.IndicatorRejected;
import se.samsyn.comparison.Indicators;
import se.samsyn.comparison.MeasureType;
import se.samsyn.comparison.NewIndicator;
import se.samsyn.comparison.PeerGroups;
import se.samsyn.comparison.QualityDimension;
import se.samsyn.comparison.RefreshRunning;
import se.samsyn.comparison.SimilarMunicipalities;
import se.samsyn.comparison.Template;
import se.samsyn.followup.Catalogue;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;
import tools.jackson.databind.json.JsonMapper;

/** The open-comparison pages: the indicator list, an indicator, a municipality's profile, peers, definitions. */
@Controller
class ComparisonPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Indicators indicators;
    private final Comparisons comparisons;
    private final SimilarMunicipalities similar;
    private final PeerGroups peerGroups;
    private final Organisation organisation;
    private final Catalogue catalogue;
    private final Sparklines sparklines = new Sparklines();

    private final se.samsyn.prevention.ActivityCatalogue prevention;
    private final Clock clock;

    ComparisonPages(Indicators indicators, Comparisons comparisons, SimilarMunicipalities similar, PeerGroups peerGroups,
                    Organisation organisation, Catalogue catalogue, se.samsyn.prevention.ActivityCatalogue prevention,
                    Clock clock) {
        this.prevention = prevention;
        this.clock = clock;
        this.indicators = indicators;
        this.comparisons = comparisons;
        this.similar = similar;
        this.peerGroups = peerGroups;
        this.organisation = organisation;
        this.catalogue = catalogue;
    }

    /** The colour cut points as whole percentages (green, yellow, red), for the note that the colours are relative. */
    @ModelAttribute("colourCuts")
    List<Integer> colourCuts() {
        int green = (int) Math.round(comparisons.greenPercent());
        int red = (int) Math.round(comparisons.redPercent());
        return List.of(green, 100 - green - red, red);
    }

    @ModelAttribute("mayManage")
    boolean mayManage() {
        return indicators.mayManage(actor());
    }

    @GetMapping("/comparisons")
    String start(@RequestParam(required = false) String focusArea, @RequestParam(required = false) String kind, Model model) {
        List<Indicator> list = indicators.visible(actor()).stream()
                .filter(i -> focusArea == null || focusArea.isBlank() || focusArea.equals(i.focusArea()))
                .filter(i -> kind == null || kind.isBlank() || kind.equals(i.kind().code()))
                .toList();
        model.addAttribute("indicators", list);
        model.addAttribute("focusAreas", FocusArea.values());
        model.addAttribute("kinds", IndicatorKind.values());
        model.addAttribute("focusArea", focusArea);
        model.addAttribute("kind", kind);
        model.addAttribute("ownMunicipality", actor() == null ? null : organisation.municipalityOf(actor().scope()).orElse(null));
        return "comparison/start";
    }

    @GetMapping("/comparisons/profile")
    String chooseProfile(@RequestParam String municipality) {
        return "redirect:/comparisons/municipalities/" + municipality.replaceAll("[^0-9]", "");
    }

    @GetMapping("/comparisons/indicators/{id}")
    String indicator(@PathVariable String id, @RequestParam(required = false) Integer year,
                     @RequestParam(defaultValue = "T") String gender, @RequestParam(required = false) String county,
                     @RequestParam(required = false) String group, @RequestParam(defaultValue = "name") String sort,
                     @RequestParam(required = false) String municipality, Model model) {
        Comparisons.IndicatorTable table = comparisons.table(actor(), id, year, gender, county, group);
        int currentYear = SwedishTime.today(clock).getYear();
        if (year == null && table.year() >= currentYear) {
            table = latestFinishedYear(id, table, currentYear, gender, county, group);
        }
        model.addAttribute("currentYear", currentYear);
        model.addAttribute("currentYearStored", table.years().contains(currentYear));
        model.addAttribute("openedOnLatest", year == null);
        List<Comparisons.MunicipalityResult> rows = new ArrayList<>(table.municipalities());
        Comparator<Comparisons.MunicipalityResult> byRank = Comparator.comparing(r -> r.rank() == null ? Integer.MAX_VALUE : r.rank());
        switch (sort) {
            case "rank" -> rows.sort(byRank);
            case "rank-desc" -> rows.sort(byRank.reversed());
            case "name-desc" -> java.util.Collections.reverse(rows);
            default -> { }
        }
        model.addAttribute("table", table);
        model.addAttribute("rows", rows);
        model.addAttribute("sort", sort);
        model.addAttribute("county", county);
        model.addAttribute("group", group);
        model.addAttribute("municipality", municipality);
        model.addAttribute("counties", organisation.counties());
        model.addAttribute("groups", organisation.groups());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("guideEntry", comparisons.guideEntry(actor(), id).orElse(null));
        model.addAttribute("trendJson", json(comparisons.trend(actor(), id, municipality, table.gender())));
        return "comparison/indicator";
    }

    /**
     * The table the indicator page opens on when no year is asked for: the latest year before the
     * current (Swedish) calendar year whose results show at least one value (the nation's or a
     * municipality's), since the current year's figures cover only the year so far. The given table
     * (the latest stored year) when no earlier year has a shown value.
     */
    private Comparisons.IndicatorTable latestFinishedYear(String id, Comparisons.IndicatorTable latest, int currentYear,
                                                          String gender, String county, String group) {
        List<Integer> years = latest.years();
        for (int k = years.size() - 1; k >= 0; k--) {
            int year = years.get(k);
            if (year < currentYear) {
                Comparisons.IndicatorTable earlier = comparisons.table(actor(), id, year, gender, county, group);
                if (hasShownValue(earlier)) {
                    return earlier;
                }
            }
        }
        return latest;
    }

    private static boolean hasShownValue(Comparisons.IndicatorTable table) {
        return table.nation() != null && table.nation().published().shown()
                || table.municipalities().stream().anyMatch(r -> r.result().published().shown());
    }

    @PostMapping("/comparisons/indicators/{id}/refresh")
    String refresh(@PathVariable String id, RedirectAttributes redirect) {
        try {
            indicators.refresh(actor(), id);
            redirect.addFlashAttribute("flash", "comparison.flash.refreshed");
        } catch (RefreshRunning e) {
            redirect.addFlashAttribute("flash", "comparison.flash.refresh-running");
            redirect.addFlashAttribute("flashArg", e.progress().done() + "/" + e.progress().total());
        }
        return "redirect:/comparisons/indicators/" + id;
    }

    @PostMapping("/comparisons/refresh")
    String refreshAll(RedirectAttributes redirect) {
        try {
            int count = indicators.refreshAll(actor());
            redirect.addFlashAttribute("flash", "comparison.flash.refreshed-all");
            redirect.addFlashAttribute("flashArg", count);
        } catch (RefreshRunning e) {
            redirect.addFlashAttribute("flash", "comparison.flash.refresh-running");
            redirect.addFlashAttribute("flashArg", e.progress().done() + "/" + e.progress().total());
        }
        return "redirect:/comparisons";
    }

    @PostMapping("/comparisons/indicators/{id}/publication")
    String publish(@PathVariable String id, @RequestParam boolean published, RedirectAttributes redirect) {
        indicators.publish(actor(), id, published);
        redirect.addFlashAttribute("flash", published ? "comparison.flash.published" : "comparison.flash.unpublished");
        return "redirect:/comparisons/indicators/" + id;
    }

    @PostMapping("/comparisons/indicators/{id}/direction")
    String direct(@PathVariable String id, @RequestParam String direction, RedirectAttributes redirect) {
        indicators.direct(actor(), id, Direction.fromCode(direction).orElse(Direction.NEUTRAL));
        redirect.addFlashAttribute("flash", "comparison.flash.direction");
        return "redirect:/comparisons/indicators/" + id;
    }

    /**
     * The form to define an indicator. It starts unpublished; {@code template} (and any other field
     * given, as the form's "Visa mallens fält" button sends them without JavaScript) chooses which
     * template's fields it shows, keeping what was typed.
     */
    @GetMapping("/comparisons/indicators/new")
    String form(@RequestParam(required = false) String template, @ModelAttribute("typed") NewIndicator typed,
                Model model) {
        if (!indicators.mayManage(actor())) {
            throw new AccessDeniedException("Only national analysts manage indicators");
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", template == null
                    ? new NewIndicator("", "", "", "", "", "", "quality", "", "", "higher", "improved-share", "who5", "",
                    "", "", false)
                    : typed);
        }
        formOptions(model);
        return "comparison/define";
    }

    @PostMapping("/comparisons/indicators")
    String define(@ModelAttribute NewIndicator form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Indicator created = indicators.define(actor(), form);
            redirect.addFlashAttribute("flash", "comparison.flash.defined");
            redirect.addFlashAttribute("flashArg", created.id());
            return "redirect:/comparisons/indicators/" + created.id();
        } catch (IndicatorRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("form", form);
            model.addAttribute("problems", e.problems());
            formOptions(model);
            return "comparison/define";
        }
    }

    private void formOptions(Model model) {
        model.addAttribute("templates", Template.values());
        Map<String, String> fieldsOf = new LinkedHashMap<>();
        for (Template t : Template.values()) {
            fieldsOf.put(t.code(), String.join(" ", t.fields()));
        }
        model.addAttribute("templateFields", fieldsOf);
        model.addAttribute("kinds", IndicatorKind.values());
        model.addAttribute("dimensions", QualityDimension.values());
        model.addAttribute("measureTypes", MeasureType.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("focusAreas", FocusArea.values());
        model.addAttribute("instruments", catalogue.instruments());
        model.addAttribute("interventions", catalogue.interventions());
        model.addAttribute("activityKinds", prevention.kinds());
        model.addAttribute("questionnaires", prevention.questionnaires());
        model.addAttribute("ageBands", AgeBands.ALL);
    }

    @GetMapping("/comparisons/municipalities/{code}")
    String profile(@PathVariable String code, Model model) {
        SimilarMunicipalities.Result peers = similar.similar(actor(), code, Map.of(), SimilarMunicipalities.DEFAULT_COUNT);
        List<String> similarCodes = peers.matches().stream().map(m -> m.municipality().code()).toList();
        model.addAttribute("municipality", organisation.requireMunicipality(code));
        List<Comparisons.ProfileLine> lines = comparisons.profile(actor(), code, similarCodes);
        Map<String, String> sparks = new LinkedHashMap<>();
        lines.forEach(l -> sparks.put(l.indicator().id(), sparklines.points(l.trend(), 90, 24)));
        model.addAttribute("lines", lines);
        model.addAttribute("sparks", sparks);
        model.addAttribute("similar", peers);
        model.addAttribute("peerGroups", peerGroups.containing(code));
        model.addAttribute("municipalities", organisation.municipalities());
        return "comparison/profile";
    }

    @GetMapping("/comparisons/municipalities/{code}/similar")
    String similar(@PathVariable String code, @RequestParam(required = false) List<String> figure,
                   @RequestParam Map<String, String> params, @RequestParam(defaultValue = "7") int count, Model model) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (figure != null) {
            for (String f : figure) {
                weights.put(f, parseWeight(params.get("weight-" + f)));
            }
        }
        SimilarMunicipalities.Result result = similar.similar(actor(), code, weights, count);
        model.addAttribute("result", result);
        model.addAttribute("figures", similar.keyFigures(actor()));
        model.addAttribute("count", count);
        return "comparison/similar";
    }

    private static double parseWeight(String text) {
        try {
            return text == null || text.isBlank() ? 1.0 : Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }

    @GetMapping("/comparisons/peer-groups")
    String peerGroups(Model model) {
        model.addAttribute("peerGroups", peerGroups.all());
        model.addAttribute("focusAreas", FocusArea.values());
        Map<String, String> names = new LinkedHashMap<>();
        organisation.municipalities().forEach(m -> names.put(m.code(), m.name()));
        model.addAttribute("names", names);
        model.addAttribute("municipalities", organisation.municipalities());
        return "comparison/peer-groups";
    }

    @PostMapping("/comparisons/peer-groups")
    String createPeerGroup(@RequestParam String name, @RequestParam String focusArea,
                           @RequestParam(defaultValue = "") String description,
                           @RequestParam(required = false) List<String> members, RedirectAttributes redirect) {
        try {
            peerGroups.create(actor(), name, focusArea, description, members == null ? List.of() : members);
            redirect.addFlashAttribute("flash", "comparison.flash.peer-group");
            redirect.addFlashAttribute("flashArg", name);
        } catch (IndicatorRejected e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/comparisons/peer-groups";
    }

    @PostMapping("/comparisons/peer-groups/{id}/delete")
    String deletePeerGroup(@PathVariable long id, RedirectAttributes redirect) {
        peerGroups.delete(actor(), id);
        redirect.addFlashAttribute("flash", "comparison.flash.peer-group-deleted");
        return "redirect:/comparisons/peer-groups";
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static Actor actor() {
        return Actor.current().orElse(null);
    }
}
