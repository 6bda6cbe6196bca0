package se.samsyn.followup.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
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
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
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

    ReportPages(OutcomeReports reports, Catalogue catalogue, MessageSource messages, Clock clock,
                Organisation organisation) {
        this.clock = clock;
        this.organisation = organisation;
        this.reports = reports;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /**
     * The report page; with the {@code HX-Request} header (the filter form sent by htmx) only the
     * {@code results} fragment (error, outcome table, chart and needs), which replaces the one shown.
     */
    @GetMapping("/followup/reports")
    String outcomes(@RequestParam(defaultValue = "who5") String instrument,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) ScopeType level, @RequestParam(required = false) String code,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                    HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        LocalDate end = to == null ? SwedishTime.today(clock) : to;
        LocalDate start = from == null ? end.minusYears(2) : from;
        Scope scope = ReportScopes.of(actor, level, code);
        model.addAttribute("instruments", catalogue.instruments());
        model.addAttribute("instrument", instrument);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
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
            OutcomeReport report = reports.outcomes(actor, instrument, start, end, scope);
            model.addAttribute("report", report);
            model.addAttribute("distributionJson", json.writeValueAsString(report.distribution()));
            model.addAttribute("needs", reports.needs(actor, scope));
        } catch (FollowupRejected e) {
            model.addAttribute("reportError", e.messageKey());
        }
        return htmx != null ? "followup/reports :: results" : "followup/reports";
    }

    @GetMapping("/followup/reports/outcomes.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(defaultValue = "who5") String instrument,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) ScopeType level,
                                 @RequestParam(required = false) String code, Locale locale) throws IOException {
        Actor actor = Actor.current().orElseThrow();
        OutcomeReport report = reports.outcomes(actor, instrument, from, to, ReportScopes.of(actor, level, code));
        byte[] workbook = OutcomeWorkbook.write(report, messages, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("samsyn-utfall-" + instrument + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook);
    }
}
