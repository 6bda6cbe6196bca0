package se.samsyn.comparison;

import java.util.List;
import java.util.Map;
import se.samsyn.organisation.Municipality;
import se.samsyn.shared.Actor;

/**
 * Similar municipalities, Kolada-style: the caller chooses key figures (the population, the
 * share aged 80 or more, or any indicator with municipality values) and their weights, and gets
 * the candidates sorted by their difference index; 7 by default.
 */
public interface SimilarMunicipalities {

    /** How many similar municipalities are answered when the caller does not say. */
    int DEFAULT_COUNT = 7;

    /** The key figure id of the population (latest year). */
    String POPULATION = "population";

    /** The key figure id of the share (0–100) of inhabitants aged 80 or more. */
    String SHARE_80 = "share80";

    /** Chosen when the caller chooses nothing: size, age structure and economic assistance. */
    List<String> DEFAULT_FIGURES = List.of(POPULATION, SHARE_80, "N31807");

    /** A key figure the caller can choose. */
    record KeyFigure(String id, String titleSv, String titleEn) {
    }

    /** The result: the figures used with their weights, and the most similar municipalities. */
    record Result(Municipality municipality, Map<String, Double> weights, List<Match> matches) {
    }

    /** A similar municipality with its difference index and per-figure differences. */
    record Match(Municipality municipality, double index, List<Double> differences) {
    }

    /** The key figures the actor can choose: population, share 80+ and every indicator the actor sees. */
    List<KeyFigure> keyFigures(Actor actor);

    /**
     * The {@code count} municipalities most similar to the given one by the weighted difference
     * index ({@code Similarity}). Weights by figure id; figures unknown to the caller are left out,
     * and so are weights of zero or less and weights that are not finite (NaN, Infinity); none means {@link #DEFAULT_FIGURES} with weight 1.
     * Unknown municipality: {@code MunicipalityNotFound} (404).
     */
    Result similar(Actor actor, String municipalityCode, Map<String, Double> requested, int count);
}
