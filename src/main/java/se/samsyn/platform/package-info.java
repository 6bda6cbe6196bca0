/**
 * The web platform: the security chain (form login, API tokens, CSRF, secure headers, which
 * pages and APIs are public), the language switch (Swedish first, English available), the page
 * layout and navigation, and error pages and RFC 9457 problem details that never show a stack
 * trace. Depends on identity for login and tokens; owns no data.
 *
 * <p>No module calls the platform, so its base package holds no types: everything lives in
 * {@code platform.internal}, package-private where Java allows it. Two types there stay public
 * because a library creates them from their class name: {@code ClosedDatabaseEviction} (Hikari,
 * {@code spring.datasource.hikari.exception-override-class-name}) and {@code StartRefusedAnalyzer}
 * ({@code META-INF/spring.factories}). Templates reach {@code Dates}, {@code Figures} and {@code Places} by their bean names
 * ({@code @dates}, {@code @figures}, {@code @places}); a module's {@code @WebMvcTest} adds it and the layout's data-folder check
 * through the test configuration {@code se.samsyn.platform.WebSliceConfiguration}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web platform",
        allowedDependencies = {"identity", "organisation", "shared"})
package se.samsyn.platform;
