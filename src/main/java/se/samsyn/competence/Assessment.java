package se.samsyn.competence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether one person meets one requirement on a given day, and if not, why.
 *
 * @param requirement the requirement's code
 * @param status      met, due (not met yet, but within the requirement's months from the start)
 *                    or gap (not met)
 * @param shortfalls  what is missing; empty when met
 * @param dueDate     the day a time-bound requirement must be met by (start + withinMonths), or null
 */
public record Assessment(String requirement, Status status, List<Shortfall> shortfalls, LocalDate dueDate) {

    public Assessment {
        shortfalls = List.copyOf(shortfalls);
    }

    /** The outcome of the rule. */
    public enum Status {
        MET("met"), DUE("due"), GAP("gap");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        /** The code in the API answers. */
        @JsonValue
        public String code() {
            return code;
        }

        public String messageKey() {
            return "competence.status." + code;
        }
    }

    /**
     * One missing part.
     *
     * @param kind   degree (no accepted degree), components (the listed components are missing),
     *               training (the named guide entry is not completed), experience (has, needs, in
     *               years) or title (the named protected title)
     * @param values the missing codes (components, a training slug, a title) or, for experience,
     *               the years held and needed
     */
    public record Shortfall(Kind kind, List<String> values) {

        public Shortfall {
            values = List.copyOf(values);
        }

        /** What kind of criterion is not met. */
        public enum Kind {
            DEGREE("degree"), COMPONENTS("components"), TRAINING("training"), EXPERIENCE("experience"),
            TITLE("title");

            private final String code;

            Kind(String code) {
                this.code = code;
            }

            /** The code in the API answers. */
            @JsonValue
            public String code() {
                return code;
            }

            public String messageKey() {
                return "competence.shortfall." + code;
            }
        }
    }
}
