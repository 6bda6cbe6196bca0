package se.samsyn.followup.web;

import java.time.LocalDate;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.ClientFile;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.EntryCorrections;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.GoalStatus;
import se.samsyn.followup.HistoryEntry;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.Measurement;
import se.samsyn.followup.Need;
import se.samsyn.followup.TimePoint;
import se.samsyn.imports.PlainValues;
import se.samsyn.organisation.FocusArea;
import se.samsyn.shared.Actor;
import se.samsyn.shared.PersonalNumberShape;
import se.samsyn.shared.SwedishTime;

/**
 * The client page's model ({@code followup/client}), shared by the page itself ({@link ClientPages})
 * and the forms that show it again after a refusal or before a removal is confirmed
 * ({@link EntryForms}, {@link CorrectionPages}): the client's file, the needs grid, the catalogue's
 * choices, and the history of corrections in the reader's language, times in Stockholm time.
 * Reading the file and the history is audited (by {@link ClientRecords} and {@link EntryCorrections}).
 */
@Component
class ClientPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ClientRecords records;
    private final EntryCorrections corrections;
    private final Catalogue catalogue;
    private final Clock clock;
    private final MessageSource messages;

    ClientPage(ClientRecords records, EntryCorrections corrections, Catalogue catalogue, Clock clock,
               MessageSource messages) {
        this.records = records;
        this.corrections = corrections;
        this.catalogue = catalogue;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * One row of the correction history as shown: the time in Stockholm time, the entry by what it is
     * and the old and new values in the reader's language ({@link HistoryWording}), the rest as kept.
     */
    record HistoryRow(String when, String who, String entry, String fieldKey, String from, String to,
                      String sourceKey, String reason) {
        static HistoryRow of(HistoryEntry e, HistoryWording wording) {
            return new HistoryRow(WHEN.format(e.changedAt().atZone(SwedishTime.ZONE)), e.changedBy(),
                    wording.entry(e), e.fieldKey(), wording.value(e, e.oldValue()), wording.value(e, e.newValue()),
                    e.source().messageKey(), e.reason());
        }
    }

    /**
     * Fills {@code model} for the client page of client {@code id} of the signed-in actor's unit and
     * answers the view name.
     *
     * @throws se.samsyn.followup.ClientNotFound when the client is not in the actor's unit (404)
     */
    String show(long id, Model model, Locale locale) {
        ClientFile file = records.file(Actor.current().orElseThrow(), id);
        List<Instrument> instruments = catalogue.instruments();
        HistoryWording wording = new HistoryWording(messages, locale, file, instruments, catalogue.interventions());
        model.addAttribute("history", corrections.history(Actor.current().orElseThrow(), id).stream()
                .map(e -> HistoryRow.of(e, wording)).toList());
        Map<String, String> instrumentNames = new HashMap<>();
        for (Measurement m : file.measurements()) {
            instrumentNames.put(m.instrumentCode(),
                    HistoryWording.instrumentName(m.instrumentCode(), instruments, locale));
        }
        model.addAttribute("instrumentNames", instrumentNames);
        TreeSet<LocalDate> dates = new TreeSet<>();
        Map<LifeArea, Map<LocalDate, Integer>> grid = new EnumMap<>(LifeArea.class);
        for (LifeArea area : LifeArea.values()) {
            grid.put(area, new HashMap<>());
        }
        for (Need need : file.needs()) {
            dates.add(need.assessedOn());
            grid.get(need.lifeArea()).put(need.assessedOn(), need.level());
        }
        model.addAttribute("file", file);
        model.addAttribute("assessmentDates", new ArrayList<>(dates));
        model.addAttribute("levelGrid", grid);
        model.addAttribute("goals", file.needs().stream().filter(n -> n.goal() != null).toList());
        model.addAttribute("lifeAreas", LifeArea.values());
        model.addAttribute("focusAreas", FocusArea.values());
        model.addAttribute("interventionTypes", catalogue.interventions());
        model.addAttribute("instruments", instruments);
        model.addAttribute("timePoints", TimePoint.values());
        model.addAttribute("endReasons", EndReason.values());
        model.addAttribute("goalStatuses", GoalStatus.values());
        model.addAttribute("today", SwedishTime.today(clock));
        if (!model.containsAttribute("refusal")) {
            model.addAttribute("refusal", Refusal.NONE);
        }
        return "followup/client";
    }

    /** A change a form asks for; its answer is not used. */
    interface Recording {
        Object run();
    }

    /**
     * A form as the user sent it, for showing it again after a refusal: its name on the page (for
     * example {@code episode}, {@code episode-correct-12}, {@code need-remove-31}), the values typed
     * by parameter name, and the parameter names that have a field of their own in that form (an
     * error about any other field is shown above the form's fields).
     */
    record Form(String name, Map<String, String> typed, Set<String> fields) {
        static Form of(String name, Map<String, String> params, String... fields) {
            return new Form(name, params, Set.of(fields));
        }
    }

    /**
     * A refused form shown again on the client page: which form, the parameter name of the field at
     * fault (null when the error is about the form as a whole), the message key, and what the user
     * typed, by parameter name. Anything shaped like a personal identity number is masked in the
     * kept values, so such a number never goes back into a field.
     */
    record Refusal(String form, String field, String messageKey, Map<String, String> typed) {

        /** No form refused: every form shows its own values. */
        static final Refusal NONE = new Refusal("", null, null, Map.of());

        /** The longest typed value kept, in characters (longer than any field takes). */
        static final int MAX_KEPT = 1000;

        static Refusal of(Form form, FollowupRejected e) {
            String field = camel(e.field());
            Map<String, String> kept = new HashMap<>();
            form.typed().forEach((name, value) -> {
                if (value != null && !"_csrf".equals(name)) {
                    String v = value.length() > MAX_KEPT ? value.substring(0, MAX_KEPT) : value;
                    kept.put(name, PersonalNumberShape.masked(v));
                }
            });
            return new Refusal(form.name(), form.fields().contains(field) ? field : null, e.messageKey(),
                    Map.copyOf(kept));
        }

        /** Whether this refusal is about {@code form}. */
        public boolean about(String form) {
            return this.form.equals(form);
        }

        /** Whether the error belongs next to {@code field} of {@code form} (null: above the form's fields). */
        public boolean at(String form, String field) {
            return about(form) && Objects.equals(this.field, field);
        }

        /**
         * The value to show in {@code name} of {@code form}: what was typed when that form was
         * refused (null when nothing was), otherwise {@code stored} as text.
         */
        public String value(String form, String name, Object stored) {
            if (about(form)) {
                return typed.get(name);
            }
            return stored == null ? null : String.valueOf(stored);
        }

        /** {@code start_date} as the form names it, {@code startDate}. */
        private static String camel(String field) {
            if (field == null) {
                return null;
            }
            StringBuilder out = new StringBuilder();
            boolean upper = false;
            for (char c : field.toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    out.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return out.toString();
        }
    }

    /**
     * A date from a form: null when blank, otherwise written {@code yyyy-MM-dd}, a day in the
     * calendar between 1900-01-01 and a year ahead.
     *
     * @param field the request field, for the refusal
     * @throws FollowupRejected with the field and {@code import.error.date-*} otherwise
     */
    LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        PlainValues.DateValue value = PlainValues.date(text, SwedishTime.today(clock));
        if (value.problem() != null) {
            throw new FollowupRejected(field, value.problem().messageKey());
        }
        return value.date();
    }

    /**
     * Runs a form's change and goes back to the client page with {@code flash} as its message; when
     * the change is {@link FollowupRejected}, nothing is stored and the client page is shown again
     * (422) with the form as the user typed it and the error next to the field at fault. Showing the
     * page again reads the client's file and history as the page itself does, audited once each.
     */
    String done(long id, Form form, String flash, Model model, HttpServletResponse response, Locale locale,
                RedirectAttributes redirect, Recording recording) {
        try {
            recording.run();
        } catch (FollowupRejected e) {
            return refused(id, Refusal.of(form, e), model, response, locale);
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:/followup/clients/" + id;
    }

    /** Shows the client page again (422) with {@code refusal}'s form as typed and its error. */
    String refused(long id, Refusal refusal, Model model, HttpServletResponse response, Locale locale) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("refusal", refusal);
        return show(id, model, locale);
    }
}
