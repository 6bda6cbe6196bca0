package se.samsyn.prevention.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.organisation.FocusArea;
import se.samsyn.prevention.ActivityCatalogue;
import se.samsyn.prevention.ActivityKind;
import se.samsyn.prevention.PreventionRejected;
import se.samsyn.prevention.Questionnaire;
import se.samsyn.shared.Actor;

/**
 * The national catalogue of activity kinds and anonymous questionnaires ({@code prv_activity_kind},
 * {@code prv_instrument}). A kind's method must be a published method entry of the knowledge
 * guide (checked through the guide's API). Every change is audited.
 */
@Service
@Transactional
class KindCatalogue implements ActivityCatalogue {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    private final JdbcClient jdbc;
    private final GuideEntries guide;
    private final AuditTrail audit;
    private final Clock clock;

    KindCatalogue(JdbcClient jdbc, GuideEntries guide, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.guide = guide;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ActivityKind> kinds() {
        return jdbc.sql("SELECT code, name_sv, name_en, focus_area, method_slug FROM prv_activity_kind ORDER BY name_sv")
                .query((rs, n) -> new ActivityKind(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ActivityKind> kind(String code) {
        return kinds().stream().filter(k -> k.code().equals(code)).findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Questionnaire> questionnaires() {
        return jdbc.sql("""
                SELECT code, name_sv, name_en, items, item_min, item_max, score_factor, higher_is_better, minimal_difference,
                       built_in
                FROM prv_instrument ORDER BY CASE WHEN code = 'who-5' THEN 0 ELSE 1 END, code""")
                .query((rs, n) -> new Questionnaire(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getDouble(7), rs.getBoolean(8), rs.getDouble(9), rs.getBoolean(10)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Questionnaire> questionnaire(String code) {
        return questionnaires().stream().filter(q -> q.code().equals(code)).findFirst();
    }

    @Override
    public boolean mayKeep(Actor actor) {
        return PreventionAccess.mayKeepCatalogue(actor);
    }

    @Override
    public ActivityKind saveKind(Actor actor, ActivityKind k) {
        if (!mayKeep(actor)) {
            throw new AccessDeniedException("catalogue");
        }
        if (k.code() == null || !CODE.matcher(k.code()).matches()) {
            throw new PreventionRejected("code", "prevention.error.code");
        }
        if (blank(k.nameSv()) || k.nameSv().length() > 200) {
            throw new PreventionRejected("nameSv", "prevention.error.name");
        }
        if (blank(k.nameEn()) || k.nameEn().length() > 200) {
            throw new PreventionRejected("nameEn", "prevention.error.name");
        }
        if (FocusArea.fromCode(k.focusArea()).isEmpty()) {
            throw new PreventionRejected("focusArea", "prevention.error.focus-area");
        }
        String slug = blank(k.methodSlug()) ? null : k.methodSlug().strip();
        if (slug != null && (!guide.publishedSlugs().contains(slug) || guide.published().stream()
                .noneMatch(e -> e.slug().equals(slug) && "method".equals(e.type())))) {
            throw new PreventionRejected("methodSlug", "prevention.error.method");
        }
        ActivityKind saved = new ActivityKind(k.code(), k.nameSv().strip(), k.nameEn().strip(),
                FocusArea.fromCode(k.focusArea()).orElseThrow().code(), slug);
        boolean exists = kind(k.code()).isPresent();
        jdbc.sql(exists ? """
                        UPDATE prv_activity_kind SET name_sv = :sv, name_en = :en, focus_area = :area, method_slug = :slug,
                               updated_at = :at, updated_by = :by WHERE code = :code"""
                        : """
                        INSERT INTO prv_activity_kind (code, name_sv, name_en, focus_area, method_slug, updated_at, updated_by)
                        VALUES (:code, :sv, :en, :area, :slug, :at, :by)""")
                .param("code", saved.code()).param("sv", saved.nameSv()).param("en", saved.nameEn())
                .param("area", saved.focusArea()).param("slug", slug).param("at", java.sql.Timestamp.from(clock.instant()))
                .param("by", actor.username()).update();
        audit.record(AuditRecord.of(exists ? "PREVENTION_KIND_CHANGED" : "PREVENTION_KIND_ADDED", AuditCategory.ADMINISTRATION)
                .actor(actor).object("activity-kind", saved.code()).details("method=" + slug).build());
        return saved;
    }

    @Override
    public Questionnaire saveQuestionnaire(Actor actor, Questionnaire q) {
        if (!mayKeep(actor)) {
            throw new AccessDeniedException("catalogue");
        }
        if (q.code() == null || !CODE.matcher(q.code()).matches()) {
            throw new PreventionRejected("code", "prevention.error.code");
        }
        Optional<Questionnaire> earlier = questionnaire(q.code());
        if (earlier.isPresent() && earlier.get().builtIn()) {
            throw new PreventionRejected("code", "prevention.error.built-in");
        }
        if (blank(q.nameSv()) || blank(q.nameEn())) {
            throw new PreventionRejected("nameSv", "prevention.error.name");
        }
        if (q.items() < 1 || q.items() > 20 || q.itemMin() >= q.itemMax() || q.itemMin() < 0 || q.itemMax() > 100) {
            throw new PreventionRejected("items", "prevention.error.items");
        }
        if (!(q.scoreFactor() > 0) || q.scoreFactor() > 100 || !(q.minimalDifference() > 0)) {
            throw new PreventionRejected("minimalDifference", "prevention.error.minimal-difference");
        }
        jdbc.sql(earlier.isPresent() ? """
                        UPDATE prv_instrument SET name_sv = :sv, name_en = :en, items = :items, item_min = :min, item_max = :max,
                               score_factor = :factor, higher_is_better = :higher, minimal_difference = :mid,
                               updated_at = :at, updated_by = :by WHERE code = :code"""
                        : """
                        INSERT INTO prv_instrument (code, name_sv, name_en, items, item_min, item_max, score_factor,
                               higher_is_better, minimal_difference, built_in, updated_at, updated_by)
                        VALUES (:code, :sv, :en, :items, :min, :max, :factor, :higher, :mid, FALSE, :at, :by)""")
                .param("code", q.code()).param("sv", q.nameSv().strip()).param("en", q.nameEn().strip())
                .param("items", q.items()).param("min", q.itemMin()).param("max", q.itemMax())
                .param("factor", q.scoreFactor()).param("higher", q.higherIsBetter()).param("mid", q.minimalDifference())
                .param("at", java.sql.Timestamp.from(clock.instant())).param("by", actor.username()).update();
        audit.record(AuditRecord.of(earlier.isPresent() ? "PREVENTION_QUESTIONNAIRE_CHANGED" : "PREVENTION_QUESTIONNAIRE_ADDED",
                AuditCategory.ADMINISTRATION).actor(actor).object("questionnaire", q.code()).build());
        return questionnaire(q.code()).orElseThrow();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
