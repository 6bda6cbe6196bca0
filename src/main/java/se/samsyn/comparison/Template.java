package se.samsyn.comparison;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The general templates a follow-up indicator is defined from, without code. Each names the
 * parameters it needs.
 */
public enum Template {
    /** Share of clients with baseline and follow-up who improved by at least the minimal important difference. */
    IMPROVED_SHARE("improved-share", MeasureUnit.PERCENT, true, false),
    /** Median change from baseline to follow-up, in the instrument's points (positive = better). */
    MEDIAN_CHANGE("median-change", MeasureUnit.SCORE, true, false),
    /** Share of ended interventions that were completed as planned. */
    COMPLETED_SHARE("completed-share", MeasureUnit.PERCENT, false, false),
    /** Share of judged goals that were achieved. */
    GOALS_ACHIEVED("goals-achieved", MeasureUnit.PERCENT, false, false),
    /** Clients with an episode during the year per 1,000 inhabitants of an age band. */
    CLIENTS_PER_1000("clients-per-1000", MeasureUnit.PER_1000, false, true),
    /** Staff turnover: leavers ÷ average headcount (competence's {@code cpt_fact_workforce}, measure turnover). */
    STAFF_TURNOVER("staff-turnover", MeasureUnit.PERCENT, false, false),
    /** Vacancy rate: open posts ÷ (open posts + staff), over the months units reported. */
    VACANCY_RATE("vacancy-rate", MeasureUnit.PERCENT, false, false),
    /** Share of staff hired through staffing agencies. */
    AGENCY_SHARE("agency-share", MeasureUnit.PERCENT, false, false),
    /** Share of staff performing regulated tasks who meet the legal requirement. */
    LEGAL_REQUIREMENT_SHARE("legal-requirement-share", MeasureUnit.PERCENT, false, false),
    /** Share of staff with at least the configured years of experience. */
    EXPERIENCE_SHARE("experience-share", MeasureUnit.PERCENT, false, false),
    /** Share of the year's new staff with a completed introduction. */
    INTRODUCTION_SHARE("introduction-share", MeasureUnit.PERCENT, false, false),
    /**
     * Persons reached by preventive activities (of the kind in the indicator's intervention code,
     * or all) in the age bands, per 1,000 inhabitants of those bands and that sex (prevention's
     * {@code prv_fact_reach} over organisation's {@code org_v_population}).
     */
    REACH_PER_1000("reach-per-1000", MeasureUnit.PER_1000, false, true),
    /** Participants per preventive activity of the kind (prevention's {@code prv_fact_reach} ÷ {@code prv_fact_activity}). */
    PARTICIPANTS_PER_ACTIVITY("participants-per-activity", MeasureUnit.COUNT, false, false),
    /**
     * Share of anonymous before/after answer pairs of preventive activities (of the kind, or all)
     * that improved by at least the questionnaire's minimal difference (prevention's {@code prv_fact_outcome}).
     */
    ANONYMOUS_IMPROVED_SHARE("anonymous-improved-share", MeasureUnit.PERCENT, true, false);

    private final String code;
    private final MeasureUnit unit;
    private final boolean needsInstrument;
    private final boolean usesAgeBand;

    Template(String code, MeasureUnit unit, boolean needsInstrument, boolean usesAgeBand) {
        this.code = code;
        this.unit = unit;
        this.needsInstrument = needsInstrument;
        this.usesAgeBand = usesAgeBand;
    }

    /** The lower-case code used in requests, answers (JSON) and the database, for example {@code improved-share}. */
    @JsonValue
    public String code() {
        return code;
    }

    public MeasureUnit unit() {
        return unit;
    }

    public boolean needsInstrument() {
        return needsInstrument;
    }

    public boolean usesAgeBand() {
        return usesAgeBand;
    }

    /**
     * Whether an intervention code (or, for a preventive template, an activity kind) narrows the
     * indicator; the goal, population and workforce templates take none.
     */
    public boolean usesIntervention() {
        return this != GOALS_ACHIEVED && this != CLIENTS_PER_1000 && workforceMeasure() == null;
    }

    /** Whether the clients may be narrowed to one focus area ({@code clients-per-1000} only). */
    public boolean usesFilterFocusArea() {
        return this == CLIENTS_PER_1000;
    }

    /**
     * The template-specific fields of the indicator form, as request field names: any of
     * {@code instrumentCode}, {@code interventionCode}, {@code ageBand} and {@code filterFocusArea}.
     */
    public java.util.List<String> fields() {
        java.util.List<String> fields = new java.util.ArrayList<>();
        if (needsInstrument) {
            fields.add("instrumentCode");
        }
        if (usesIntervention()) {
            fields.add("interventionCode");
        }
        if (usesAgeBand) {
            fields.add("ageBand");
        }
        if (usesFilterFocusArea()) {
            fields.add("filterFocusArea");
        }
        return fields;
    }

    /**
     * The measure of competence's published view {@code cpt_fact_workforce} this template reads, or
     * null for the follow-up templates.
     */
    public String workforceMeasure() {
        return switch (this) {
            case STAFF_TURNOVER -> "turnover";
            case VACANCY_RATE -> "vacancy";
            case AGENCY_SHARE -> "agency";
            case LEGAL_REQUIREMENT_SHARE -> "legal";
            case EXPERIENCE_SHARE -> "experienced";
            case INTRODUCTION_SHARE -> "introduced";
            default -> null;
        };
    }

    /**
     * Whether the template reads prevention's published facts ({@code prv_fact_*}); its intervention
     * code is then an activity kind and its instrument an anonymous questionnaire of the prevention module.
     */
    public boolean preventive() {
        return this == REACH_PER_1000 || this == PARTICIPANTS_PER_ACTIVITY || this == ANONYMOUS_IMPROVED_SHARE;
    }

    /** Where the template's figures come from, for the source line: {@code followup}, {@code workforce} or {@code prevention}. */
    public String source() {
        return preventive() ? "prevention" : workforceMeasure() != null ? "workforce" : "followup";
    }

    public static Optional<Template> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
