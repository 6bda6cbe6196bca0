package se.samsyn.comparison.kolada;

import java.sql.Date;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Explicit SQL for imported Kolada KPIs and values, the import log and the Kolada-compatible read API. */
@Repository
class KoladaRepository {

    /** Changes a stored value only when it differs, so that a re-import reports unchanged rows. */
    static final String UPDATE_VALUE = """
            UPDATE cmp_result SET result_value = :value, status = 'ok', numerator = NULL, denominator = NULL,
                   n = NULL, colour = NULL, suppression = NULL
            WHERE indicator_id = :kpi AND area_code = :area AND stat_year = :year AND gender = :gender
              AND (result_value IS NULL OR result_value <> :value OR status <> 'ok')""";

    /** For a KPI that had no values before this import (duplicates within a file are rejected first). */
    static final String INSERT_NEW_VALUE = """
            INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, result_value, status)
            VALUES (:kpi, :area, :areaKind, :year, :gender, :value, 'ok')""";

    static final String INSERT_VALUE = """
            INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, result_value, status)
            VALUES (:kpi, :area, :areaKind, :year, :gender, :value, 'ok')
            ON CONFLICT DO NOTHING""";

    /** How an existing indicator stands, for validating imported rows. */
    record KnownIndicator(String id, String origin, boolean dividedByGender) {
    }

    /** A stored result cell, as the read API needs it. */
    record Cell(String kpi, String area, String areaKind, int year, String gender, Double value, String status) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    KoladaRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Map<String, KnownIndicator> indicators() {
        Map<String, KnownIndicator> all = new HashMap<>();
        jdbc.sql("SELECT id, origin, divided_by_gender FROM cmp_indicator")
                .query((rs, i) -> new KnownIndicator(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list().forEach(k -> all.put(k.id(), k));
        return all;
    }

    boolean hasResults(String indicatorId) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM cmp_result WHERE indicator_id = :id LIMIT 1) t")
                .param("id", indicatorId).query(Integer.class).single() > 0;
    }

    /** Inserts a KPI; returns false when it already exists. */
    boolean insertKpi(MapSqlParameterSource kpi) {
        if (jdbc.sql("SELECT COUNT(*) FROM cmp_indicator WHERE id = :id").params(kpi.getValues())
                .query(Integer.class).single() > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO cmp_indicator (id, title_sv, title_en, description_sv, description_en, kind, unit, direction,
                                           origin, source_name, operating_area, perspective, divided_by_gender,
                                           publication_date, published, created_by, created_at)
                VALUES (:id, :title, :title, :description, :description, 'key-figure', :unit, 'neutral', 'kolada',
                        'Kolada', :operatingArea, :perspective, :divided, :publicationDate, TRUE, :by, :at)""")
                .params(kpi.getValues()).update();
        jdbc.sql("""
                INSERT INTO cmp_kolada_kpi (indicator_id, municipality_type, original_source)
                VALUES (:id, :municipalityType, :source)""").params(kpi.getValues()).update();
        return true;
    }

    /**
     * Updates an imported KPI's Kolada metadata when it differs; unit, direction and publication
     * stay as an analyst set them. Returns whether anything changed.
     */
    boolean updateKpi(MapSqlParameterSource kpi) {
        int changed = jdbc.sql("""
                UPDATE cmp_indicator SET title_sv = :title, title_en = :title, description_sv = :description,
                       description_en = :description, operating_area = :operatingArea, perspective = :perspective,
                       divided_by_gender = :divided, publication_date = :publicationDate, source_name = 'Kolada'
                WHERE id = :id AND origin = 'kolada'
                  AND (title_sv <> :title OR title_en <> :title
                       OR COALESCE(description_sv, '') <> COALESCE(:description, '')
                       OR COALESCE(description_en, '') <> COALESCE(:description, '')
                       OR COALESCE(operating_area, '') <> COALESCE(:operatingArea, '')
                       OR COALESCE(perspective, '') <> COALESCE(:perspective, '')
                       OR divided_by_gender <> :divided
                       OR COALESCE(publication_date, DATE '1900-01-01') <> COALESCE(:publicationDate, DATE '1900-01-01')
                       OR COALESCE(source_name, '') <> 'Kolada')""")
                .params(kpi.getValues()).update();
        int extra = jdbc.sql("""
                UPDATE cmp_kolada_kpi SET municipality_type = :municipalityType, original_source = :source
                WHERE indicator_id = :id AND (municipality_type <> :municipalityType
                      OR COALESCE(original_source, '') <> COALESCE(:source, ''))""")
                .params(kpi.getValues()).update();
        if (jdbc.sql("SELECT COUNT(*) FROM cmp_kolada_kpi WHERE indicator_id = :id").params(kpi.getValues())
                .query(Integer.class).single() == 0) {
            jdbc.sql("""
                    INSERT INTO cmp_kolada_kpi (indicator_id, municipality_type, original_source)
                    VALUES (:id, :municipalityType, :source)""").params(kpi.getValues()).update();
            extra++;
        }
        return changed + extra > 0;
    }

    /** Runs a batch and returns each statement's update count (0 or 1). */
    int[] batch(String sql, List<MapSqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return Arrays.stream(batch.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new)))
                .map(c -> c > 0 || c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0).toArray();
    }

    boolean alreadyLoaded(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM cmp_kolada_load WHERE sha256 = :sha").param("sha", sha256)
                .query(Integer.class).single() > 0;
    }

    void logLoad(String fileName, String kind, String sha256, long rows, long imported, long updated, String by,
                 Instant at) {
        jdbc.sql("""
                INSERT INTO cmp_kolada_load (file_name, file_kind, sha256, row_count, new_count, updated_count,
                                             loaded_by, loaded_at)
                VALUES (:name, :kind, :sha, :rows, :imported, :updated, :by, :at)""")
                .param("name", fileName.length() > 255 ? fileName.substring(0, 255) : fileName).param("kind", kind)
                .param("sha", sha256).param("rows", (int) rows).param("imported", (int) imported)
                .param("updated", (int) updated).param("by", by).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    List<KoladaRecords.LoadEntry> loads(int limit) {
        return jdbc.sql("""
                SELECT file_name, file_kind, row_count, new_count, updated_count, loaded_by, loaded_at
                FROM cmp_kolada_load ORDER BY id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, i) -> new KoladaRecords.LoadEntry(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    List<KoladaRecords.ImportedKpi> importedKpis() {
        return jdbc.sql("""
                SELECT i.id, i.title_sv, i.unit, i.source_name, k.original_source, i.published,
                       COUNT(r.indicator_id), MIN(r.stat_year), MAX(r.stat_year)
                FROM cmp_indicator i
                LEFT JOIN cmp_kolada_kpi k ON k.indicator_id = i.id
                LEFT JOIN cmp_result r ON r.indicator_id = i.id
                WHERE i.origin = 'kolada'
                GROUP BY i.id, i.title_sv, i.unit, i.source_name, k.original_source, i.published
                ORDER BY i.id""")
                .query((rs, i) -> new KoladaRecords.ImportedKpi(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getLong(7),
                        rs.getObject(8, Integer.class), rs.getObject(9, Integer.class)))
                .list();
    }

    /**
     * Published indicators, imported and computed, as Kolada KPIs, ordered by id. A KPI is divided
     * by gender exactly when published values (status ok, with a value) for both K and M are stored
     * for municipalities, regions or the nation; its latest year is the latest such value's year.
     * {@code kpiGroup} is the operating area, or else the focus area's code (named by the caller).
     */
    List<KoladaRecords.Kpi> publishedKpis() {
        Map<String, int[]> published = new HashMap<>();
        jdbc.sql("""
                SELECT r.indicator_id, MAX(r.stat_year),
                       COUNT(DISTINCT CASE WHEN r.gender IN ('K', 'M') THEN r.gender END)
                FROM cmp_result r JOIN cmp_indicator i ON i.id = r.indicator_id
                WHERE i.published AND r.status = 'ok' AND r.result_value IS NOT NULL
                  AND r.area_kind IN ('municipality', 'region', 'nation')
                GROUP BY r.indicator_id""")
                .query(rs -> {
                    published.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return jdbc.sql("""
                SELECT i.id, i.title_sv, i.description_sv, i.operating_area, k.municipality_type, i.focus_area,
                       i.perspective, i.publication_date, i.source_name, k.original_source
                FROM cmp_indicator i LEFT JOIN cmp_kolada_kpi k ON k.indicator_id = i.id
                WHERE i.published
                ORDER BY i.id""")
                .query((rs, i) -> {
                    Date date = rs.getDate(8);
                    String source = rs.getString(10) != null ? rs.getString(10) : rs.getString(9);
                    int[] values = published.get(rs.getString(1));
                    String group = rs.getString(4) != null && !rs.getString(4).isBlank() ? rs.getString(4)
                            : rs.getString(6);
                    return new KoladaRecords.Kpi(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            group, rs.getString(5) == null ? "K" : rs.getString(5), values != null && values[1] == 2,
                            rs.getString(7), date == null ? null : date.toLocalDate(),
                            values == null ? null : values[0], source);
                })
                .list();
    }

    /**
     * The stored unit-level cells ({@code area_kind = 'unit'}, the area code a unit code) of
     * published indicators, ok or suppressed, ordered by KPI, unit, year and gender. A null
     * collection means no filter.
     */
    List<Cell> unitCells(Collection<String> kpis, Collection<String> units, Collection<Integer> years) {
        return cells(kpis, units, years, "('unit')");
    }

    /**
     * The stored cells of published indicators for municipalities, regions and the nation,
     * ordered by KPI, area, year and gender. A null collection means no filter.
     */
    List<Cell> cells(Collection<String> kpis, Collection<String> areas, Collection<Integer> years) {
        return cells(kpis, areas, years, "('municipality', 'region', 'nation')");
    }

    private List<Cell> cells(Collection<String> kpis, Collection<String> areas, Collection<Integer> years,
                             String kinds) {
        StringBuilder sql = new StringBuilder("""
                SELECT r.indicator_id, r.area_code, r.area_kind, r.stat_year, r.gender, r.result_value, r.status
                FROM cmp_result r JOIN cmp_indicator i ON i.id = r.indicator_id
                WHERE i.published AND r.status IN ('ok', 'suppressed') AND r.area_kind IN """).append(kinds);
        Map<String, Object> params = new HashMap<>();
        if (kpis != null) {
            sql.append(" AND r.indicator_id IN (:kpis)");
            params.put("kpis", kpis);
        }
        if (areas != null) {
            sql.append(" AND r.area_code IN (:areas)");
            params.put("areas", areas);
        }
        if (years != null) {
            sql.append(" AND r.stat_year IN (:years)");
            params.put("years", years);
        }
        sql.append(" ORDER BY r.indicator_id, r.area_code, r.stat_year, r.gender");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), (Double) rs.getObject(6, Double.class), rs.getString(7)))
                .list();
    }
}
