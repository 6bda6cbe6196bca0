package se.samsyn.followup.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import se.samsyn.followup.InterventionType;

/**
 * A new intervention for the catalogue, as the API takes it. The shape of the form here; the
 * catalogue checks the rest (a code already taken, focus-area codes it does not know).
 *
 * @param code       1-40 letters, digits, '_' or '-', starting with a letter or digit; unique
 * @param nameSv     the Swedish name, at most 200 characters
 * @param nameEn     the English name; the Swedish one when left out
 * @param focusAreas one or more focus-area codes, for example {@code substance-use}
 * @param guideEntry the knowledge-guide entry's slug the intervention links to, or null
 */
record InterventionRequest(
        @NotNull(message = "{followup.error.code-format}")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}", message = "{followup.error.code-format}") String code,
        @NotBlank(message = "{followup.error.name}") @Size(max = 200, message = "{followup.error.name}") String nameSv,
        @Size(max = 200, message = "{followup.error.name}") String nameEn,
        @NotEmpty(message = "{followup.error.focus-area}") List<@NotBlank(message = "{followup.error.focus-area}") String> focusAreas,
        @Schema(nullable = true) @Size(max = 200) String guideEntry) {

    /** The catalogue's record; active, since a new intervention is offered at once. */
    InterventionType toType() {
        return new InterventionType(code, nameSv, nameEn, List.copyOf(focusAreas), guideEntry, true);
    }
}
