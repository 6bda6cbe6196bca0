package se.samsyn.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryContent;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.EntrySummary;
import se.samsyn.knowledge.EntryVersion;
import se.samsyn.knowledge.FeedItem;
import se.samsyn.knowledge.GuideCollection;

/** The guide's SQL: entries, their versions and collections. */
@Repository
class GuideRepository {

    private static final String ENTRY_COLUMNS = """
            id, slug, entry_type, title, summary, body, focus_areas, target_groups, publisher, evidence, valid_from,
            review_due, source_url, status, version, updated_at, updated_by, published_at""";

    private final JdbcClient jdbc;

    GuideRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> entry(String slug) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM kg_entry WHERE slug = :slug").param("slug", slug)
                .query(GuideRepository::entry).optional();
    }

    List<Entry> entries() {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM kg_entry ORDER BY title").query(GuideRepository::entry).list();
    }

    List<Entry> entries(EntryStatus status) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM kg_entry WHERE status = :status ORDER BY title")
                .param("status", status.code()).query(GuideRepository::entry).list();
    }

    /** The entries in a status as slug to title, in title order (then slug, for equal titles). */
    Map<String, String> titles(EntryStatus status) {
        Map<String, String> titles = new LinkedHashMap<>();
        jdbc.sql("SELECT slug, title FROM kg_entry WHERE status = :status ORDER BY title, slug")
                .param("status", status.code())
                .query(rs -> {
                    titles.put(rs.getString(1), rs.getString(2));
                });
        return titles;
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM kg_entry").query(Integer.class).single();
    }

    long insert(EntryContent c, EntryStatus status, Instant at, String by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO kg_entry (slug, entry_type, title, summary, body, focus_areas, target_groups, publisher,
                                      evidence, valid_from, review_due, source_url, status, version, updated_at,
                                      updated_by, published_at)
                VALUES (:slug, :type, :title, :summary, :body, :focus, :target, :publisher, :evidence, :validFrom,
                        :reviewDue, :sourceUrl, :status, 1, :at, :by, :publishedAt)""")
                .param("slug", c.slug()).param("type", c.type()).param("title", c.title())
                .param("summary", c.summary()).param("body", c.body())
                .param("focus", String.join(",", c.focusAreas())).param("target", String.join(",", c.targetGroups()))
                .param("publisher", c.publisher()).param("evidence", c.evidence()).param("validFrom", c.validFrom())
                .param("reviewDue", c.reviewDue()).param("sourceUrl", c.sourceUrl()).param("status", status.code())
                .param("at", time(at)).param("by", by)
                .param("publishedAt", status == EntryStatus.PUBLISHED ? time(at) : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateContent(long id, EntryContent c, int version, Instant at, String by) {
        jdbc.sql("""
                UPDATE kg_entry SET entry_type = :type, title = :title, summary = :summary, body = :body,
                       focus_areas = :focus, target_groups = :target, publisher = :publisher, evidence = :evidence,
                       valid_from = :validFrom, review_due = :reviewDue, source_url = :sourceUrl, version = :version,
                       updated_at = :at, updated_by = :by
                WHERE id = :id""")
                .param("type", c.type()).param("title", c.title()).param("summary", c.summary())
                .param("body", c.body()).param("focus", String.join(",", c.focusAreas()))
                .param("target", String.join(",", c.targetGroups())).param("publisher", c.publisher())
                .param("evidence", c.evidence()).param("validFrom", c.validFrom()).param("reviewDue", c.reviewDue())
                .param("sourceUrl", c.sourceUrl()).param("version", version).param("at", time(at)).param("by", by)
                .param("id", id).update();
    }

    void updateStatus(long id, EntryStatus status, int version, Instant at, String by) {
        jdbc.sql("""
                UPDATE kg_entry SET status = :status, version = :version, updated_at = :at, updated_by = :by,
                       published_at = CASE WHEN :published AND published_at IS NULL THEN :at ELSE published_at END
                WHERE id = :id""")
                .param("status", status.code()).param("version", version).param("at", time(at)).param("by", by)
                .param("published", status == EntryStatus.PUBLISHED).param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM kg_entry WHERE id = :id").param("id", id).update();
    }

    void insertVersion(long entryId, int version, EntryStatus status, String change, String snapshot, Instant at,
                       String by) {
        jdbc.sql("""
                INSERT INTO kg_entry_version (entry_id, version, status, change_kind, snapshot, changed_at, changed_by)
                VALUES (:entry, :version, :status, :change, :snapshot, :at, :by)""")
                .param("entry", entryId).param("version", version).param("status", status.code())
                .param("change", change).param("snapshot", snapshot).param("at", time(at)).param("by", by).update();
    }

    List<EntryVersion> versions(long entryId) {
        return jdbc.sql("""
                SELECT version, status, change_kind, changed_at, changed_by FROM kg_entry_version
                WHERE entry_id = :entry ORDER BY version DESC""")
                .param("entry", entryId)
                .query((rs, n) -> new EntryVersion(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                        rs.getString(5)))
                .list();
    }

    Optional<String> snapshot(long entryId, int version) {
        return jdbc.sql("SELECT snapshot FROM kg_entry_version WHERE entry_id = :entry AND version = :version")
                .param("entry", entryId).param("version", version).query(String.class).optional();
    }

    /** Changes the public saw: publications, corrections of published entries and archivals, newest first. */
    List<FeedItem> feed(int limit) {
        return jdbc.sql("""
                SELECT e.slug, e.title, e.summary, v.status, v.change_kind, v.version, v.changed_at
                FROM kg_entry_version v JOIN kg_entry e ON e.id = v.entry_id
                WHERE v.status IN ('published', 'archived') AND e.status IN ('published', 'archived')
                ORDER BY v.changed_at DESC, v.version DESC
                FETCH FIRST :limit ROWS ONLY""")
                .param("limit", limit)
                .query((rs, n) -> new FeedItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), instant(rs, 7)))
                .list();
    }

    // ---- collections

    List<GuideCollection> collections() {
        return jdbc.sql("""
                SELECT id, slug, title, description, scope_type, scope_code, created_by, updated_at
                FROM kg_collection ORDER BY title""")
                .query((rs, n) -> collection(rs, List.of())).list();
    }

    Optional<GuideCollection> collection(String slug) {
        return jdbc.sql("""
                SELECT id, slug, title, description, scope_type, scope_code, created_by, updated_at
                FROM kg_collection WHERE slug = :slug""")
                .param("slug", slug)
                .query((rs, n) -> collection(rs, collectionEntries(rs.getLong(1)))).optional();
    }

    private List<EntrySummary> collectionEntries(long collectionId) {
        return jdbc.sql("""
                SELECT e.slug, e.entry_type, e.title, e.summary, e.publisher, e.status
                FROM kg_collection_entry c JOIN kg_entry e ON e.id = c.entry_id
                WHERE c.collection_id = :id ORDER BY c.position, e.title""")
                .param("id", collectionId)
                .query((rs, n) -> new EntrySummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /** The collections an entry is in, as slug and title. */
    List<String[]> collectionsWith(String entrySlug) {
        return jdbc.sql("""
                SELECT k.slug, k.title FROM kg_collection k
                JOIN kg_collection_entry c ON c.collection_id = k.id JOIN kg_entry e ON e.id = c.entry_id
                WHERE e.slug = :slug ORDER BY k.title""")
                .param("slug", entrySlug).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    boolean collectionExists(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM kg_collection WHERE slug = :slug").param("slug", slug)
                .query(Integer.class).single() > 0;
    }

    long insertCollection(String slug, String title, String description, String scopeType, String scopeCode,
                          String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO kg_collection (slug, title, description, scope_type, scope_code, created_by, updated_at)
                VALUES (:slug, :title, :description, :scopeType, :scopeCode, :by, :at)""")
                .param("slug", slug).param("title", title).param("description", description)
                .param("scopeType", scopeType).param("scopeCode", scopeCode).param("by", by).param("at", time(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void addToCollection(long collectionId, long entryId, Instant at) {
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM kg_collection_entry WHERE collection_id = :c")
                .param("c", collectionId).query(Integer.class).single() + 1;
        jdbc.sql("""
                INSERT INTO kg_collection_entry (collection_id, entry_id, position) VALUES (:c, :e, :p)
                ON CONFLICT DO NOTHING""")
                .param("c", collectionId).param("e", entryId).param("p", position).update();
        touchCollection(collectionId, at);
    }

    void removeFromCollection(long collectionId, long entryId, Instant at) {
        jdbc.sql("DELETE FROM kg_collection_entry WHERE collection_id = :c AND entry_id = :e")
                .param("c", collectionId).param("e", entryId).update();
        touchCollection(collectionId, at);
    }

    void deleteCollection(long collectionId) {
        jdbc.sql("DELETE FROM kg_collection WHERE id = :c").param("c", collectionId).update();
    }

    private void touchCollection(long collectionId, Instant at) {
        jdbc.sql("UPDATE kg_collection SET updated_at = :at WHERE id = :c").param("at", time(at))
                .param("c", collectionId).update();
    }

    private static GuideCollection collection(ResultSet rs, List<EntrySummary> entries) throws SQLException {
        return new GuideCollection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), instant(rs, 8), entries);
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getString("slug"), rs.getString("entry_type"), rs.getString("title"),
                rs.getString("summary"), rs.getString("body"), codes(rs.getString("focus_areas")),
                codes(rs.getString("target_groups")), rs.getString("publisher"), rs.getString("evidence"),
                rs.getObject("valid_from", java.time.LocalDate.class), rs.getObject("review_due", java.time.LocalDate.class),
                rs.getString("source_url"), rs.getString("status"), rs.getInt("version"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"),
                Optional.ofNullable(rs.getObject("published_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                        .orElse(null));
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
