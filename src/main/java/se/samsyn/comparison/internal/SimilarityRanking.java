package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.Indicators;
import se.samsyn.comparison.SimilarMunicipalities;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;

/**
 * Similar municipalities, Kolada-style: the caller chooses key figures (the population, the
 * share aged 80 or more, or any indicator with municipality values) and their weights, and gets
 * the candidates sorted by their difference index; 7 by default.
 */
@Service
class SimilarityRanking implements SimilarMunicipalities {

    private final Organisation organisation;
    private final Indicators indicators;
    private final Comparisons comparisons;

    SimilarityRanking(Organisation organisation, Indicators indicators, Comparisons comparisons) {
        this.organisation = organisation;
        this.indicators = indicators;
        this.comparisons = comparisons;
    }

    @Override
    public List<KeyFigure> keyFigures(Actor actor) {
        List<KeyFigure> figures = new ArrayList<>();
        figures.add(new KeyFigure(POPULATION, "Folkmängd", "Population"));
        figures.add(new KeyFigure(SHARE_80, "Andel invånare 80 år och äldre", "Share of inhabitants aged 80 or more"));
        for (Indicator i : indicators.visible(actor)) {
            figures.add(new KeyFigure(i.id(), i.titleSv(), i.titleEn()));
        }
        return figures;
    }

    @Override
    public Result similar(Actor actor, String municipalityCode, Map<String, Double> requested, int count) {
        Municipality municipality = organisation.requireMunicipality(municipalityCode);
        Map<String, Double> weights = new LinkedHashMap<>();
        List<String> known = keyFigures(actor).stream().map(KeyFigure::id).toList();
        (requested == null || requested.isEmpty() ? defaults(known) : requested).forEach((id, w) -> {
            if (known.contains(id) && w != null && w > 0 && Double.isFinite(w)) {
                weights.put(id, w);
            }
        });
        List<Similarity.KeyFigure> figures = new ArrayList<>();
        weights.forEach((id, w) -> figures.add(new Similarity.KeyFigure(id, values(id), w)));
        Map<String, Municipality> byCode = new HashMap<>();
        organisation.municipalities().forEach(m -> byCode.put(m.code(), m));
        List<Match> matches = Similarity.mostSimilar(municipalityCode, figures, Math.max(1, Math.min(count, 289))).stream()
                .map(m -> new Match(byCode.get(m.municipality()), m.index(), m.differences())).toList();
        return new Result(municipality, weights, matches);
    }

    private static Map<String, Double> defaults(List<String> known) {
        Map<String, Double> weights = new LinkedHashMap<>();
        DEFAULT_FIGURES.stream().filter(known::contains).forEach(id -> weights.put(id, 1.0));
        return weights;
    }

    private Map<String, Double> values(String figure) {
        Map<String, Double> values = new HashMap<>();
        switch (figure) {
            case POPULATION -> organisation.municipalities().forEach(m -> values.put(m.code(),
                    m.population() == null ? null : m.population().doubleValue()));
            case SHARE_80 -> organisation.municipalities().forEach(m -> values.put(m.code(), m.share80Plus()));
            default -> values.putAll(comparisons.municipalityValues(figure, null));
        }
        return values;
    }
}
