package se.samsyn.platform;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import se.samsyn.platform.internal.LayoutSliceBeans;

/**
 * What a {@code @WebMvcTest} of a page needs from the platform beyond the slice: the data-folder
 * check that the layout's model asks for the low-disk banner, and the {@code dates} formatter templates
 * call (both in {@link LayoutSliceBeans}). API and page controllers, the problem advices, the
 * locale resolver and the clock come with the slice itself. New tests use {@code se.samsyn.WebSliceTest},
 * which imports this.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(LayoutSliceBeans.class)
public class WebSliceConfiguration {
}
