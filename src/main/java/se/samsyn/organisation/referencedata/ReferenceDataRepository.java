package se.samsyn.organisation.referencedata;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReferenceDataRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ReferenceDataRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Set<String> countyCodes() {
        return new HashSet<>(jdbc.sql("SELECT code FROM org_county").query(String.class).list());
    }

    Set<String> municipalityCodes() {
        return new HashSet<>(jdbc.sql("SELECT code FROM org_municipality").query(String.class).list());
    }

    Optional<String> lastChecksum(ReferenceFileKind kind) {
        return jdbc.sql("""
                SELECT sha256 FROM org_reference_load WHERE file_kind = :kind
                ORDER BY id DESC LIMIT 1
                """)
                .param("kind", kind.name())
                .query(String.class)
                .optional();
    }

    void logLoad(ReferenceFileKind kind, String fileName, String sha256, int rows, String loadedBy, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO org_reference_load (file_kind, file_name, sha256, row_count, loaded_by, loaded_at)
                VALUES (:kind, :fileName, :sha, :rows, :by, :at)
                """)
                .param("kind", kind.name())
                .param("fileName", fileName)
                .param("sha", sha256)
                .param("rows", rows)
                .param("by", loadedBy)
                .param("at", at)
                .update();
    }

    record LoadLogEntry(String kind, String fileName, int rows, String loadedBy, OffsetDateTime loadedAt) {
    }

    List<LoadLogEntry> recentLoads(int limit) {
        return jdbc.sql("""
                SELECT file_kind, file_name, row_count, loaded_by, loaded_at FROM org_reference_load
                ORDER BY id DESC LIMIT :limit
                """)
                .param("limit", limit)
                .query((rs, n) -> new LoadLogEntry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    Map<String, Integer> tableCounts() {
        return Map.of(
                "counties", count("org_county"),
                "municipalities", count("org_municipality"),
                "groups", count("org_municipality_group"),
                "population", count("org_population"),
                "populationTotals", count("org_population_total"),
                "boundaries", count("org_boundary"),
                "units", count("org_unit"));
    }

    private int count(String table) {
        // table is one of the constant names above
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    void upsertCounties(List<ReferenceDataValidation.CountyRow> rows) {
        upsert("UPDATE org_county SET name = :name, short_name = :shortName WHERE code = :code",
                "INSERT INTO org_county (code, name, short_name) VALUES (:code, :name, :shortName)",
                rows.stream().map(r -> new MapSqlParameterSource()
                        .addValue("code", r.code()).addValue("name", r.name()).addValue("shortName", r.shortName()))
                        .toList());
    }

    void upsertMunicipalities(List<ReferenceDataValidation.MunicipalityRow> rows) {
        upsert("""
                UPDATE org_municipality SET name = :name, name_long = :nameLong, county_code = :county
                WHERE code = :code
                """,
                """
                INSERT INTO org_municipality (code, name, name_long, county_code)
                VALUES (:code, :name, :nameLong, :county)
                """,
                rows.stream().map(r -> new MapSqlParameterSource()
                        .addValue("code", r.code()).addValue("name", r.name())
                        .addValue("nameLong", r.nameLong()).addValue("county", r.countyCode()))
                        .toList());
    }

    void upsertGroups(List<ReferenceDataValidation.GroupRow> rows) {
        Map<String, ReferenceDataValidation.GroupRow> groups = new java.util.LinkedHashMap<>();
        rows.forEach(r -> groups.putIfAbsent(r.groupCode(), r));
        upsert("""
                UPDATE org_municipality_group SET name = :name, main_group = :main, kolada_group_id = :kolada
                WHERE code = :code
                """,
                """
                INSERT INTO org_municipality_group (code, name, main_group, kolada_group_id)
                VALUES (:code, :name, :main, :kolada)
                """,
                groups.values().stream().map(r -> new MapSqlParameterSource()
                        .addValue("code", r.groupCode()).addValue("name", r.groupName())
                        .addValue("main", r.mainGroup()).addValue("kolada", r.koladaId()))
                        .toList());
        batch.batchUpdate("UPDATE org_municipality SET group_code = :group WHERE code = :code",
                rows.stream().map(r -> new MapSqlParameterSource()
                        .addValue("group", r.groupCode()).addValue("code", r.municipalityCode()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    void upsertPopulation(List<ReferenceDataValidation.PopulationRow> rows) {
        upsert("""
                UPDATE org_population SET population = :population
                WHERE municipality_code = :code AND stat_year = :year AND sex = :sex AND age_band = :band
                """,
                """
                INSERT INTO org_population (municipality_code, stat_year, sex, age_band, population)
                VALUES (:code, :year, :sex, :band, :population)
                """,
                rows.stream().map(r -> new MapSqlParameterSource()
                        .addValue("code", r.municipalityCode()).addValue("year", r.year())
                        .addValue("sex", r.sex()).addValue("band", r.ageBand())
                        .addValue("population", r.population()))
                        .toList());
    }

    void upsertTotals(List<ReferenceDataValidation.TotalRow> rows) {
        upsert("""
                UPDATE org_population_total SET total = :total, women = :women, men = :men
                WHERE municipality_code = :code AND stat_year = :year
                """,
                """
                INSERT INTO org_population_total (municipality_code, stat_year, total, women, men)
                VALUES (:code, :year, :total, :women, :men)
                """,
                rows.stream().map(r -> new MapSqlParameterSource()
                        .addValue("code", r.municipalityCode()).addValue("year", r.year())
                        .addValue("total", r.total()).addValue("women", r.women()).addValue("men", r.men()))
                        .toList());
    }

    void upsertBoundaries(String kind, List<ReferenceDataValidation.BoundaryRow> rows) {
        upsert("UPDATE org_boundary SET geometry = :geometry WHERE kind = :kind AND code = :code",
                "INSERT INTO org_boundary (kind, code, geometry) VALUES (:kind, :code, :geometry)",
                rows.stream().map(r -> new MapSqlParameterSource()
                        .addValue("kind", kind).addValue("code", r.code()).addValue("geometry", r.geometry()))
                        .toList());
    }

    /** Updates every row in one batch, then inserts in a second batch those that matched nothing. */
    private void upsert(String update, String insert, List<MapSqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] updated = batch.batchUpdate(update, rows.toArray(MapSqlParameterSource[]::new));
        List<MapSqlParameterSource> missing = new java.util.ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            batch.batchUpdate(insert, missing.toArray(MapSqlParameterSource[]::new));
        }
    }
}
