package se.samsyn.followup.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.ScoringRule;

/**
 * A new outcome instrument, as the API takes it; every number and {@code higherIsBetter} must be
 * given (a missing one is a 422 naming its field, not a silent zero). The shape of the form here; the catalogue checks
 * the rest (a code already taken, a scale minimum not below its maximum, an item whose lowest
 * value is not below its highest).
 *
 * @param code                       1-40 letters, digits, '_' or '-', starting with a letter or digit
 * @param nameSv                     the Swedish name, at most 200 characters
 * @param nameEn                     the English name, or null
 * @param scoring                    {@code sum} or {@code mean} of the item answers (upper case accepted)
 * @param multiplier                 the factor the raw sum or mean is multiplied by, above zero
 * @param scoreMin                   the lowest score, in the instrument's units
 * @param scoreMax                   the highest score, above {@code scoreMin}
 * @param higherIsBetter             whether a higher score is the better outcome
 * @param minimalImportantDifference the smallest change that counts as an improvement, above zero
 * @param source                     where the instrument and its rule come from, or null
 * @param items                      the items in order; none for an instrument given as a score
 */
record InstrumentRequest(
        @NotNull(message = "{followup.error.code-format}")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}", message = "{followup.error.code-format}") String code,
        @NotBlank(message = "{followup.error.name}") @Size(max = 200, message = "{followup.error.name}") String nameSv,
        @Size(max = 200, message = "{followup.error.name}") String nameEn,
        @Schema(allowableValues = {"sum", "mean"})
        @NotNull(message = "{followup.error.scoring}")
        @Pattern(regexp = "(?i)sum|mean", message = "{followup.error.scoring}") String scoring,
        @NotNull(message = "{followup.error.instrument-range}")
        @Positive(message = "{followup.error.instrument-range}") Double multiplier,
        @NotNull(message = "{followup.error.instrument-range}") Double scoreMin,
        @NotNull(message = "{followup.error.instrument-range}") Double scoreMax,
        @NotNull(message = "{followup.error.higher-is-better}") Boolean higherIsBetter,
        @NotNull(message = "{followup.error.instrument-range}")
        @Positive(message = "{followup.error.instrument-range}") Double minimalImportantDifference,
        @Size(max = 500) String source,
        List<@Valid @NotNull Item> items) {

    /**
     * One item of the instrument.
     *
     * @param number the 1-based position
     * @param textSv the Swedish text
     * @param textEn the English text, or null
     * @param min    the lowest answer
     * @param max    the highest answer, above {@code min}
     */
    record Item(@NotNull(message = "{followup.error.item-number}") @Positive(message = "{followup.error.item-number}")
                Integer number,
                @NotBlank(message = "{followup.error.item-text}") String textSv, String textEn,
                @NotNull(message = "{followup.error.item-range}") Integer min,
                @NotNull(message = "{followup.error.item-range}") Integer max) {
    }

    /** The catalogue's record; no items when none were given. */
    Instrument toInstrument() {
        ScoringRule rule = ScoringRule.fromCode(scoring).orElseThrow();
        List<Instrument.Item> itemList = items == null ? List.of()
                : items.stream().map(i -> new Instrument.Item(i.number(), i.textSv(), i.textEn(), i.min(), i.max()))
                .toList();
        return new Instrument(code, nameSv, nameEn, rule, multiplier, scoreMin, scoreMax, higherIsBetter,
                minimalImportantDifference, source, itemList);
    }
}
