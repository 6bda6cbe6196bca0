package se.samsyn.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.thymeleaf.ITemplateEngine;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The clock, the language (Swedish unless the visitor chose English), and the
 * 503 answer when the database is unavailable.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration implements WebMvcConfigurer {

    static final Locale SWEDISH = new Locale("sv");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("samsyn-lang");
        resolver.setDefaultLocale(SWEDISH);
        // Pages are Swedish until the reader picks English; API callers may ask with Accept-Language.
        resolver.setDefaultLocaleFunction(request -> request.getRequestURI().startsWith("/api/")
                && request.getHeader("Accept-Language") != null
                && "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : SWEDISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * The 503 answer for a database outage, first among all filters so that it also covers the
     * session and security filters, which read the database.
     */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ITemplateEngine templates, MessageSource messages,
                                                                      LocaleResolver localeResolver) {
        FilterRegistrationBean<DatabaseOutageFilter> registration =
                new FilterRegistrationBean<>(new DatabaseOutageFilter(templates, messages, localeResolver));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Refuses requests that carry text shaped like a personal identity number ({@link RequestGuard}),
     * right after the outage filter and before sessions, security and audit see the request.
     */
    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(MessageSource messages, LocaleResolver localeResolver) {
        FilterRegistrationBean<RequestGuard> registration =
                new FilterRegistrationBean<>(new RequestGuard(messages, localeResolver));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * The static files, each folder under its own path, instead of Spring Boot's catch-all
     * {@code /**} ({@code spring.web.resources.add-mappings: false}). With the webjars locator on the
     * class path the resource chain is on, and its URL encoding asks the chain about every link a
     * page writes ({@code @{...}}): under {@code /**} that was every link, and a link that is no file
     * (each municipality on an indicator page, 290 of them) is looked up in every static location
     * on the class path each time (a miss is never cached), serialised on the jar file's lock. The
     * public indicator page under 64 connections spent most of its time waiting there. Now only
     * links under these paths reach the chain, whose answers are cached. Webjar links still get
     * their version ({@code /webjars/leaflet/1.9.4/dist/leaflet.js}).
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
        for (String folder : new String[] {"css", "js", "images"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
        // the icon a browser asks for at the root when a page names none (a download, an API answer):
        // static/favicon.ico; without it every such request was a 404 with its warnings in the log
        registry.addResourceHandler("/*.ico").addResourceLocations("classpath:/static/").resourceChain(true);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
