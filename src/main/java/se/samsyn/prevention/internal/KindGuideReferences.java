package se.samsyn.prevention.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.KnowledgeReferences;

/**
 * Tells the knowledge guide which preventive activity kinds follow a method entry, so that the
 * entry shows where it is used and cannot be archived while a kind refers to it.
 */
@Component
class KindGuideReferences implements KnowledgeReferences {

    private final JdbcClient jdbc;

    KindGuideReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<KnowledgeReference> referencesTo(String entrySlug) {
        return jdbc.sql("SELECT code, name_sv FROM prv_activity_kind WHERE method_slug = :slug ORDER BY name_sv")
                .param("slug", entrySlug)
                .query((rs, n) -> new KnowledgeReference("prevention-kind", rs.getString(2),
                        "/prevention/kinds#kind-" + rs.getString(1), null)).list();
    }
}
