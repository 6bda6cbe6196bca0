package se.samsyn.trials.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import se.samsyn.trials.Rating;

/** One anonymous rating: the six raw NASA-TLX subscales (0-100) and whether the tool helped. */
record RatingRequest(@NotNull @Min(0) @Max(100) Integer mental, @NotNull @Min(0) @Max(100) Integer physical,
                     @NotNull @Min(0) @Max(100) Integer temporal, @NotNull @Min(0) @Max(100) Integer performance,
                     @NotNull @Min(0) @Max(100) Integer effort, @NotNull @Min(0) @Max(100) Integer frustration,
                     @NotNull Boolean helped) {

    Rating toRating() {
        return new Rating(mental, physical, temporal, performance, effort, frustration, helped);
    }
}
