package se.samsyn.followup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How an instrument combines its item answers into a score, before the instrument's multiplier:
 * the sum or the mean. Stored by name ({@code SUM}, {@code MEAN}) in {@code fup_instrument.scoring};
 * the API speaks the lower-case codes.
 */
public enum ScoringRule {
    /** The sum of the answers (WHO-5: the sum times 4 gives 0-100). */
    SUM,
    /** The mean of the answers. */
    MEAN;

    /** The code in the API, requests and answers: {@code sum} or {@code mean}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rule with this code; upper case (the earlier request form, {@code SUM}) is accepted too. */
    public static Optional<ScoringRule> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(code)).findFirst();
    }
}
