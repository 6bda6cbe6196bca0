package se.samsyn.competence.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.KnowledgeReferences;

/**
 * Tells the knowledge guide which competence requirements ask for a training entry, so that the
 * entry shows where it is used and cannot be archived while a requirement asks for it.
 * (Introduction items only point to entries and do not hold them.)
 */
@Component
class RequirementGuideReferences implements KnowledgeReferences {

    private final JdbcClient jdbc;

    RequirementGuideReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<KnowledgeReference> referencesTo(String entrySlug) {
        List<KnowledgeReference> found = new ArrayList<>(jdbc.sql(
                        "SELECT code, title_sv FROM cpt_requirement WHERE training_slug = :slug ORDER BY title_sv")
                .param("slug", entrySlug)
                .query((rs, n) -> new KnowledgeReference("competence-requirement", rs.getString(2),
                        "/competence/requirements#requirement-" + rs.getString(1), null)).list());
        return found;
    }
}
