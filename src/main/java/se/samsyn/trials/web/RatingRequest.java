package se.samsyn.trials.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import se.samsyn.trials.Rating;

/** One anonymous rating: the six raw NASA-TLX subscales (0-100) and whether the tool helped. */
record RatingRequest(@NotNull(message = S) @Min(value = 0, message = S) @Max(value = 100, message = S) Integer mental, @NotNull(message = S) @Min(value = 0, message = S) @Max(value = 100, message = S) Integer physical,
                     @NotNull(message = S) @Min(value = 0, message = S) @Max(value = 100, message = S) Integer temporal, @NotNull(message = S) @Min(value = 0, message = S) @Max(value = 100, message = S) Integer performance,
                     @NotNull(message = S) @Min(value = 0, message = S) @Max(value = 100, message = S) Integer effort, @NotNull(message = S) @Min(value = 0, message = S) @Max(value = 100, message = S) Integer frustration,
                     @NotNull(message = "trials.error.helped") Boolean helped) {

    /** The message key of a scale out of range. */
    static final String S = "trials.error.scale";

    Rating toRating() {
        return new Rating(mental, physical, temporal, performance, effort, frustration, helped);
    }
}
