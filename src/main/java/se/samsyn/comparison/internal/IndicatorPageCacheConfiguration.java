package se.samsyn.comparison.internal;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import se.samsyn.cluster.ChangeSignals;

/**
 * The public indicator page's cache ({@link IndicatorPageCache}) and its place among the servlet
 * filters: on {@code /comparisons/indicators/*}, last, after Spring Security's filters.
 */
@Configuration(proxyBeanMethods = false)
class IndicatorPageCacheConfiguration {

    @Bean
    IndicatorPageCache indicatorPageCache(ComparisonRepository repository, LocaleResolver localeResolver,
                                          ChangeSignals signals, Clock clock) {
        return new IndicatorPageCache(repository, localeResolver, signals, clock);
    }

    @Bean
    FilterRegistrationBean<IndicatorPageCache> indicatorPageCacheFilter(IndicatorPageCache cache) {
        FilterRegistrationBean<IndicatorPageCache> registration = new FilterRegistrationBean<>(cache);
        registration.addUrlPatterns("/comparisons/indicators/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
