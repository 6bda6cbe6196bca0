package se.samsyn.comparison.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.comparison.AgeBands;
import se.samsyn.comparison.Direction;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.IndicatorKind;
import se.samsyn.comparison.IndicatorNotFound;
import se.samsyn.comparison.IndicatorRejected;
import se.samsyn.comparison.Indicators;
import se.samsyn.comparison.MeasureType;
import se.samsyn.comparison.NewIndicator;
import se.samsyn.comparison.QualityDimension;
import se.samsyn.comparison.Template;
import se.samsyn.followup.Catalogue;
import se.samsyn.organisation.FocusArea;
import se.samsyn.shared.Actor;

/** {@link Indicators} on {@code cmp_indicator}: the indicator catalogue: reading, defining follow-up indicators from templates, publishing. */
@Service
class IndicatorCatalogue implements Indicators {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]{2,19}");

    private final ComparisonRepository repository;
    private final ComparisonEngine engine;
    private final Catalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;

    private final se.samsyn.prevention.ActivityCatalogue prevention;
    private final ResultRefresh refresh;

    IndicatorCatalogue(ComparisonRepository repository, ComparisonEngine engine, Catalogue catalogue,
                       se.samsyn.prevention.ActivityCatalogue prevention, AuditTrail audit, Clock clock,
                       ResultRefresh refresh) {
        this.refresh = refresh;
        this.prevention = prevention;
        this.repository = repository;
        this.engine = engine;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Indicator> visible(Actor actor) {
        return repository.indicators().stream().filter(i -> i.published() || ComparisonAccess.seesUnpublished(actor)).toList();
    }

    @Override
    public Optional<Indicator> find(Actor actor, String id) {
        return repository.indicator(id).filter(i -> i.published() || ComparisonAccess.seesUnpublished(actor));
    }

    @Override
    @Transactional
    public Indicator define(Actor actor, NewIndicator form) {
        ComparisonAccess.requireManage(actor);
        List<IndicatorRejected.Problem> problems = new ArrayList<>();
        String id = form.id() == null ? "" : form.id().trim().toUpperCase(java.util.Locale.ROOT);
        if (!ID.matcher(id).matches()) {
            problems.add(new IndicatorRejected.Problem("id", "comparison.error.id"));
        } else if (repository.indicator(id).isPresent()) {
            problems.add(new IndicatorRejected.Problem("id", "comparison.error.id-taken"));
        }
        if (blank(form.titleSv())) {
            problems.add(new IndicatorRejected.Problem("titleSv", "comparison.error.title"));
        }
        if (blank(form.titleEn())) {
            problems.add(new IndicatorRejected.Problem("titleEn", "comparison.error.title"));
        }
        Optional<IndicatorKind> kind = IndicatorKind.fromCode(form.kind());
        if (kind.isEmpty()) {
            problems.add(new IndicatorRejected.Problem("kind", "comparison.error.kind"));
        }
        Optional<QualityDimension> dimension = QualityDimension.fromCode(form.qualityDimension());
        Optional<MeasureType> measureType = MeasureType.fromCode(form.measureType());
        if (kind.orElse(null) == IndicatorKind.QUALITY) {
            if (dimension.isEmpty()) {
                problems.add(new IndicatorRejected.Problem("qualityDimension", "comparison.error.dimension"));
            }
            if (measureType.isEmpty()) {
                problems.add(new IndicatorRejected.Problem("measureType", "comparison.error.measure-type"));
            }
        }
        Optional<Direction> direction = Direction.fromCode(form.direction());
        if (direction.isEmpty()) {
            problems.add(new IndicatorRejected.Problem("direction", "comparison.error.direction"));
        }
        if (!blank(form.focusArea()) && FocusArea.fromCode(form.focusArea()).isEmpty()) {
            problems.add(new IndicatorRejected.Problem("focusArea", "comparison.error.focus-area"));
        }
        if (!blank(form.filterFocusArea()) && FocusArea.fromCode(form.filterFocusArea()).isEmpty()) {
            problems.add(new IndicatorRejected.Problem("filterFocusArea", "comparison.error.focus-area"));
        }
        Optional<Template> template = Template.fromCode(form.template());
        if (template.isEmpty()) {
            problems.add(new IndicatorRejected.Problem("template", "comparison.error.template"));
        } else if (template.get().needsInstrument() && (blank(form.instrumentCode())
                || (template.get().preventive() ? prevention.questionnaire(form.instrumentCode()).isEmpty()
                : catalogue.instrument(form.instrumentCode()).isEmpty()))) {
            problems.add(new IndicatorRejected.Problem("instrumentCode", "comparison.error.instrument"));
        }
        boolean preventive = template.isPresent() && template.get().preventive();
        if (!blank(form.interventionCode()) && (preventive ? prevention.kind(form.interventionCode()).isEmpty()
                : !catalogue.hasIntervention(form.interventionCode()))) {
            problems.add(new IndicatorRejected.Problem("interventionCode", preventive ? "comparison.error.activity-kind"
                    : "comparison.error.intervention"));
        }
        String ageBand = null;
        if (template.isPresent() && template.get().usesAgeBand() && !blank(form.ageBand())) {
            try {
                ageBand = String.join(",", AgeBands.parse(form.ageBand()));
            } catch (IllegalArgumentException e) {
                problems.add(new IndicatorRejected.Problem("ageBand", "comparison.error.age-band"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IndicatorRejected(problems);
        }
        Template t = template.orElseThrow();
        Indicator indicator = new Indicator(id, form.titleSv().trim(), form.titleEn().trim(), trim(form.descriptionSv()),
                trim(form.descriptionEn()), blank(form.focusArea()) ? null : form.focusArea(), kind.orElseThrow(),
                kind.get() == IndicatorKind.QUALITY ? dimension.orElseThrow() : null,
                kind.get() == IndicatorKind.QUALITY ? measureType.orElseThrow() : null,
                t.unit(), direction.orElseThrow(), Indicator.ORIGIN_FOLLOWUP, t,
                t.needsInstrument() ? form.instrumentCode() : null,
                blank(form.interventionCode()) || !t.usesIntervention() ? null : form.interventionCode(),
                ageBand, t.usesFilterFocusArea() && !blank(form.filterFocusArea()) ? form.filterFocusArea() : null,
                null, null, null, false, null, Boolean.TRUE.equals(form.published()), actor.username(), clock.instant(), null);
        repository.insert(indicator);
        engine.refresh(id);
        audit.record(AuditRecord.of("INDICATOR_DEFINED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("indicator", id).details("template=" + t.code()).build());
        return repository.indicator(id).orElseThrow();
    }

    @Override
    @Transactional
    public void publish(Actor actor, String id, boolean published) {
        ComparisonAccess.requireManage(actor);
        repository.indicator(id).orElseThrow(() -> new IndicatorNotFound(id));
        repository.setPublished(id, published);
        audit.record(AuditRecord.of(published ? "INDICATOR_PUBLISHED" : "INDICATOR_UNPUBLISHED", AuditCategory.ADMINISTRATION)
                .actor(actor).object("indicator", id).build());
    }

    @Override
    @Transactional
    public void direct(Actor actor, String id, Direction direction) {
        ComparisonAccess.requireManage(actor);
        repository.indicator(id).orElseThrow(() -> new IndicatorNotFound(id));
        repository.setDirection(id, direction);
        engine.refresh(id);
        audit.record(AuditRecord.of("INDICATOR_DIRECTION", AuditCategory.ADMINISTRATION).actor(actor)
                .object("indicator", id).details("direction=" + direction.code()).build());
    }

    @Override
    @Transactional
    public void refresh(Actor actor, String id) {
        ComparisonAccess.requireManage(actor);
        repository.indicator(id).orElseThrow(() -> new IndicatorNotFound(id));
        engine.refreshAskedBy(id, actor.username());
        audit.record(AuditRecord.of("INDICATOR_REFRESHED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("indicator", id).build());
    }

    @Override
    @Transactional
    public int refreshAll(Actor actor) {
        ComparisonAccess.requireManage(actor);
        int count = engine.refreshAllAskedBy(actor.username());
        audit.record(AuditRecord.of("INDICATORS_REFRESHED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("indicator", "*").details("count=" + count).build());
        return count;
    }

    /** {@link ResultRefresh#refreshComputedNow()}, in a transaction of its own; audited after it committed. */
    @Override
    public int refreshComputed(Actor actor) {
        ComparisonAccess.requireManage(actor);
        int count = refresh.refreshComputedNow();
        audit.record(AuditRecord.of("INDICATORS_REFRESHED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("indicator", "*").details("indicators=computed; count=" + count).build());
        return count;
    }

    @Override
    public boolean mayManage(Actor actor) {
        return ComparisonAccess.mayManage(actor);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
