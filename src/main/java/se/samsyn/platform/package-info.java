/**
 * The web platform: the security chain (form login, API tokens, CSRF, secure headers, which
 * pages and APIs are public), the language switch (Swedish first, English available), the page
 * layout and navigation, and error pages and RFC 9457 problem details that never show a stack
 * trace. Depends on identity for login and tokens; owns no data.
 *
 * <p>No module calls the platform, so its base package holds only what is found by name rather
 * than by a Java call: {@link se.samsyn.platform.Dates} (the templates' {@code @dates} bean),
 * {@link se.samsyn.platform.ClosedDatabaseEviction} (created by Hikari from its class name) and
 * {@link se.samsyn.platform.StartRefusedAnalyzer} (listed in {@code META-INF/spring.factories}),
 * and, package-private, the layout's model ({@code LayoutModel}) with the data-folder check it
 * reads ({@code DataFolderSpace}), because the modules' {@code @WebMvcTest}s name them to leave
 * them out of or add them to their slices. Everything else lives package-private in
 * {@code platform.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web platform",
        allowedDependencies = {"identity", "shared"})
package se.samsyn.platform;
