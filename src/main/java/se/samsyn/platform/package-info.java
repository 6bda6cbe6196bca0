/**
 * The web platform: the security chain (form login, API tokens, CSRF, secure headers, which
 * pages and APIs are public), the language switch (Swedish first, English available), the page
 * layout and navigation, and error pages and RFC 9457 problem details that never show a stack
 * trace. Depends on identity for login and tokens; owns no data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web platform",
        allowedDependencies = {"identity", "shared"})
package se.samsyn.platform;
