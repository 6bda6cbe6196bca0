package se.samsyn.followup.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.GoalStatus;
import se.samsyn.followup.ImportType;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.InterventionType;
import se.samsyn.followup.InvalidPersonalIdentityNumber;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.PersonalIdentityNumber;
import se.samsyn.followup.TimePoint;
import se.samsyn.imports.PlainValues;
import se.samsyn.imports.RowProblems;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;

/**
 * The row rule of the follow-up import: reads one row of an episodes, needs, interventions or
 * measurements file into an {@link ImportedRow}. The personnummer must be valid (Skatteverket's
 * rules, {@link PersonalIdentityNumber}) and is kept only as its pseudonym; the unit must be the
 * importer's own; dates and numbers are read by {@link PlainValues}; the type's own values by the
 * checks that the forms use ({@link FollowupChecks}). Each problem is reported with its column.
 */
final class FollowupRowRule {

    private final ImportType type;
    private final String ownUnit;
    private final LocalDate today;
    private final Organisation organisation;
    private final Pseudonymiser pseudonymiser;
    private final Map<String, Optional<Unit>> units = new HashMap<>();
    private final Map<String, Instrument> instruments = new HashMap<>();
    private final Set<String> interventionCodes;

    /**
     * A rule for one run by a user of {@code ownUnit}. The unit is known from the start, so a file
     * of the user's own unit needs no look-up while it is checked; another unit's code is looked
     * up once.
     */
    FollowupRowRule(ImportType type, Unit ownUnit, LocalDate today, Organisation organisation,
                    Pseudonymiser pseudonymiser, Catalogue catalogue) {
        this.type = type;
        this.ownUnit = ownUnit.code();
        units.put(ownUnit.code(), Optional.of(ownUnit));
        this.today = today;
        this.organisation = organisation;
        this.pseudonymiser = pseudonymiser;
        catalogue.instruments().forEach(i -> instruments.put(i.code(), i));
        this.interventionCodes = catalogue.interventions().stream()
                .map(InterventionType::code).collect(Collectors.toSet());
    }

    /** The checked row, or null when it has a problem (each reported to {@code problems}). */
    ImportedRow check(Map<String, String> v, RowProblems problems) {
        PersonalIdentityNumber pnr = null;
        try {
            pnr = PersonalIdentityNumber.parse(v.get("personnummer"), today);
        } catch (InvalidPersonalIdentityNumber e) {
            problems.add("personnummer", e.messageKey());
        }
        String unitCode = v.get("unit_code");
        Optional<Unit> unit = units.computeIfAbsent(unitCode == null ? "" : unitCode, organisation::unit);
        if (unit.isEmpty()) {
            problems.add("unit_code", "import.error.unit-unknown");
        } else if (!unit.get().code().equals(ownUnit)) {
            problems.add("unit_code", "import.error.unit-scope");
        }
        MapSqlParameterSource values = switch (type) {
            case EPISODES -> episode(v, problems);
            case NEEDS -> need(v, problems);
            case INTERVENTIONS -> intervention(v, problems);
            case MEASUREMENTS -> measurement(v, problems);
        };
        if (problems.any()) {
            return null;
        }
        values.addValue("municipality", unit.get().municipalityCode()).addValue("unit", unit.get().code());
        String pseudonym = pseudonymiser.pseudonym(pnr);
        return new ImportedRow(unit.get(), pseudonym, pnr.birthYear(), pnr.legalSex().code(), values,
                unit.get().code() + "|" + pseudonym + "|" + FollowupRowStore.keyOf(type, values));
    }

    private MapSqlParameterSource episode(Map<String, String> v, RowProblems problems) {
        problems.add(problem(FollowupChecks.focusArea(v.get("focus_area"))));
        LocalDate start = date(problems, "start_date", v.get("start_date"), true);
        LocalDate end = date(problems, "end_date", v.get("end_date"), false);
        if (start != null) {
            problems.add(problem(FollowupChecks.period("start_date", start, "end_date", end, today)));
        }
        return new MapSqlParameterSource().addValue("focusArea", v.get("focus_area"))
                .addValue("startDate", start).addValue("endDate", end);
    }

    private MapSqlParameterSource need(Map<String, String> v, RowProblems problems) {
        LocalDate assessed = date(problems, "assessed_on", v.get("assessed_on"), true);
        if (assessed != null) {
            problems.add(problem(FollowupChecks.period("assessed_on", assessed, null, null, today)));
        }
        Optional<LifeArea> area = LifeArea.fromCode(v.get("life_area"));
        if (area.isEmpty()) {
            problems.add("life_area", "followup.error.life-area");
        }
        Integer level = PlainValues.integer(v.get("level")).orElse(null);
        problems.add(problem(FollowupChecks.level(level)));
        String goal = blankToNull(v.get("goal"));
        problems.add(problem(FollowupChecks.goal(goal)));
        String statusCode = blankToNull(v.get("goal_status"));
        Optional<GoalStatus> status = statusCode == null ? Optional.empty() : GoalStatus.fromCode(statusCode);
        if (statusCode != null && status.isEmpty()) {
            problems.add("goal_status", "followup.error.goal-status-unknown");
        } else if (status.isPresent() && goal == null) {
            problems.add("goal_status", "followup.error.no-goal");
        }
        return new MapSqlParameterSource().addValue("assessedOn", assessed)
                .addValue("lifeArea", area.map(LifeArea::code).orElse(null)).addValue("level", level)
                .addValue("goal", goal).addValue("goalStatus", status.map(GoalStatus::code).orElse(null));
    }

    private MapSqlParameterSource intervention(Map<String, String> v, RowProblems problems) {
        if (!interventionCodes.contains(v.get("intervention_code"))) {
            problems.add("intervention_code", "followup.error.intervention-unknown");
        }
        LocalDate start = date(problems, "start_date", v.get("start_date"), true);
        LocalDate end = date(problems, "end_date", v.get("end_date"), false);
        if (start != null) {
            problems.add(problem(FollowupChecks.period("start_date", start, "end_date", end, today)));
        }
        String reasonCode = blankToNull(v.get("end_reason"));
        Optional<EndReason> reason = reasonCode == null ? Optional.empty() : EndReason.fromCode(reasonCode);
        if (reasonCode != null && reason.isEmpty()) {
            problems.add("end_reason", "followup.error.end-reason-unknown");
        } else if (end != null && reason.isEmpty()) {
            problems.add("end_reason", "followup.error.end-reason");
        }
        return new MapSqlParameterSource().addValue("code", v.get("intervention_code"))
                .addValue("startDate", start).addValue("endDate", end)
                .addValue("endReason", reason.map(EndReason::code).orElse(null));
    }

    private MapSqlParameterSource measurement(Map<String, String> v, RowProblems problems) {
        Instrument instrument = instruments.get(v.get("instrument_code"));
        if (instrument == null) {
            problems.add("instrument_code", "followup.error.instrument-unknown");
        }
        LocalDate measured = date(problems, "measured_on", v.get("measured_on"), true);
        if (measured != null) {
            problems.add(problem(FollowupChecks.period("measured_on", measured, null, null, today)));
        }
        Optional<TimePoint> point = TimePoint.fromCode(v.get("time_point"));
        if (point.isEmpty()) {
            problems.add("time_point", "followup.error.time-point");
        }
        problems.add(problem(BaselineRule.confirmation(v.get(BaselineRule.CONFIRM_COLUMN))));
        String text = v.get("score");
        Double score = null;
        if (text != null && !text.isBlank()) {
            Optional<BigDecimal> plain = PlainValues.decimal(text);
            if (plain.isEmpty()) {
                problems.add("score", "import.error.number");
            } else {
                score = plain.get().doubleValue();
            }
        }
        if (instrument != null && (score != null || text == null || text.isBlank())) {
            problems.add(problem(FollowupChecks.score(score, instrument)));
        }
        return new MapSqlParameterSource().addValue("instrument", v.get("instrument_code"))
                .addValue("measuredOn", measured).addValue("timePoint", point.map(TimePoint::code).orElse(null))
                .addValue("score", score).addValue("answers", null)
                .addValue("confirm", BaselineRule.confirmed(v.get(BaselineRule.CONFIRM_COLUMN)));
    }

    private LocalDate date(RowProblems problems, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(field, "followup.error.date-missing");
            }
            return null;
        }
        PlainValues.DateValue date = PlainValues.date(value, today);
        if (date.problem() != null) {
            problems.add(field, date.problem().messageKey());
        }
        return date.date();
    }

    private static se.samsyn.imports.FileProblem problem(FollowupChecks.Problem problem) {
        return problem == null ? null : se.samsyn.imports.FileProblem.of(0, problem.field(), problem.messageKey());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
