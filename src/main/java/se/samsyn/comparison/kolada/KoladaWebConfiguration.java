package se.samsyn.comparison.kolada;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The servlet filters of the Kolada-compatible API, both before Spring Security (order -100):
 * {@link KoladaPathFilter} (one slash for many) first, then an ETag over each answer
 * ({@link ShallowEtagHeaderFilter}, only under {@code /api/kolada/}), so that a client or proxy
 * that sends {@code If-None-Match} gets 304 when nothing changed. And CORS for the read API only
 * (open data, as Kolada's own API): any origin, {@code GET} and {@code OPTIONS}, no credentials;
 * security lets the preflight through without sign-in. Other paths have no CORS mapping, so a
 * page on another site cannot call them (their preflight still needs sign-in).
 */
@Configuration(proxyBeanMethods = false)
class KoladaWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        for (String path : new String[] {"/api/kolada/v2/**", "/api/kolada/v3/**"}) {
            registry.addMapping(path).allowedOrigins("*").allowedMethods("GET", "OPTIONS").allowedHeaders("*")
                    .allowCredentials(false).maxAge(3600);
        }
    }

    @Bean
    FilterRegistrationBean<KoladaPathFilter> koladaPathFilter() {
        FilterRegistrationBean<KoladaPathFilter> registration = new FilterRegistrationBean<>(new KoladaPathFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(-300);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> koladaEtagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/kolada/*");
        registration.setOrder(-200);
        return registration;
    }
}
