package se.samsyn.comparison.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.KnowledgeReferences;

/** Tells the knowledge guide which indicators name an entry as the one that describes them. */
@Component
class IndicatorGuideReferences implements KnowledgeReferences {

    private final JdbcClient jdbc;

    IndicatorGuideReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<KnowledgeReference> referencesTo(String entrySlug) {
        return jdbc.sql("SELECT id, title_sv, published FROM cmp_indicator WHERE guide_entry = :slug ORDER BY id")
                .param("slug", entrySlug)
                .query((rs, n) -> new KnowledgeReference("indicator", rs.getString(1) + " " + rs.getString(2),
                        "/comparisons/indicators/" + rs.getString(1), null))
                .list();
    }
}
