package se.samsyn.organisation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.MunicipalityFilter;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.PopulationBand;
import se.samsyn.organisation.PopulationYear;
import tools.jackson.databind.json.JsonMapper;

/** Public pages: the municipality list, a municipality's page and the map of Sweden. */
@Controller
class MunicipalityPages {

    static final List<String> AGE_BANDS = List.of("0-5", "6-15", "16-19", "20-64", "65-79", "80+");
    private final Organisation organisation;
    private final JsonMapper json = JsonMapper.builder().build();

    MunicipalityPages(Organisation organisation) {
        this.organisation = organisation;
    }

    @GetMapping("/municipalities")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String county,
                @RequestParam(required = false) String group,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        List<Municipality> found = organisation.municipalities(new MunicipalityFilter(q, county, group));
        model.addAttribute("municipalities", found);
        model.addAttribute("q", q);
        model.addAttribute("county", county);
        model.addAttribute("group", group);
        model.addAttribute("counties", organisation.counties());
        model.addAttribute("groups", organisation.groups());
        model.addAttribute("totalPopulation", found.stream()
                .mapToLong(m -> m.population() == null ? 0 : m.population()).sum());
        return htmx != null ? "organisation/fragments/municipality-table :: table" : "organisation/municipalities";
    }

    @GetMapping("/municipalities/{code}")
    String municipality(@PathVariable String code, Model model) {
        Municipality m = organisation.municipality(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<PopulationBand> bands = organisation.populationBands(code);
        int latest = bands.stream().mapToInt(PopulationBand::year).max().orElse(0);
        Map<String, int[]> pyramid = new LinkedHashMap<>();
        for (String band : AGE_BANDS) {
            pyramid.put(band, new int[] {0, 0, 0});
        }
        for (PopulationBand b : bands) {
            if (b.year() == latest && pyramid.containsKey(b.ageBand())) {
                int index = switch (b.sex()) {
                    case "K" -> 0;
                    case "M" -> 1;
                    default -> 2;
                };
                pyramid.get(b.ageBand())[index] = b.population();
            }
        }
        List<PopulationYear> trend = organisation.populationTrend(code);
        model.addAttribute("municipality", m);
        model.addAttribute("county", organisation.county(m.countyCode()).orElse(null));
        model.addAttribute("pyramidYear", latest);
        model.addAttribute("pyramid", pyramid);
        model.addAttribute("pyramidJson", json.writeValueAsString(Map.of(
                "bands", AGE_BANDS,
                "women", AGE_BANDS.stream().map(b -> pyramid.get(b)[0]).toList(),
                "men", AGE_BANDS.stream().map(b -> pyramid.get(b)[1]).toList())));
        model.addAttribute("trend", trend);
        model.addAttribute("trendJson", json.writeValueAsString(Map.of(
                "years", trend.stream().map(PopulationYear::year).toList(),
                "totals", trend.stream().map(PopulationYear::total).toList())));
        model.addAttribute("units", organisation.units(code));
        return "organisation/municipality";
    }

    @GetMapping("/map")
    String map(@RequestParam(defaultValue = "population") String figure, Model model) {
        model.addAttribute("figure", "share80Plus".equals(figure) ? "share80Plus" : "population");
        model.addAttribute("municipalities", organisation.municipalities());
        return "organisation/map";
    }
}
