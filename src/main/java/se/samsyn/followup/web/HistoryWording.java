package se.samsyn.followup.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import se.samsyn.followup.ClientFile;
import se.samsyn.followup.Episode;
import se.samsyn.followup.HistoryEntry;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.Intervention;
import se.samsyn.followup.InterventionType;
import se.samsyn.followup.Measurement;
import se.samsyn.followup.Need;

/**
 * How the client page words the correction history for a reader in one language: each row's entry
 * by what it is (an instrument's name, time point and date; a life area's name and date; a focus area
 * or an intervention's name and start) instead of its id, and numeric values with the language's
 * decimal separator (Swedish comma, English point). Only the shown text changes; the kept history
 * stays as stored. An entry the client file no longer holds (a removed one) is named by its type
 * alone ({@code followup.history.removed.<table>}). Messages: {@code followup.history.label.<table>}.
 */
final class HistoryWording {

    /** The history fields whose values are plain numbers (dot decimals as stored). */
    private static final Set<String> NUMERIC_FIELDS = Set.of("score", "level");

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, Map<Long, String>> labels = new HashMap<>();

    /**
     * @param messages    the message bundles
     * @param locale      the reader's language
     * @param file        the client file the page shows (entries not removed)
     * @param instruments the catalogue's instruments, for their names
     * @param types       the catalogue's intervention types, for their names in the reader's language
     */
    HistoryWording(MessageSource messages, Locale locale, ClientFile file,
                   List<Instrument> instruments, List<InterventionType> types) {
        this.messages = messages;
        this.locale = locale;
        Map<Long, String> episodes = new HashMap<>();
        for (Episode e : file.episodes()) {
            episodes.put(e.id(), message("followup.history.label.episode",
                    message("focus-area." + e.focusArea()), e.startDate().toString()));
        }
        Map<Long, String> needs = new HashMap<>();
        for (Need n : file.needs()) {
            needs.put(n.id(), message("followup.history.label.need", message(n.lifeArea().messageKey()),
                    n.assessedOn().toString()));
        }
        Map<Long, String> interventions = new HashMap<>();
        for (Intervention i : file.interventions()) {
            String name = types.stream().filter(t -> t.code().equals(i.interventionCode())).findFirst()
                    .map(t -> interventionName(t, locale)).orElse(i.interventionName());
            interventions.put(i.id(), message("followup.history.label.intervention", name, i.startDate().toString()));
        }
        Map<Long, String> measurements = new HashMap<>();
        for (Measurement m : file.measurements()) {
            measurements.put(m.id(), message("followup.history.label.measurement",
                    instrumentName(m.instrumentCode(), instruments, locale),
                    message(m.timePoint().messageKey()).toLowerCase(locale), m.measuredOn().toString()));
        }
        labels.put("episode", episodes);
        labels.put("need", needs);
        labels.put("intervention", interventions);
        labels.put("measurement", measurements);
    }

    /** The entry a history row is about, as a reader names it; a removed entry by its type alone. */
    String entry(HistoryEntry e) {
        String label = labels.getOrDefault(e.table(), Map.of()).get(e.rowId());
        return label != null ? label : message("followup.history.removed." + e.table());
    }

    /**
     * A kept old or new value as shown: a score or level with the language's decimal separator
     * ({@code 62.5} → {@code 62,5} in Swedish); anything else, and null, as kept.
     */
    String value(HistoryEntry e, String value) {
        if (value == null || !NUMERIC_FIELDS.contains(e.field()) || !value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        return decimal(new BigDecimal(value).toPlainString(), locale);
    }

    /** A plain decimal ({@code 62.5}) with the language's decimal separator ({@code 62,5} in Swedish). */
    static String decimal(String plain, Locale locale) {
        return plain.replace('.', DecimalFormatSymbols.getInstance(locale).getDecimalSeparator());
    }

    /** An instrument's name in the reader's language (English only for English), or its code when unknown. */
    static String instrumentName(String code, List<Instrument> instruments, Locale locale) {
        return instruments.stream().filter(i -> i.code().equals(code)).findFirst()
                .map(i -> "en".equals(locale.getLanguage()) ? i.nameEn() : i.nameSv()).orElse(code);
    }

    private static String interventionName(InterventionType type, Locale locale) {
        return "en".equals(locale.getLanguage()) ? type.nameEn() : type.nameSv();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
