package se.samsyn.comparison.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.Indicators;
import se.samsyn.comparison.PeerGroups;
import se.samsyn.comparison.RefreshRunning;
import se.samsyn.comparison.ResultRow;
import se.samsyn.comparison.SimilarMunicipalities;
import se.samsyn.shared.Actor;

/** Open comparisons over JSON: indicators, their stored results, profiles, similar municipalities, peer groups. */
@RestController
@RequestMapping("/api/v1/comparisons")
@Tag(name = "Open comparisons", description = "Indicators, pre-aggregated results with suppression and colours, peers")
class ComparisonApi {

    private final Indicators indicators;
    private final Comparisons comparisons;
    private final SimilarMunicipalities similar;
    private final PeerGroups peerGroups;
    private final MessageSource messages;

    ComparisonApi(Indicators indicators, Comparisons comparisons, SimilarMunicipalities similar, PeerGroups peerGroups,
                  MessageSource messages) {
        this.messages = messages;
        this.indicators = indicators;
        this.comparisons = comparisons;
        this.similar = similar;
        this.peerGroups = peerGroups;
    }

    @GetMapping("/indicators")
    @Operation(summary = "Indicators: published ones for everyone, all for signed-in staff")
    List<Indicator> indicators() {
        return indicators.visible(actor());
    }

    @GetMapping("/indicators/{id}")
    Indicator indicator(@PathVariable String id) {
        return comparisons.indicator(actor(), id);
    }

    @PostMapping("/indicators")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Defines a follow-up indicator from a template (national analysts) and computes it")
    Indicator define(@Valid @RequestBody IndicatorForm form) {
        return indicators.define(actor(), form.toNewIndicator());
    }

    @PutMapping("/indicators/{id}/publication")
    Indicator publish(@PathVariable String id, @RequestParam boolean published) {
        indicators.publish(actor(), id, published);
        return comparisons.indicator(actor(), id);
    }

    @PostMapping("/indicators/{id}/refresh")
    @Operation(summary = "Recomputes one indicator; 202 with the running refresh's progress when another refresh runs")
    ResponseEntity<?> refresh(@PathVariable String id, Locale locale) {
        try {
            indicators.refresh(actor(), id);
        } catch (RefreshRunning e) {
            return running(e, locale);
        }
        return ResponseEntity.ok(comparisons.indicator(actor(), id));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Recomputes every indicator; 202 with the running refresh's progress when another refresh runs")
    ResponseEntity<?> refreshAll(Locale locale) {
        try {
            return ResponseEntity.ok(Map.of("refreshed", indicators.refreshAll(actor())));
        } catch (RefreshRunning e) {
            return running(e, locale);
        }
    }

    /**
     * A refresh asked for while another runs is not an error: 202 Accepted with the running
     * refresh's progress, {@code {"status":"running","done":3,"total":6,"startedAt":"…","detail":"…"}}.
     */
    private ResponseEntity<Map<String, Object>> running(RefreshRunning e, Locale locale) {
        RefreshRunning.RefreshProgress p = e.progress();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "running");
        body.put("done", p.done());
        body.put("total", p.total());
        body.put("startedAt", p.startedAt().toString());
        body.put("detail", messages.getMessage("comparison.refresh.running", new Object[] {p.done(), p.total()}, locale));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    /** One result cell as published: suppressed cells carry no value and no n. */
    record Cell(String area, String areaKind, String name, int year, String gender, Double value, Integer n,
                String status, String symbol, String colour, Integer rank) {
    }

    @GetMapping("/indicators/{id}/results")
    @Operation(summary = "Stored results of one year and gender: every municipality, the regions, the kommungrupper and the nation",
            description = "Suppressed cells (fewer than 5) have value and n null and status 'suppressed' (symbol '..'); "
                    + "missing '-' and not applicable '.'. Colours are relative: green best, yellow middle, red worst, grey missing.")
    Map<String, Object> results(@PathVariable String id, @RequestParam(required = false) Integer year,
                                @RequestParam(defaultValue = "T") String gender, Locale locale) {
        Comparisons.IndicatorTable t = comparisons.table(actor(), id, year, gender, null, null);
        List<Cell> municipalities = t.municipalities().stream().map(m -> cell(m.result(), m.municipality().name(), m.rank())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicator", t.indicator().id());
        body.put("year", t.year());
        body.put("gender", t.gender());
        body.put("years", t.years());
        body.put("municipalities", municipalities);
        body.put("nation", t.nation() == null ? null
                : cell(t.nation(), messages.getMessage("comparison.nation", null, "Riket", locale), null));
        body.put("regions", t.regions());
        body.put("groups", t.groups());
        if (!t.indicator().computed()) {
            body.put("source", messages.getMessage("comparison.source.named", new Object[] {t.indicator().sourceName()},
                    locale));
        }
        return body;
    }

    @GetMapping("/indicators/{id}/trend")
    List<Comparisons.TrendPoint> trend(@PathVariable String id, @RequestParam(required = false) String municipality,
                                       @RequestParam(defaultValue = "T") String gender) {
        return comparisons.trend(actor(), id, municipality, gender);
    }

    @GetMapping("/municipalities/{code}/profile")
    List<Comparisons.ProfileLine> profile(@PathVariable String code) {
        List<String> codes = similar.similar(actor(), code, Map.of(), SimilarMunicipalities.DEFAULT_COUNT).matches().stream()
                .map(m -> m.municipality().code()).toList();
        return comparisons.profile(actor(), code, codes);
    }

    @GetMapping("/municipalities/{code}/similar")
    @Operation(summary = "Similar municipalities by difference index",
            description = "figures: key-figure ids (population, share80 or indicator ids) with weights as id:weight, "
                    + "for example figures=population:2,N31807:1. Default: population, share80, N31807; 7 most similar.")
    SimilarMunicipalities.Result similarTo(@PathVariable String code, @RequestParam(required = false) List<String> figures,
                                           @RequestParam(defaultValue = "7") int count) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (figures != null) {
            for (String f : figures) {
                String[] parts = f.split(":");
                try {
                    weights.put(parts[0], parts.length > 1 ? Double.parseDouble(parts[1]) : 1.0);
                } catch (NumberFormatException e) {
                    throw new BadParameter("figures");
                }
            }
        }
        return similar.similar(actor(), code, weights, count);
    }

    @GetMapping("/peer-groups")
    List<PeerGroups.PeerGroup> peerGroups() {
        return peerGroups.all();
    }

    /**
     * The request body of a new peer group: a name (at most 200 characters), a focus-area code, an
     * optional description and at least two municipality codes. The register checks the codes.
     */
    record NewPeerGroup(@NotBlank(message = "comparison.error.peer-name") @Size(max = 200, message = "comparison.error.peer-name") String name,
                        @NotBlank(message = "comparison.error.focus-area") String focusArea,
                        @Size(max = 1000) String description,
                        @NotNull(message = "comparison.error.peer-members") @Size(min = 2, message = "comparison.error.peer-members")
                        List<String> members) {
    }

    @PostMapping("/peer-groups")
    @ResponseStatus(HttpStatus.CREATED)
    PeerGroups.PeerGroup createPeerGroup(@Valid @RequestBody NewPeerGroup body) {
        return peerGroups.create(actor(), body.name(), body.focusArea(), body.description(), body.members());
    }

    @DeleteMapping("/peer-groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deletePeerGroup(@PathVariable long id) {
        peerGroups.delete(actor(), id);
    }

    private static Cell cell(ResultRow r, String name, Integer rank) {
        ResultRow p = r.published();
        return new Cell(p.areaCode(), p.areaKind(), name, p.year(), p.gender(), p.value(), p.n(), p.status(), p.symbol(),
                p.colour(), rank);
    }

    private static Actor actor() {
        return Actor.current().orElse(null);
    }
}
