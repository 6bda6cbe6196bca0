package se.samsyn.comparison.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.comparison.IndicatorRejected;
import se.samsyn.comparison.PeerGroups;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;

/**
 * Custom peer groups that national analysts define per focus area, in the manner of Scotland's
 * family groups: municipalities that are fair to compare within one domain.
 */
@Service
class PeerGroupRegister implements PeerGroups {

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final Clock clock;

    PeerGroupRegister(JdbcClient jdbc, Organisation organisation, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PeerGroup> all() {
        Map<Long, PeerGroup> groups = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name, focus_area, description FROM cmp_peer_group ORDER BY focus_area, name")
                .query(rs -> {
                    groups.put(rs.getLong(1), new PeerGroup(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            new ArrayList<>()));
                });
        jdbc.sql("SELECT peer_group_id, municipality_code FROM cmp_peer_group_member ORDER BY municipality_code")
                .query(rs -> {
                    PeerGroup g = groups.get(rs.getLong(1));
                    if (g != null) {
                        g.members().add(rs.getString(2));
                    }
                });
        return List.copyOf(groups.values());
    }

    @Override
    public List<PeerGroup> containing(String municipalityCode) {
        return all().stream().filter(g -> g.members().contains(municipalityCode)).toList();
    }

    @Override
    @Transactional
    public PeerGroup create(Actor actor, String name, String focusArea, String description, List<String> members) {
        ComparisonAccess.requireManage(actor);
        List<IndicatorRejected.Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new IndicatorRejected.Problem("name", "comparison.error.peer-name"));
        }
        if (FocusArea.fromCode(focusArea).isEmpty()) {
            problems.add(new IndicatorRejected.Problem("focusArea", "comparison.error.focus-area"));
        }
        List<String> codes = members == null ? List.of() : members.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (codes.size() < 2 || codes.stream().anyMatch(c -> organisation.municipality(c).isEmpty())) {
            problems.add(new IndicatorRejected.Problem("members", "comparison.error.peer-members"));
        }
        if (problems.isEmpty() && all().stream().anyMatch(g -> g.focusArea().equals(focusArea) && g.name().equals(name.trim()))) {
            problems.add(new IndicatorRejected.Problem("name", "comparison.error.peer-name-taken"));
        }
        if (!problems.isEmpty()) {
            throw new IndicatorRejected(problems);
        }
        jdbc.sql("""
                INSERT INTO cmp_peer_group (name, focus_area, description, created_by, created_at)
                VALUES (:name, :focusArea, :description, :by, :at)""")
                .param("name", name.trim()).param("focusArea", focusArea)
                .param("description", description == null || description.isBlank() ? null : description.trim())
                .param("by", actor.username()).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        long id = jdbc.sql("SELECT id FROM cmp_peer_group WHERE focus_area = :f AND name = :n").param("f", focusArea)
                .param("n", name.trim()).query(Long.class).single();
        for (String code : codes) {
            jdbc.sql("INSERT INTO cmp_peer_group_member (peer_group_id, municipality_code) VALUES (:id, :code)")
                    .param("id", id).param("code", code).update();
        }
        audit.record(AuditRecord.of("PEER_GROUP_CREATED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("peer-group", String.valueOf(id)).details("members=" + String.join(",", codes)).build());
        return new PeerGroup(id, name.trim(), focusArea, description, codes);
    }

    @Override
    @Transactional
    public void delete(Actor actor, long id) {
        ComparisonAccess.requireManage(actor);
        jdbc.sql("DELETE FROM cmp_peer_group_member WHERE peer_group_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM cmp_peer_group WHERE id = :id").param("id", id).update();
        audit.record(AuditRecord.of("PEER_GROUP_DELETED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("peer-group", String.valueOf(id)).build());
    }
}
