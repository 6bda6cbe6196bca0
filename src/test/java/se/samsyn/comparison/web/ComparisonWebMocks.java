package se.samsyn.comparison.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Indicators;
import se.samsyn.comparison.PeerGroups;
import se.samsyn.comparison.SimilarMunicipalities;
import se.samsyn.organisation.Organisation;

/**
 * The APIs the comparison controllers call, as Mockito mocks in a web slice test: indicators,
 * comparisons, similar municipalities, peer groups and organisation. A test that stubs or
 * verifies one of them autowires it; one that needs more (the follow-up catalogue) adds its own
 * {@code @MockitoBean} field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MockitoBean(types = {Indicators.class, Comparisons.class, SimilarMunicipalities.class, PeerGroups.class,
        Organisation.class, se.samsyn.prevention.ActivityCatalogue.class})
@interface ComparisonWebMocks {
}
