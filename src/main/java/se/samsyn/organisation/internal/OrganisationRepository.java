package se.samsyn.organisation.internal;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.samsyn.organisation.County;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.MunicipalityGroup;
import se.samsyn.organisation.PopulationBand;
import se.samsyn.organisation.PopulationYear;
import se.samsyn.organisation.Unit;

@Repository
class OrganisationRepository {

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every municipality with its latest population. The share aged 80+ is taken from the age
     * bands of the newest year that has them; the total from the newest year of the totals.
     */
    List<Municipality> municipalities() {
        return jdbc.sql("""
                SELECT m.code, m.name, m.name_long, m.county_code, c.name AS county_name,
                       m.group_code, g.name AS group_name, t.total, t.stat_year,
                       b.plus80, b.everyone
                FROM org_municipality m
                JOIN org_county c ON c.code = m.county_code
                LEFT JOIN org_municipality_group g ON g.code = m.group_code
                LEFT JOIN org_population_total t ON t.municipality_code = m.code
                     AND t.stat_year = (SELECT MAX(stat_year) FROM org_population_total)
                LEFT JOIN (
                    SELECT municipality_code,
                           SUM(CASE WHEN age_band = '80+' THEN population ELSE 0 END) AS plus80,
                           SUM(population) AS everyone
                    FROM org_population
                    WHERE sex = 'T' AND stat_year = (SELECT MAX(stat_year) FROM org_population)
                    GROUP BY municipality_code
                ) b ON b.municipality_code = m.code
                ORDER BY m.name
                """)
                .query((rs, n) -> {
                    Integer total = (Integer) rs.getObject("total");
                    Integer year = (Integer) rs.getObject("stat_year");
                    long everyone = rs.getLong("everyone");
                    Double share = everyone > 0 ? Math.round(1000.0 * rs.getLong("plus80") / everyone) / 10.0 : null;
                    return new Municipality(rs.getString("code"), rs.getString("name"), rs.getString("name_long"),
                            rs.getString("county_code"), rs.getString("county_name"), rs.getString("group_code"),
                            rs.getString("group_name"), total, year, share);
                })
                .list();
    }

    List<County> counties() {
        return jdbc.sql("SELECT code, name, short_name FROM org_county ORDER BY code")
                .query((rs, n) -> new County(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    List<MunicipalityGroup> groups() {
        return jdbc.sql("SELECT code, name, main_group, kolada_group_id FROM org_municipality_group ORDER BY code")
                .query((rs, n) -> new MunicipalityGroup(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    List<PopulationBand> populationBands(String municipalityCode) {
        return jdbc.sql("""
                SELECT stat_year, sex, age_band, population FROM org_population
                WHERE municipality_code = :code ORDER BY stat_year, sex, age_band
                """)
                .param("code", municipalityCode)
                .query((rs, n) -> new PopulationBand(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    List<PopulationYear> populationTrend(String municipalityCode) {
        return jdbc.sql("""
                SELECT stat_year, total, women, men FROM org_population_total
                WHERE municipality_code = :code ORDER BY stat_year
                """)
                .param("code", municipalityCode)
                .query((rs, n) -> new PopulationYear(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    Optional<String> countyOfMunicipality(String municipalityCode) {
        return jdbc.sql("SELECT county_code FROM org_municipality WHERE code = :code")
                .param("code", municipalityCode)
                .query(String.class)
                .optional();
    }

    Optional<String> municipalityOfUnit(String unitCode) {
        return jdbc.sql("SELECT municipality_code FROM org_unit WHERE code = :code")
                .param("code", unitCode)
                .query(String.class)
                .optional();
    }

    List<Unit> units(String municipalityCode) {
        return unitsWhere("u.municipality_code = :code", municipalityCode);
    }

    List<Unit> unitsInCounty(String countyCode) {
        return unitsWhere("m.county_code = :code", countyCode);
    }

    List<Unit> allUnits() {
        return unitsWhere("1 = 1", null);
    }

    Optional<Unit> unit(String unitCode) {
        return unitsWhere("u.code = :code", unitCode).stream().findFirst();
    }

    private List<Unit> unitsWhere(String condition, String code) {
        // condition is one of the constant fragments above, never user input
        JdbcClient.StatementSpec spec = jdbc.sql("""
                SELECT u.municipality_code, u.code, u.name, u.active, f.focus_area
                FROM org_unit u
                JOIN org_municipality m ON m.code = u.municipality_code
                LEFT JOIN org_unit_focus_area f ON f.municipality_code = u.municipality_code AND f.unit_code = u.code
                WHERE %s
                ORDER BY u.municipality_code, u.name, u.code
                """.formatted(condition));
        if (code != null) {
            spec = spec.param("code", code);
        }
        Map<String, UnitRow> rows = new LinkedHashMap<>();
        spec.query(rs -> {
            UnitRow row = rows.computeIfAbsent(rs.getString("code"), c -> {
                try {
                    return new UnitRow(rs.getString("municipality_code"), c, rs.getString("name"),
                            rs.getBoolean("active"), EnumSet.noneOf(FocusArea.class));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String area = rs.getString("focus_area");
            if (area != null) {
                FocusArea.fromCode(area).ifPresent(row.areas::add);
            }
        });
        return rows.values().stream()
                .map(r -> new Unit(r.municipality, r.code, r.name, Set.copyOf(r.areas), r.active))
                .toList();
    }

    private record UnitRow(String municipality, String code, String name, boolean active, Set<FocusArea> areas) {
    }

    boolean unitCodeTaken(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE LOWER(code) = LOWER(:code)")
                .param("code", code).query(Integer.class).single() > 0;
    }

    boolean municipalityExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM org_municipality WHERE code = :code")
                .param("code", code).query(Integer.class).single() > 0;
    }

    boolean countyExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM org_county WHERE code = :code")
                .param("code", code).query(Integer.class).single() > 0;
    }

    void insertUnit(String municipalityCode, String code, String name, Set<FocusArea> areas, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO org_unit (municipality_code, code, name, active, created_at)
                VALUES (:municipality, :code, :name, TRUE, :at)
                """)
                .param("municipality", municipalityCode)
                .param("code", code)
                .param("name", name)
                .param("at", at)
                .update();
        insertFocusAreas(municipalityCode, code, areas);
    }

    void updateUnit(String municipalityCode, String code, String name, Set<FocusArea> areas, boolean active) {
        jdbc.sql("UPDATE org_unit SET name = :name, active = :active WHERE municipality_code = :municipality AND code = :code")
                .param("name", name)
                .param("active", active)
                .param("municipality", municipalityCode)
                .param("code", code)
                .update();
        jdbc.sql("DELETE FROM org_unit_focus_area WHERE municipality_code = :municipality AND unit_code = :code")
                .param("municipality", municipalityCode)
                .param("code", code)
                .update();
        insertFocusAreas(municipalityCode, code, areas);
    }

    private void insertFocusAreas(String municipalityCode, String code, Set<FocusArea> areas) {
        for (FocusArea area : areas) {
            jdbc.sql("""
                    INSERT INTO org_unit_focus_area (municipality_code, unit_code, focus_area)
                    VALUES (:municipality, :code, :area)
                    """)
                    .param("municipality", municipalityCode)
                    .param("code", code)
                    .param("area", area.code())
                    .update();
        }
    }

    /** Map boundaries of one kind ("municipality" or "county") as code → GeoJSON geometry. */
    Map<String, String> boundaries(String kind) {
        Map<String, String> result = new LinkedHashMap<>();
        jdbc.sql("SELECT code, geometry FROM org_boundary WHERE kind = :kind ORDER BY code")
                .param("kind", kind)
                .query(rs -> {
                    result.put(rs.getString(1), rs.getString(2));
                });
        return result;
    }
}
