package se.samsyn.followup.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.KnowledgeReferences;

/** Tells the knowledge guide which catalogue interventions and instruments link to an entry (column {@code guide_entry}). */
@Component
class InterventionGuideReferences implements KnowledgeReferences {

    private final JdbcClient jdbc;

    InterventionGuideReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<KnowledgeReference> referencesTo(String entrySlug) {
        List<KnowledgeReference> references = new java.util.ArrayList<>(jdbc.sql(
                        "SELECT code, name_sv FROM fup_intervention_type WHERE guide_entry = :slug ORDER BY name_sv")
                .param("slug", entrySlug)
                .query((rs, n) -> new KnowledgeReference("followup-intervention", rs.getString(2),
                        "/followup/catalogue#intervention-" + rs.getString(1), null))
                .list());
        references.addAll(jdbc.sql("SELECT code, name_sv FROM fup_instrument WHERE guide_entry = :slug ORDER BY name_sv")
                .param("slug", entrySlug)
                .query((rs, n) -> new KnowledgeReference("followup-instrument", rs.getString(2),
                        "/followup/catalogue#instrument-" + rs.getString(1), null))
                .list());
        return references;
    }
}
