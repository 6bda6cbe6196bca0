package se.samsyn.demo.internal;

import java.util.Locale;

/**
 * Whether demo mode is on: {@code true} and {@code false} say so; {@code auto} means on for the
 * embedded H2 database only, so that a production PostgreSQL never gets demo accounts by itself.
 */
record DemoMode(String setting, String datasourceUrl) {

    boolean enabled() {
        String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "on", "yes" -> true;
            case "auto", "" -> datasourceUrl != null && datasourceUrl.startsWith("jdbc:h2:");
            default -> false;
        };
    }
}
