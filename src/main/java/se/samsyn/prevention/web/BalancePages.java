package se.samsyn.prevention.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.samsyn.organisation.Organisation;
import se.samsyn.prevention.BalanceRow;
import se.samsyn.prevention.PreventionFigures;
import se.samsyn.shared.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * A municipality's balance page: per focus area and year, clients in individual casework beside
 * persons reached and contacts in preventive work, as tables and a chart of the trend.
 */
@Controller
class BalancePages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PreventionFigures figures;
    private final Organisation organisation;

    BalancePages(PreventionFigures figures, Organisation organisation) {
        this.figures = figures;
        this.organisation = organisation;
    }

    @GetMapping("/prevention/municipalities/{code}/balance")
    String balance(@PathVariable String code, @RequestParam(defaultValue = "5") int years, Model model) {
        List<BalanceRow> rows = figures.balance(Actor.current().orElseThrow(), code, Math.min(10, Math.max(2, years)));
        Map<String, List<BalanceRow>> byArea = new LinkedHashMap<>();
        rows.forEach(r -> byArea.computeIfAbsent(r.focusArea(), k -> new java.util.ArrayList<>()).add(r));
        TreeSet<Integer> yearSet = new TreeSet<>();
        rows.forEach(r -> yearSet.add(r.year()));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("years", yearSet);
        chart.put("clients", yearSet.stream().map(y -> rows.stream().filter(r -> r.year() == y)
                .mapToInt(r -> r.clients() == null ? 0 : r.clients()).sum()).toList());
        chart.put("participants", yearSet.stream().map(y -> rows.stream().filter(r -> r.year() == y)
                .mapToInt(r -> r.participants() == null ? 0 : r.participants()).sum()).toList());
        model.addAttribute("byArea", byArea);
        model.addAttribute("chartJson", JSON.writeValueAsString(chart));
        model.addAttribute("code", code);
        model.addAttribute("municipalityName", organisation.municipality(code).map(m -> m.name()).orElse(code));
        return "prevention/balance";
    }
}
