package se.samsyn.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The strength of a recommendation or of the knowledge behind it: a rank 1-10 or FoU from a
 * national priority list (1 is the highest priority), or a GRADE certainty of evidence.
 */
public enum EvidenceLevel {
    RANK_1("rank-1"), RANK_2("rank-2"), RANK_3("rank-3"), RANK_4("rank-4"), RANK_5("rank-5"),
    RANK_6("rank-6"), RANK_7("rank-7"), RANK_8("rank-8"), RANK_9("rank-9"), RANK_10("rank-10"),
    FOU("fou"),
    GRADE_HIGH("grade-hog"),
    GRADE_MODERATE("grade-mattlig"),
    GRADE_LOW("grade-lag"),
    GRADE_VERY_LOW("grade-mycket-lag");

    private final String code;

    EvidenceLevel(String code) {
        this.code = code;
    }

    /** The lower-case code used in requests, answers, import files and the database. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The message key of the value's name. */
    public String messageKey() {
        return "guide.evidence." + code;
    }

    /** The value with this code, in any case and with surrounding blanks; empty for null or an unknown code. */
    public static Optional<EvidenceLevel> fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    }
}
