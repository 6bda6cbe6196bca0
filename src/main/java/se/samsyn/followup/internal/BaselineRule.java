package se.samsyn.followup.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.samsyn.followup.BaselineNeedsConfirmation;
import se.samsyn.followup.TimePoint;

/**
 * When a new baseline measurement needs the user's confirmation: a second baseline for the same
 * client and instrument, or a baseline dated after a follow-up measurement of it. Change is
 * measured from the earliest baseline ({@code fup_fact_outcome}), so such a baseline silently
 * stored would change every report (issue "Nothing lost", point 6). The same rule holds on the
 * client page, in the API and in the bulk import; in an import, a row confirms with the optional
 * column {@code confirm} ({@code ja}, {@code yes}, {@code true} or {@code 1}; {@code nej},
 * {@code no}, {@code false}, {@code 0} or empty do not), and an unconfirmed one is a row error.
 */
final class BaselineRule {

    /** The words of the {@code confirm} column that confirm a row, lower case. */
    static final Set<String> YES = Set.of("ja", "yes", "true", "1");
    /** The words of the {@code confirm} column that do not, lower case; an empty value does not either. */
    static final Set<String> NO = Set.of("nej", "no", "false", "0");
    /** The optional import column that confirms a baseline row. */
    static final String CONFIRM_COLUMN = "confirm";

    /** A measurement already stored or in the same file: instrument code, time point code and date. */
    record Measured(String instrument, String timePoint, LocalDate on) {
        boolean baseline() {
            return TimePoint.BASELINE.code().equals(timePoint);
        }
    }

    /** A new measurement row of an import: its row number, client id, what it is, and whether it is confirmed. */
    record Row(long number, long client, Measured measured, boolean confirmed) {
    }

    private BaselineRule() {
    }

    /**
     * Why a new baseline of {@code instrument} on {@code on} needs confirmation, given the client's
     * measurements: the first existing baseline of the instrument on another date, else the
     * earliest follow-up (any other time point) of it dated before {@code on}; empty when none.
     */
    static Optional<BaselineNeedsConfirmation> conflict(List<Measured> existing, String instrument, LocalDate on) {
        List<Measured> same = existing.stream().filter(m -> m.instrument().equals(instrument)).toList();
        Optional<BaselineNeedsConfirmation> second = same.stream()
                .filter(m -> m.baseline() && !m.on().equals(on))
                .min(Comparator.comparing(Measured::on))
                .map(m -> new BaselineNeedsConfirmation(BaselineNeedsConfirmation.Reason.SECOND_BASELINE, m.on(), on));
        if (second.isPresent()) {
            return second;
        }
        return same.stream()
                .filter(m -> !m.baseline() && m.on().isBefore(on))
                .min(Comparator.comparing(Measured::on))
                .map(m -> new BaselineNeedsConfirmation(BaselineNeedsConfirmation.Reason.AFTER_FOLLOWUP, m.on(), on));
    }

    /** The measurement import's columns with the optional {@link #CONFIRM_COLUMN} after them. */
    static List<String> columns(List<String> required) {
        List<String> all = new ArrayList<>(required);
        all.add(CONFIRM_COLUMN);
        return List.copyOf(all);
    }

    /**
     * The import row error's message key for a conflict; its argument {0} is the date of the
     * stored or earlier measurement it conflicts with.
     */
    static String importKey(BaselineNeedsConfirmation conflict) {
        return conflict.reason() == BaselineNeedsConfirmation.Reason.SECOND_BASELINE
                ? "import.error.baseline-second" : "import.error.baseline-after-followup";
    }

    /** Whether a {@code confirm} value confirms (case and surrounding blanks ignored). */
    static boolean confirmed(String text) {
        return text != null && YES.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    /** The problem with a {@code confirm} value, or null when it is empty or one of {@link #YES} and {@link #NO}. */
    static FollowupChecks.Problem confirmation(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        return YES.contains(word) || NO.contains(word) ? null
                : new FollowupChecks.Problem(CONFIRM_COLUMN, "import.error.confirm");
    }

    /**
     * The import rows that are new, unconfirmed baselines needing confirmation, by row number.
     * Each is compared with the client's stored measurements, the baselines of earlier rows of the
     * batch and the follow-ups of any row of the batch (rows of earlier batches are stored by then).
     *
     * @param stored the stored, not removed, measurements by client id
     */
    static Map<Long, BaselineNeedsConfirmation> unconfirmed(List<Row> rows, Map<Long, List<Measured>> stored) {
        Map<Long, BaselineNeedsConfirmation> problems = new TreeMap<>();
        Map<Long, List<Row>> byClient = new HashMap<>();
        rows.forEach(r -> byClient.computeIfAbsent(r.client(), c -> new ArrayList<>()).add(r));
        for (Row row : rows) {
            if (!row.measured().baseline() || row.confirmed()) {
                continue;
            }
            List<Measured> existing = new ArrayList<>(stored.getOrDefault(row.client(), List.of()));
            for (Row other : byClient.get(row.client())) {
                if (other != row && (!other.measured().baseline() || other.number() < row.number())) {
                    existing.add(other.measured());
                }
            }
            conflict(existing, row.measured().instrument(), row.measured().on())
                    .ifPresent(c -> problems.put(row.number(), c));
        }
        return problems;
    }

    /**
     * Applies {@link #unconfirmed} to a batch of measurement rows about to be inserted by the
     * import (parameters {@code client}, {@code instrument}, {@code timePoint}, {@code measuredOn},
     * {@code confirm} and the row number under {@code rowKey}), reading the batch's clients' stored
     * measurements of one municipality in one query.
     */
    static Map<Long, BaselineNeedsConfirmation> unconfirmed(NamedParameterJdbcTemplate jdbc,
                                                           List<MapSqlParameterSource> inserts, String rowKey) {
        if (inserts.stream().noneMatch(r -> TimePoint.BASELINE.code().equals(r.getValue("timePoint")))) {
            return Map.of();
        }
        List<Row> rows = rows(inserts, rowKey);
        Map<Long, List<Measured>> stored = new HashMap<>();
        jdbc.query("""
                SELECT client_id, instrument_code, time_point, measured_on FROM fup_measurement
                WHERE municipality_code = :municipality AND client_id IN (:clients) AND removed_at IS NULL""",
                new MapSqlParameterSource("municipality", inserts.get(0).getValue("municipality"))
                        .addValue("clients", rows.stream().map(Row::client).distinct().toList()),
                rs -> {
                    stored.computeIfAbsent(rs.getLong(1), c -> new ArrayList<>()).add(
                            new Measured(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)));
                });
        return unconfirmed(rows, stored);
    }

    /**
     * The import's measurement rows (parameters as for {@link #unconfirmed(NamedParameterJdbcTemplate,
     * List, String)}) as rows of the rule.
     */
    static List<Row> rows(List<MapSqlParameterSource> inserts, String rowKey) {
        return inserts.stream().map(r -> new Row((Long) r.getValue(rowKey), (Long) r.getValue("client"),
                new Measured((String) r.getValue("instrument"), (String) r.getValue("timePoint"),
                        (LocalDate) r.getValue("measuredOn")), confirms(r))).toList();
    }

    /** Whether an import row (its parameters) is confirmed with the {@code confirm} column. */
    static boolean confirms(MapSqlParameterSource row) {
        return row.hasValue("confirm") && Boolean.TRUE.equals(row.getValue("confirm"));
    }

    /** Whether any of the rules' rows is a baseline that is not confirmed, the only kind the rule can refuse. */
    static boolean anyUnconfirmedBaseline(List<Row> rows) {
        return rows.stream().anyMatch(r -> r.measured().baseline() && !r.confirmed());
    }
}
