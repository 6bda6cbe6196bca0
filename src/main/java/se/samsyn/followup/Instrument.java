package se.samsyn.followup;

import java.util.List;

/**
 * An outcome instrument of the national catalogue: code, names, how its items are scored (the raw
 * sum times {@code multiplier}), the score's scale {@code scoreMin}–{@code scoreMax}, whether a
 * higher score is better, the smallest change that matters to a client (in score units), the
 * source of the instrument, and its items in order (empty for an instrument entered as a score).
 */
public record Instrument(String code, String nameSv, String nameEn, ScoringRule scoring,
                         double multiplier, double scoreMin, double scoreMax, boolean higherIsBetter,
                         double minimalImportantDifference, String source, List<Item> items) {

    /** One item of the instrument: its number (from 1), its text in Swedish and English, and its answer range. */
    public record Item(int number, String textSv, String textEn, int min, int max) {
    }
}
