package se.samsyn.comparison.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.samsyn.comparison.Direction;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.IndicatorKind;
import se.samsyn.comparison.MeasureType;
import se.samsyn.comparison.MeasureUnit;
import se.samsyn.comparison.QualityDimension;
import se.samsyn.comparison.ResultRow;
import se.samsyn.comparison.Template;

/** Explicit SQL for indicators and their stored results. */
@Repository
class ComparisonRepository {

    private static final String INDICATOR_COLUMNS = """
            id, title_sv, title_en, description_sv, description_en, focus_area, kind, quality_dimension, measure_type,
            unit, direction, origin, template, instrument_code, intervention_code, age_band, filter_focus_area,
            source_name, operating_area, perspective, divided_by_gender, publication_date, published, created_by,
            created_at, refreshed_at""";
    private static final String RESULT_COLUMNS = """
            indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, result_value, n, status, colour, suppression""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ComparisonRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Sets a column (status, colour or suppression, the reason of a suppressed cell) of many cells in
     * one batch, with the revision of the refresh.
     */
    void updateCells(String column, String indicatorId, List<CellUpdate> updates, long revision) {
        if (updates.isEmpty()) {
            return;
        }
        String sql = "UPDATE cmp_result SET " + switch (column) {
            case "status" -> "status";
            case "suppression" -> "suppression";
            default -> "colour";
        } + """
                 = :value, revision = :revision WHERE indicator_id = :id AND stat_year = :year AND area_code = :area AND gender = :gender""";
        batch.batchUpdate(sql, updates.stream().map(u -> new MapSqlParameterSource().addValue("value", u.value())
                .addValue("id", indicatorId).addValue("year", u.year()).addValue("area", u.area())
                .addValue("gender", u.gender()).addValue("revision", revision)).toArray(MapSqlParameterSource[]::new));
    }

    /** A new value for one cell. */
    record CellUpdate(int year, String area, String gender, String value) {
    }

    List<Indicator> indicators() {
        return jdbc.sql("SELECT " + INDICATOR_COLUMNS + " FROM cmp_indicator ORDER BY id").query(this::indicatorRow).list();
    }

    Optional<Indicator> indicator(String id) {
        return jdbc.sql("SELECT " + INDICATOR_COLUMNS + " FROM cmp_indicator WHERE id = :id").param("id", id)
                .query(this::indicatorRow).optional();
    }

    void insert(Indicator i) {
        jdbc.sql("""
                INSERT INTO cmp_indicator (id, title_sv, title_en, description_sv, description_en, focus_area, kind,
                  quality_dimension, measure_type, unit, direction, origin, template, instrument_code, intervention_code,
                  age_band, filter_focus_area, source_name, operating_area, perspective, divided_by_gender,
                  publication_date, published, created_by, created_at)
                VALUES (:id, :titleSv, :titleEn, :descriptionSv, :descriptionEn, :focusArea, :kind, :dimension,
                  :measureType, :unit, :direction, :origin, :template, :instrument, :intervention, :ageBand,
                  :filterFocusArea, :sourceName, :operatingArea, :perspective, :dividedByGender, :publicationDate,
                  :published, :createdBy, :createdAt)""")
                .param("id", i.id()).param("titleSv", i.titleSv()).param("titleEn", i.titleEn())
                .param("descriptionSv", i.descriptionSv()).param("descriptionEn", i.descriptionEn())
                .param("focusArea", i.focusArea()).param("kind", i.kind().code())
                .param("dimension", i.qualityDimension() == null ? null : i.qualityDimension().code())
                .param("measureType", i.measureType() == null ? null : i.measureType().code())
                .param("unit", i.unit().code()).param("direction", i.direction().code()).param("origin", i.origin())
                .param("template", i.template() == null ? null : i.template().code())
                .param("instrument", i.instrumentCode()).param("intervention", i.interventionCode())
                .param("ageBand", i.ageBand()).param("filterFocusArea", i.filterFocusArea())
                .param("sourceName", i.sourceName()).param("operatingArea", i.operatingArea())
                .param("perspective", i.perspective()).param("dividedByGender", i.dividedByGender())
                .param("publicationDate", i.publicationDate()).param("published", i.published())
                .param("createdBy", i.createdBy()).param("createdAt", OffsetDateTime.ofInstant(i.createdAt(), ZoneOffset.UTC))
                .update();
    }

    /** The knowledge-guide entry that describes the indicator, if one is named. */
    java.util.Optional<String> guideEntry(String id) {
        return jdbc.sql("SELECT guide_entry FROM cmp_indicator WHERE id = :id AND guide_entry IS NOT NULL").param("id", id)
                .query(String.class).optional();
    }

    void setPublished(String id, boolean published) {
        jdbc.sql("UPDATE cmp_indicator SET published = :p WHERE id = :id").param("p", published).param("id", id).update();
    }

    void setDirection(String id, Direction direction) {
        jdbc.sql("UPDATE cmp_indicator SET direction = :d WHERE id = :id").param("d", direction.code()).param("id", id).update();
    }

    /** A new revision number for the cells a refresh writes (sequence {@code cmp_result_revision}). */
    long nextRevision() {
        return jdbc.sql("SELECT nextval('cmp_result_revision')").query(Long.class).single();
    }

    void refreshed(String id, Instant at) {
        jdbc.sql("UPDATE cmp_indicator SET refreshed_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("id", id).update();
    }

    List<ResultRow> results(String indicatorId, int year, String areaKind) {
        return jdbc.sql("SELECT " + RESULT_COLUMNS + " " + """
                 FROM cmp_result WHERE indicator_id = :id AND stat_year = :year AND area_kind = :kind
                ORDER BY area_code, gender""")
                .param("id", indicatorId).param("year", year).param("kind", areaKind).query(this::resultRow).list();
    }

    List<ResultRow> results(String indicatorId, int year) {
        return jdbc.sql("SELECT " + RESULT_COLUMNS + " " + """
                 FROM cmp_result WHERE indicator_id = :id AND stat_year = :year ORDER BY area_kind, area_code, gender""")
                .param("id", indicatorId).param("year", year).query(this::resultRow).list();
    }

    /** The indicator's stored results of the given years (none when the set is empty). */
    List<ResultRow> results(String indicatorId, java.util.Set<Integer> years) {
        if (years.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + RESULT_COLUMNS + " " + """
                 FROM cmp_result WHERE indicator_id = :id AND stat_year IN (:years) ORDER BY stat_year, area_kind, area_code, gender""")
                .param("id", indicatorId).param("years", List.copyOf(years)).query(this::resultRow).list();
    }

    List<ResultRow> results(String indicatorId) {
        return jdbc.sql("SELECT " + RESULT_COLUMNS + " " + """
                 FROM cmp_result WHERE indicator_id = :id ORDER BY stat_year, area_kind, area_code, gender""")
                .param("id", indicatorId).query(this::resultRow).list();
    }

    /** Every result of one area (and gender) over all indicators and years, for a profile or trend. */
    List<ResultRow> resultsOfArea(String areaCode, String gender) {
        return jdbc.sql("SELECT " + RESULT_COLUMNS + " " + """
                 FROM cmp_result WHERE area_code = :area AND gender = :gender ORDER BY indicator_id, stat_year""")
                .param("area", areaCode).param("gender", gender).query(this::resultRow).list();
    }

    List<Integer> years(String indicatorId) {
        return jdbc.sql("SELECT DISTINCT stat_year FROM cmp_result WHERE indicator_id = :id ORDER BY stat_year")
                .param("id", indicatorId).query(Integer.class).list();
    }

    private Indicator indicatorRow(ResultSet rs, int row) throws SQLException {
        Timestamp refreshed = rs.getTimestamp("refreshed_at");
        java.sql.Date published = rs.getDate("publication_date");
        return new Indicator(rs.getString("id"), rs.getString("title_sv"), rs.getString("title_en"),
                rs.getString("description_sv"), rs.getString("description_en"), rs.getString("focus_area"),
                IndicatorKind.fromCode(rs.getString("kind")).orElse(IndicatorKind.KEY_FIGURE),
                QualityDimension.fromCode(rs.getString("quality_dimension")).orElse(null),
                MeasureType.fromCode(rs.getString("measure_type")).orElse(null),
                MeasureUnit.fromCode(rs.getString("unit")).orElse(MeasureUnit.COUNT),
                Direction.fromCode(rs.getString("direction")).orElse(Direction.NEUTRAL),
                rs.getString("origin"), Template.fromCode(rs.getString("template")).orElse(null),
                rs.getString("instrument_code"), rs.getString("intervention_code"), rs.getString("age_band"),
                rs.getString("filter_focus_area"), rs.getString("source_name"), rs.getString("operating_area"),
                rs.getString("perspective"), rs.getBoolean("divided_by_gender"),
                published == null ? null : published.toLocalDate(), rs.getBoolean("published"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                refreshed == null ? null : refreshed.toInstant());
    }

    private ResultRow resultRow(ResultSet rs, int row) throws SQLException {
        return new ResultRow(rs.getString("indicator_id"), rs.getString("area_code"), rs.getString("area_kind"),
                rs.getInt("stat_year"), rs.getString("gender"), nullable(rs, "numerator"), nullable(rs, "denominator"),
                nullable(rs, "result_value"), (Integer) rs.getObject("n", Integer.class), rs.getString("status"),
                rs.getString("colour"), rs.getString("suppression"));
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
