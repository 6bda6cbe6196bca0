package se.samsyn.competence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.samsyn.competence.Introductions.Item;
import se.samsyn.competence.Introductions.Programme;
import se.samsyn.competence.StaffRole;

/** The SQL of introduction programmes, introductions and their ticked items ({@code cpt_intro_*}, {@code cpt_introduction*}). */
@Repository
class IntroductionStore {

    private final JdbcClient jdbc;

    IntroductionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A stored introduction: its row and the days its items were done, by item id.
     *
     * @param mentor         the mentor's name, or null until assigned
     * @param mentorUsername the mentor's Samsyn account, or null
     * @param startedHow     manual, page, api or import
     */
    record Stored(long id, String municipalityCode, String unitCode, String employeeNumber, long programmeId,
                  String mentor, LocalDate startedOn, Map<Long, LocalDate> done, String mentorUsername,
                  String startedHow) {
    }

    private static final String COLUMNS = "id, municipality_code, unit_code, employee_number, programme_id, mentor, "
            + "started_on, mentor_username, started_how";

    List<Programme> programmes(String municipalityCode) {
        Map<Long, List<Item>> items = new LinkedHashMap<>();
        jdbc.sql("SELECT id, programme_id, position, title_sv, title_en, due_week, guided_by, guide_slug FROM cpt_intro_item "
                + "ORDER BY programme_id, position, id").query((rs, n) -> {
                    items.computeIfAbsent(rs.getLong("programme_id"), k -> new ArrayList<>()).add(new Item(rs.getLong("id"),
                            rs.getInt("position"), rs.getString("title_sv"), rs.getString("title_en"), rs.getInt("due_week"),
                            rs.getString("guided_by"), rs.getString("guide_slug")));
                    return null;
                }).list();
        return jdbc.sql("SELECT id, code, municipality_code, role_code, title_sv, title_en FROM cpt_intro_programme "
                        + "WHERE municipality_code IS NULL OR municipality_code = :m ORDER BY title_sv")
                .param("m", municipalityCode == null ? "" : municipalityCode)
                .query((rs, n) -> new Programme(rs.getLong("id"), rs.getString("code"), rs.getString("municipality_code"),
                        StaffRole.fromCode(rs.getString("role_code")).orElse(StaffRole.OTHER), rs.getString("title_sv"),
                        rs.getString("title_en"), List.copyOf(items.getOrDefault(rs.getLong("id"), List.of())))).list();
    }

    List<Stored> unit(String unitCode) {
        return stored("unit_code = :key", unitCode);
    }

    /** The introductions whose mentor is linked to the account, by start date. */
    List<Stored> mentoredBy(String username) {
        return stored("mentor_username = :key", username);
    }

    java.util.Optional<Stored> find(long id) {
        return stored("id = :key", id).stream().findFirst();
    }

    private List<Stored> stored(String where, Object key) {
        Map<Long, Map<Long, LocalDate>> done = new LinkedHashMap<>();
        jdbc.sql("SELECT c.introduction_id, c.item_id, c.done_on FROM cpt_introduction_check c JOIN cpt_introduction i "
                + "ON i.id = c.introduction_id WHERE i." + where).param("key", key).query((rs, n) -> {
                    done.computeIfAbsent(rs.getLong("introduction_id"), k -> new LinkedHashMap<>())
                            .put(rs.getLong("item_id"), rs.getObject("done_on", LocalDate.class));
                    return null;
                }).list();
        return jdbc.sql("SELECT " + COLUMNS + " FROM cpt_introduction WHERE " + where + " ORDER BY started_on, id")
                .param("key", key)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("municipality_code"), rs.getString("unit_code"),
                        rs.getString("employee_number"), rs.getLong("programme_id"), rs.getString("mentor"),
                        rs.getObject("started_on", LocalDate.class), done.getOrDefault(rs.getLong("id"), Map.of()),
                        rs.getString("mentor_username"), rs.getString("started_how"))).list();
    }

    /** Sets the mentor's name and account (null: none) of an introduction. */
    void setMentor(long id, String mentor, String username, Instant now, String by) {
        jdbc.sql("UPDATE cpt_introduction SET mentor = :mentor, mentor_username = :username, updated_at = :now, "
                        + "updated_by = :by WHERE id = :id").param("mentor", mentor).param("username", username)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", by).param("id", id).update();
    }

    boolean exists(String unitCode, String employeeNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM cpt_introduction WHERE unit_code = :u AND employee_number = :n")
                .param("u", unitCode).param("n", employeeNumber).query(Integer.class).single() > 0;
    }

    /**
     * Stores a started introduction.
     *
     * @param mentor     the mentor's name, or null (an automatic start)
     * @param startedHow manual, page, api or import
     */
    long insert(String municipalityCode, String unitCode, String employeeNumber, long programmeId, String mentor,
                LocalDate startedOn, Instant now, String by, String startedHow) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cpt_introduction (municipality_code, unit_code, employee_number, programme_id, mentor, "
                        + "started_on, updated_at, updated_by, started_how) "
                        + "VALUES (:m, :u, :n, :p, :mentor, :start, :now, :by, :how)")
                .param("m", municipalityCode).param("u", unitCode).param("n", employeeNumber).param("p", programmeId)
                .param("mentor", mentor).param("start", startedOn).param("how", startedHow)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", by).update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** Ticks the item off; false when it was already ticked. */
    boolean check(long introductionId, long itemId, LocalDate doneOn, String by) {
        if (jdbc.sql("SELECT COUNT(*) FROM cpt_introduction_check WHERE introduction_id = :i AND item_id = :item")
                .param("i", introductionId).param("item", itemId).query(Integer.class).single() > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO cpt_introduction_check (introduction_id, item_id, done_on, checked_by) "
                        + "VALUES (:i, :item, :day, :by)").param("i", introductionId).param("item", itemId)
                .param("day", doneOn).param("by", by).update();
        return true;
    }
}
