package se.samsyn.priority.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.KnowledgeReferences;
import se.samsyn.priority.Recommendation;

/**
 * Tells the knowledge guide which condition–intervention pairs name an entry as their method or
 * guideline, with the decided rank where there is one. Pairs of a process that has never been
 * published are counted (so the entry cannot be archived under them) without their wording.
 */
@Component
class PriorityGuideReferences implements KnowledgeReferences {

    private final JdbcClient jdbc;

    PriorityGuideReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<KnowledgeReference> referencesTo(String entrySlug) {
        return jdbc.sql("""
                SELECT p.id, p.name, p.published_version, r.condition_text, r.intervention_code, r.intervention_text, r.decision
                FROM prio_pair r JOIN prio_process p ON p.id = r.process_id
                WHERE r.method_entry = :slug OR r.guideline_entry = :slug
                ORDER BY p.name, r.id""")
                .param("slug", entrySlug)
                .query((rs, n) -> {
                    long process = rs.getLong(1);
                    boolean published = rs.getInt(3) > 0;
                    String intervention = rs.getString(6) != null ? rs.getString(6) : rs.getString(5);
                    Integer rank = Recommendation.fromCode(rs.getString(7))
                            .filter(r -> r.kind() == Recommendation.Kind.RANK).map(Recommendation::rank).orElse(null);
                    return published
                            ? new KnowledgeReference("priority-pair", rs.getString(2) + ": " + rs.getString(4) + " – " + intervention,
                                    "/priorities/lists/" + process, rank)
                            : new KnowledgeReference("priority-pair", "#" + process, "/priorities/processes/" + process, null);
                })
                .list();
    }
}
