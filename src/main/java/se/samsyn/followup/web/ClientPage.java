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
import java.util.TreeSet;
import org.springframework.context.MessageSource;
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
import se.samsyn.organisation.FocusArea;
import se.samsyn.shared.Actor;
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
        return "followup/client";
    }

    /** A change a form asks for; its answer is not used. */
    interface Recording {
        Object run();
    }

    /**
     * Runs a form's change and goes back to the client page with {@code flash} as its message, or
     * with the refusal's message key as {@code flashError} when the change is {@link FollowupRejected}.
     */
    static String done(long id, RedirectAttributes redirect, String flash, Recording recording) {
        try {
            recording.run();
            redirect.addFlashAttribute("flash", flash);
        } catch (FollowupRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/followup/clients/" + id;
    }
}
