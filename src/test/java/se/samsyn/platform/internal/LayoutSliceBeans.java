package se.samsyn.platform.internal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The platform beans a page's layout needs in a {@code @WebMvcTest}, which the slice does not
 * scan: the data-folder check behind the low-disk banner ({@code LayoutModel} reads it) and the
 * {@code @dates} formatter templates call, and the place names and pickers ({@code @places}, {@code @pickers}). Both are package-private in {@code platform.internal};
 * modules reach them through {@code se.samsyn.platform.WebSliceConfiguration} or
 * {@code se.samsyn.WebSliceTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({DataFolderSpace.class, Dates.class, Figures.class, Places.class, Pickers.class})
public class LayoutSliceBeans {
}
