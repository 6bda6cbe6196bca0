package se.samsyn.followup.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.InterventionType;
import se.samsyn.followup.NeedsReport;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PublishedCounts;
import se.samsyn.followup.PublishedCountsPending;
import se.samsyn.followup.PublishedYears;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;
import se.samsyn.shared.SwedishTime;
import se.samsyn.organisation.Organisation;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Outcome and needs reports as pages, with a chart and an Excel export. */
@Controller
class ReportPages {

    private final OutcomeReports reports;
    private final Catalogue catalogue;
    private final MessageSource messages;
    private final Clock clock;
    private final Organisation organisation;
    private final JsonMapper json = JsonMapper.builder().build();

    private final PublishedCounts published;

    ReportPages(OutcomeReports reports, Catalogue catalogue, MessageSource messages, Clock clock,
                Organisation organisation, PublishedCounts published) {
        this.published = published;
        this.clock = clock;
        this.organisation = organisation;
        this.reports = reports;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /** How many years the year select offers, the current one first. */
    private static final int YEARS_OFFERED = 10;

    /**
     * The report page; with the {@code HX-Request} header (the filter form sent by htmx) only the
     * {@code results} fragment (error, outcome table, chart and needs), which replaces the one shown.
     * The owning unit's staff choose any period (by default the two years up to today); everyone
     * else, who sees suppressed counts, chooses a calendar year, by default the last completed one
     * ({@link PublishedYears#lastCompleted}: on any day of 2026 the year 2025, the year the open
     * comparisons open on too, since the current year's figures cover only the year so far), as
     * {@link OutcomeReports#periodsFree} says. A refused period or scope answers 422 with the form
     * kept. The instrument and the interventions are named in the page's language.
     */
    @GetMapping("/followup/reports")
    String outcomes(@RequestParam(defaultValue = "who5") String instrument,
                    @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) ScopeType level, @RequestParam(required = false) String code,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                    HttpServletResponse response, Locale locale) {
        Actor actor = Actor.current().orElseThrow();
        LocalDate today = SwedishTime.today(clock);
        Scope scope = ReportScopes.of(actor, level, code);
        boolean free = reports.periodsFree(actor, scope);
        String periodError = null;
        ReportPeriod period;
        try {
            period = ReportPeriod.of(year, from, to);
        } catch (FollowupRejected e) {
            periodError = e.messageKey();
            period = new ReportPeriod(null, null);
        }
        if (period.from() == null && period.to() == null) {
            period = free ? new ReportPeriod(today.minusYears(2), today)
                    : ReportPeriod.year(PublishedYears.lastCompleted(today).last());
        } else if (period.from() == null || period.to() == null) {
            LocalDate end = period.to() == null ? today : period.to();
            period = new ReportPeriod(period.from() == null ? end.minusYears(2) : period.from(), end);
        }
        LocalDate start = period.from();
        LocalDate end = period.to();
        int shownYear = periodError == null ? end.getYear() : today.getYear();
        List<Instrument> instruments = catalogue.instruments();
        model.addAttribute("instruments", instruments);
        model.addAttribute("instrument", instrument);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("periodsFree", free);
        model.addAttribute("year", shownYear);
        model.addAttribute("years", years(today.getYear(), shownYear));
        model.addAttribute("levels", ReportScopes.levelsFor(actor));
        model.addAttribute("sexes", OutcomeReport.SEXES);
        if (scope == null || !organisation.exists(scope)) {
            // A code the register does not know: say so in words, keep the other fields (issue 17 point 2).
            model.addAttribute("level", null);
            model.addAttribute("code", code);
            model.addAttribute("reportError", "report.error.scope-unknown");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return htmx != null ? "followup/reports :: results" : "followup/reports";
        }
        model.addAttribute("level", scope.type());
        model.addAttribute("code", scope.code());
        try {
            if (periodError != null) {
                throw new FollowupRejected("year", periodError);
            }
            // read before the report, so the figures are at least as fresh as the page says
            java.util.Optional<java.time.Instant> asOf = reports.outcomesAsOf();
            try {
                OutcomeReport report = reports.outcomes(actor, instrument, start, end, scope);
                model.addAttribute("report", report);
                model.addAttribute("instrumentName", instrumentName(report, instruments, locale));
                model.addAttribute("interventionNames", interventionNames(locale));
                model.addAttribute("distributionJson", json.writeValueAsString(report.distribution()));
                model.addAttribute("distributionHidden", hiddenBins(report.distribution()));
                if (report.asOfLastRefresh()) {
                    model.addAttribute("outcomesAsOf", asOf.map(t -> java.time.LocalDateTime.ofInstant(t,
                            SwedishTime.ZONE)).orElse(null));
                }
            } catch (PublishedCountsPending e) {
                // outside the owning unit, before the first background computation: said plainly
                model.addAttribute("reportPending", true);
            }
            needs(actor, scope, model);
        } catch (FollowupRejected e) {
            model.addAttribute("reportError", e.messageKey());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return htmx != null ? "followup/reports :: results" : "followup/reports";
    }

    /**
     * The needs report into the model: {@code needs}, and outside the owning unit {@code needsAsOf}
     * (when its stored counts were read, Swedish time; read before the report, so the figures are at
     * least that fresh), or {@code needsPending} when none is stored yet.
     */
    private void needs(Actor actor, Scope scope, Model model) {
        java.util.Optional<java.time.Instant> asOf = published.needsAsOf();
        try {
            NeedsReport needs = reports.needs(actor, scope);
            model.addAttribute("needs", needs);
            if (needs != null && needs.suppressionApplies()) {
                model.addAttribute("needsAsOf", asOf.map(t -> java.time.LocalDateTime.ofInstant(t, SwedishTime.ZONE))
                        .orElse(null));
            }
        } catch (PublishedCountsPending e) {
            model.addAttribute("needsPending", true);
        }
    }

    /** The years the select offers: the current year and the nine before it, and the one shown if older or later. */
    private static List<Integer> years(int current, int shown) {
        List<Integer> years = new ArrayList<>();
        for (int y = current; y > current - YEARS_OFFERED; y--) {
            years.add(y);
        }
        if (!years.contains(shown)) {
            years.add(shown > current ? 0 : years.size(), shown);
        }
        return years;
    }

    @GetMapping("/followup/reports/outcomes.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(defaultValue = "who5") String instrument,
                                 @RequestParam(required = false) Integer year,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) ScopeType level,
                                 @RequestParam(required = false) String code, Locale locale) throws IOException {
        Actor actor = Actor.current().orElseThrow();
        ReportPeriod period = ReportPeriod.of(year, from, to);
        // read before the report, so the figures are at least as fresh as the workbook says
        java.util.Optional<java.time.Instant> stored = reports.outcomesAsOf();
        OutcomeReport report = reports.outcomes(actor, instrument, period.from(), period.to(),
                ReportScopes.of(actor, level, code));
        java.time.Instant asOf = report.asOfLastRefresh() ? stored.orElseGet(clock::instant) : clock.instant();
        String scopeName = scopeName(report.scope(), locale);
        byte[] workbook = OutcomeWorkbook.write(report, instrumentName(report, catalogue.instruments(), locale),
                interventionNames(locale), scopeName, java.time.LocalDateTime.ofInstant(asOf, SwedishTime.ZONE),
                messages, locale);
        String file = messages.getMessage("report.excel.file", new Object[] {instrument,
                OutcomeWorkbook.fileNamePart(scopeName), OutcomeWorkbook.periodPart(report.from(), report.to())},
                "samsyn-utfall.xlsx", locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook);
    }

    /**
     * The scope's name in the reader's language for the workbook: the nation is the message
     * {@code report.scope.nation} ("Riket", "Sweden"), a region its county's name, a municipality its
     * name, a unit its name with the code after it. A code the register does not know is written as it is.
     */
    String scopeName(Scope scope, Locale locale) {
        return switch (scope.type()) {
            case NATION -> messages.getMessage("report.scope.nation", null, "Riket", locale);
            case REGION -> organisation.county(scope.code()).map(se.samsyn.organisation.County::name).orElse(scope.code());
            case MUNICIPALITY -> organisation.municipality(scope.code()).map(se.samsyn.organisation.Municipality::name)
                    .orElse(scope.code());
            case UNIT -> organisation.unit(scope.code()).map(se.samsyn.organisation.Unit::labelled).orElse(scope.code());
        };
    }

    /**
     * How the distribution's bins are hidden, for the note that stands beside or instead of the
     * chart: {@code "all"} when some bin is hidden and no shown bin has a client (the chart would
     * have no bar), {@code "some"} when some are hidden and others have bars (the hidden ones are
     * left out), {@code "none"} when nothing is hidden and no bin has a client (no data for the
     * period: the chart would be empty), else null.
     */
    static String hiddenBins(OutcomeReport.Distribution distribution) {
        long hidden = java.util.stream.Stream.concat(distribution.baseline().stream(), distribution.followUp().stream())
                .filter(java.util.Objects::isNull).count();
        boolean bars = java.util.stream.Stream.concat(distribution.baseline().stream(), distribution.followUp().stream())
                .anyMatch(n -> n != null && n > 0);
        return hidden == 0 ? (bars ? null : "none") : bars ? "some" : "all";
    }

    /**
     * The report's instrument named in the reader's language: the catalogue's English name on an
     * English page, else the Swedish one; the report's own (Swedish) name when the catalogue does
     * not hold the instrument.
     */
    static String instrumentName(OutcomeReport report, List<Instrument> instruments, Locale locale) {
        return instruments.stream().filter(i -> i.code().equals(report.instrumentCode())).findFirst()
                .map(i -> english(locale) && i.nameEn() != null && !i.nameEn().isBlank() ? i.nameEn() : i.nameSv())
                .orElse(report.instrumentName());
    }

    /**
     * The interventions' names by code in the reader's language, for the rows of the table: on an
     * English page the catalogue's English names; empty on a Swedish page (the report's names are
     * Swedish).
     */
    private Map<String, String> interventionNames(Locale locale) {
        Map<String, String> names = new HashMap<>();
        if (english(locale)) {
            for (InterventionType type : catalogue.interventions()) {
                if (type.nameEn() != null && !type.nameEn().isBlank()) {
                    names.put(type.code(), type.nameEn());
                }
            }
        }
        return names;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
