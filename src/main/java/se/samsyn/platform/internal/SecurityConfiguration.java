package se.samsyn.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import se.samsyn.identity.ApiTokenFilter;
import se.samsyn.identity.AttemptLimits;
import se.samsyn.identity.LoginLimitFilter;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.ApiTokens;
import se.samsyn.identity.SessionRightsFilter;
import se.samsyn.identity.LoginOutcomes;
import se.samsyn.identity.PasswordChangeFilter;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.ScopeType;

/**
 * Who may reach what. Public: the start page, municipality pages and map, their read APIs, the
 * Kolada-compatible read API (GET, and OPTIONS for CORS preflights), published priority lists (pages and read API), the API docs
 * and health (liveness and readiness probes, UP or DOWN only). Prometheus metrics need a national
 * administrator (in practice their API token). Administration needs the administrator role;
 * everything else needs a signed-in user or an API token, and the services check scope again. API
 * and actuator requests get problem details (401, 403) rather than the login page. An address that
 * nothing answers ({@link UnknownAddresses}) is open, so anyone gets the 404 page (or a 404
 * problem under {@code /api/}) rather than the login page, and no session, whatever the method: such
 * an address needs no CSRF token, since nothing there can change (sign-in and sign-out, answered by
 * the chain's own filters, keep theirs). A person who
 * must change their password is held on the change-password page ({@link PasswordChangeFilter}).
 * Login attempts and refused API tokens are rate-limited per client address (and logins per typed
 * name) before any password or token is checked ({@link LoginLimitFilter}, {@link ApiTokenFilter}). A
 * session whose account lost its rights is ended on its next request ({@link SessionRightsFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final RequestMatcher API = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
    private static final RequestMatcher BEARER = request -> {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    /** Addresses answered by filters of the chain (sign-in, sign-out) rather than by a handler. */
    private static final RequestMatcher CHAIN_ADDRESSES = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/login"),
            PathPatternRequestMatcher.withDefaults().matcher("/logout"));

    /** HSTS lifetime: one year, the value browsers' preload lists ask for. */
    static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Where the CSRF tokens are kept: the session, never a new one for a refused changing request. */
    @Bean
    SessionCsrfTokens csrfTokens() {
        return new SessionCsrfTokens();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, LoginOutcomes outcomes, Accounts accounts,
                                            AttemptLimits limits, MessageSource messages, LocaleResolver locales,
                                            ObjectProvider<HandlerMappingIntrospector> handlerMappings,
                                            SessionCsrfTokens csrfTokens)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(messages, locales);
        RequestMatcher unknownAddresses = new UnknownAddresses(handlerMappings);
        // sign-in and sign-out are answered by the chain's own filters, which no handler mapping knows:
        // they must keep their CSRF protection although the look-up finds nothing there
        RequestMatcher noTokenNeeded = new AndRequestMatcher(unknownAddresses, new NegatedRequestMatcher(CHAIN_ADDRESSES));
        http
                .addFilterBefore(new ApiTokenFilter(tokens, limits, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new LoginLimitFilter(limits, outcomes), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionRightsFilter(accounts), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(problems), SessionRightsFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/comparisons", "/comparisons/profile", "/comparisons/indicators/*",
                                "/comparisons/municipalities/**", "/comparisons/peer-groups", "/comparisons/export.xlsx", "/comparisons/export.csv",
                                "/api/v1/comparisons/**").permitAll()
                        .requestMatchers("/", "/login", "/error", "/municipalities", "/municipalities/**", "/map",
                                "/priorities", "/priorities/lists/**", "/om/sekretess",
                                "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/municipalities", "/api/v1/municipalities/**",
                                "/api/v1/counties", "/api/v1/municipality-groups", "/api/v1/geo/**",
                                "/api/v1/priorities/lists", "/api/v1/priorities/lists/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/kolada/v2/**", "/api/kolada/v3/**").permitAll()
                        // CORS preflights of the open Kolada data; the module's CORS mapping answers them
                        .requestMatchers(HttpMethod.OPTIONS, "/api/kolada/v2/**", "/api/kolada/v3/**").permitAll()
                        // the knowledge guide reads are public; its services check who may see drafts or write
                        .requestMatchers("/guide/manage", "/guide/manage/**", "/guide/entries/*/edit",
                                "/api/v1/guide/export").authenticated()
                        .requestMatchers(HttpMethod.GET, "/guide", "/guide/**", "/api/v1/guide/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access(SecurityConfiguration::nationalAdministrator)
                        .requestMatchers("/actuator/**").denyAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**", "/api/v1/admin/**").hasRole("ADMINISTRATOR")
                        // an address nothing answers: the 404 page or problem for everyone, not the login page
                        .requestMatchers(unknownAddresses).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(outcomes)
                        .failureHandler(outcomes)
                        .permitAll())
                .logout(logout -> logout
                        .addLogoutHandler(outcomes)
                        .logoutSuccessUrl("/?loggedOut"))
                // only a page read (GET, not an htmx fragment) is kept to return to after login; a
                // refused API call is not, so no session is made for it
                .requestCache(cache -> cache.requestCache(new HttpSessionRequestCache() {
                    @Override
                    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
                        if ("GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
                                && !API.matches(request)) {
                            super.saveRequest(request, response);
                        }
                    }
                }))
                // an address nothing answers changes nothing, so a POST there without a token gets the
                // 404 like a GET, not the CSRF filter's 403 (which would keep a new token in a new session)
                // and a changing request without a session gets its 403 without a new session (SessionCsrfTokens)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(BEARER, noTokenNeeded))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems::unauthorized, API)
                        .defaultAccessDeniedHandlerFor(problems::forbidden, API)
                        // pages get the error page; without this the API handler above is the default
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers
                        // sent on HTTPS requests only (behind a proxy: X-Forwarded-Proto, postgres profile)
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)
                                .includeSubDomains(true))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** Metrics are for the operators of the whole installation: national administrators only. */
    private static AuthorizationDecision nationalAdministrator(Supplier<? extends Authentication> authentication,
                                                               RequestAuthorizationContext context) {
        Authentication a = authentication.get();
        boolean granted = a != null && a.isAuthenticated() && a.getPrincipal() instanceof Actor.Holder holder
                && holder.actor().role() == Role.ADMINISTRATOR && holder.actor().scope().type() == ScopeType.NATION;
        return new AuthorizationDecision(granted);
    }
}
