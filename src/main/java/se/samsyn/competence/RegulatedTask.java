package se.samsyn.competence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The tasks in child and youth welfare that 3 kap. 3 a § SoL and HSLF-FS 2017:79 reserve for staff
 * with a socionomexamen or another relevant degree with the required components.
 */
public enum RegulatedTask {
    /** Deciding whether to open an investigation (bedöma om utredning ska inledas). */
    OPEN_INVESTIGATION("open-investigation"),
    /** Investigating and assessing needs (utreda och bedöma behov). */
    INVESTIGATE("investigate"),
    /** Following up decided interventions (följa upp beslutade insatser). */
    FOLLOW_UP("follow-up");

    private final String code;

    RegulatedTask(String code) {
        this.code = code;
    }

    /** The code in the API, the database and the import. */
    @JsonValue
    public String code() {
        return code;
    }

    public String messageKey() {
        return "competence.task." + code;
    }

    public static Optional<RegulatedTask> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
