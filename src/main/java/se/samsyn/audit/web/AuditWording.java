package se.samsyn.audit.web;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.samsyn.audit.AuditEntry;
import se.samsyn.audit.AuditNames;

/**
 * Puts an audit row into words for the audit page (issue 17 point 2, "people see names"): the
 * action's name from the bundle ({@code audit.action.LOGIN_FAILED} is "Inloggning misslyckades"),
 * the object as its type and name ("Användare demo-admin" for {@code user 12}), the municipality's
 * name, and the details with named keys and reasons ("Orsak: fel användarnamn eller lösenord" for
 * {@code reason=bad-credentials}). Names of things come from the modules' {@link AuditNames}; a
 * code no bundle or module knows is shown as it is, so nothing recorded is ever hidden.
 */
@Component
class AuditWording {

    private final MessageSource messages;
    private final List<AuditNames> names;

    AuditWording(MessageSource messages, org.springframework.beans.factory.ObjectProvider<AuditNames> names) {
        this.messages = messages;
        this.names = names.orderedStream().toList();
    }

    /** A row as the page shows it; every field is display text, none is null (empty for nothing). */
    record Line(long seq, java.time.Instant occurredAt, String actor, String action, String outcome, String object,
                String municipality, String details) {
    }

    /** An action code with its name, for the filter's picker. */
    record Action(String code, String name) {
    }

    /** The row in words, in the locale. */
    Line line(AuditEntry e, Locale locale) {
        return new Line(e.seq(), e.occurredAt(), e.actor(), action(e.action(), locale),
                text("audit.outcome." + e.outcome().name(), locale).orElse(e.outcome().name()),
                object(e.objectType(), e.objectId(), locale), place(e.municipalityCode(), locale),
                details(e.details(), locale));
    }

    /** The name of an action code; a code the bundle does not know is shown as "Annan händelse (CODE)". */
    String action(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        return text("audit.action." + code, locale)
                .orElseGet(() -> messages.getMessage("audit.action.other", new Object[] {code}, locale));
    }

    /**
     * Every action the bundle names, sorted by name in the locale: the choices of the filter. The
     * Swedish bundle is the list of known actions (a test checks that every action the code
     * records is in it).
     */
    List<Action> actions(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/audit", Locale.ROOT);
        List<Action> all = new ArrayList<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith("audit.action.") && key.substring("audit.action.".length()).matches("[A-Z_]+")) {
                String code = key.substring("audit.action.".length());
                all.add(new Action(code, action(code, locale)));
            }
        }
        all.sort(Comparator.comparing(Action::name, java.text.Collator.getInstance(locale)));
        return all;
    }

    /** Every municipality code with its name, for the filter's picker; empty if no module names them. */
    java.util.Map<String, String> municipalities(Locale locale) {
        for (AuditNames n : names) {
            java.util.Map<String, String> all = n.all("municipality", locale);
            if (!all.isEmpty()) {
                return all;
            }
        }
        return java.util.Map.of();
    }

    private String object(String type, String id, Locale locale) {
        if (type == null) {
            return "";
        }
        String typeName = text("audit.object." + type, locale).orElse(type);
        if (id == null) {
            return typeName;
        }
        String name = text("audit.object." + type + "." + id, locale).or(() -> named(type, id, locale))
                .or(() -> switch (type) {
                    case "staff-register" -> named("unit", id, locale);
                    case "employee" -> Optional.of(employees(id, locale));
                    default -> Optional.empty();
                }).orElse(id);
        // "Behovsrapport" rather than "Rapport Behovsrapport": a name that already says its type stands alone
        return name.toLowerCase(locale).contains(typeName.toLowerCase(locale)) ? name : typeName + " " + name;
    }

    /**
     * Employees recorded as "unit code/employee number", comma separated ("1280-IFO-BU/MBU-113"), as
     * "Barn och unga (1280-IFO-BU) MBU-113": the unit by name; a part of another shape as it is.
     */
    private String employees(String value, Locale locale) {
        return Arrays.stream(value.split(",")).map(String::trim).map(part -> {
            int slash = part.indexOf('/');
            if (slash <= 0) {
                return part;
            }
            return named("unit", part.substring(0, slash), locale)
                    .map(unit -> unit + " " + part.substring(slash + 1)).orElse(part);
        }).collect(Collectors.joining(", "));
    }

    private String place(String municipalityCode, Locale locale) {
        if (municipalityCode == null) {
            return "";
        }
        return named("municipality", municipalityCode, locale).orElse(municipalityCode);
    }

    /** "reason=bad-credentials; failuresInARow=1" as "Orsak: fel användarnamn eller lösenord; Misslyckade i rad: 1". */
    String details(String details, Locale locale) {
        if (details == null || details.isBlank()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String part : details.split(";\\s*")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                parts.add(text("audit.reason." + part.trim(), locale).orElse(part.trim()));
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            // a counted aggregate ("count=49; rate-limited=30; unknown-user=19") keys its counts by reason
            String label = text("audit.detail." + key, locale).or(() -> text("audit.reason." + key, locale)).orElse(key);
            parts.add(label + ": " + value(key, value, locale));
        }
        return String.join("; ", parts);
    }

    private String value(String key, String value, Locale locale) {
        return switch (key) {
            case "reason" -> text("audit.reason." + value, locale).orElse(value);
            case "scope" -> scope(value, locale);
            case "instrument" -> named("instrument", value, locale).orElse(value);
            case "employees", "employee" -> employees(value, locale);
            case "window" -> minutes(value, locale);
            case "role" -> text("role." + value.toLowerCase(Locale.ROOT), locale).orElse(value);
            case "indicators" -> text("audit.indicators." + value, locale).orElse(value);
            case "source", "via" -> text("audit.source." + value, locale).orElse(value);
            case "benefit", "cost", "certainty", "severity" -> text("priority." + key + "." + value, locale).orElse(value);
            case "mode" -> text("priority.mode." + value, locale).orElse(value);
            case "kind" -> text("audit.kind." + value, locale).orElse(value);
            case "proposal", "decision" -> text("priority.recommendation." + value, locale).orElse(value);
            case "timePoint" -> text("time-point." + value, locale).orElse(value);
            case "focusArea" -> text("focus-area." + value, locale).orElse(value);
            case "requirementKind" -> text("competence.kind." + value, locale).orElse(value);
            case "previousStatus" -> text("guide.status." + value, locale).orElse(value);
            case "focusAreas" -> Arrays.stream(value.split(","))
                    .map(code -> text("focus-area." + code.trim(), locale).orElse(code.trim()))
                    .collect(Collectors.joining(", "));
            default -> "true".equals(value) || "false".equals(value)
                    ? text("audit.value." + value, locale).orElse(value) : value;
        };
    }

    /** An ISO-8601 duration such as "PT10M" as "10 min"; anything else as it is. */
    private String minutes(String value, Locale locale) {
        try {
            return text("audit.window.minutes", locale).map(t -> MessageFormat.format(t,
                    Duration.parse(value).toMinutes())).orElse(value);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** "unit:1280-IFO-BU" as "Enhet Barn och unga (1280-IFO-BU)", "nation:0000" as "Riket". */
    private String scope(String value, Locale locale) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return value;
        }
        String type = value.substring(0, colon).toLowerCase(Locale.ROOT);
        String code = value.substring(colon + 1);
        String typeName = text("audit.scope." + type, locale).orElse(type);
        if (type.equals("nation")) {
            return typeName;
        }
        return typeName + " " + named(type, code, locale).orElse(code);
    }

    private Optional<String> named(String kind, String code, Locale locale) {
        for (AuditNames n : names) {
            Optional<String> name = n.name(kind, code, locale);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    private Optional<String> text(String key, Locale locale) {
        return Optional.ofNullable(messages.getMessage(key, null, null, locale));
    }
}
