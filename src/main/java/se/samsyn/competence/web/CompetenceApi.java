package se.samsyn.competence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import se.samsyn.competence.Degree;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.Employee;
import se.samsyn.competence.GapAnalysis;
import se.samsyn.competence.ProtectedTitle;
import se.samsyn.competence.RegulatedTask;
import se.samsyn.competence.Requirement;
import se.samsyn.competence.RequirementKind;
import se.samsyn.competence.Requirements;
import se.samsyn.competence.StaffRegister;
import se.samsyn.competence.StaffRole;
import se.samsyn.imports.ImportAnswer;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.TabularFile;
import se.samsyn.shared.Actor;
import se.samsyn.shared.NotFound;

/**
 * The competence API: the requirement catalogue, each unit's staff register with its HR import and
 * history, gaps and completion plans. Introductions, mentors and vacancies are in {@link IntroductionsApi}.
 */
@RestController
@Tag(name = "Competence", description = "Competence requirements, staff registers, gaps and workforce indicators")
class CompetenceApi {

    private final Requirements requirements;
    private final StaffRegister staff;
    private final MessageSource messages;
    private final GapAnalysis gaps;

    CompetenceApi(Requirements requirements, StaffRegister staff, MessageSource messages, GapAnalysis gaps) {
        this.requirements = requirements;
        this.staff = staff;
        this.messages = messages;
        this.gaps = gaps;
    }

    @GetMapping("/api/v1/competence/units/{unit}/gaps")
    @Operation(summary = "A unit's staff × requirements matrix and its gaps (names: the unit's manager and the "
            + "municipality's administrator only; audited)",
            description = "Gaps come legal first, then recommended, then requirements falling due; each with its "
                    + "shortfalls (degree, components, training, experience, title) and the guide's trainings that close it.")
    GapAnalysis.UnitMatrix unitGaps(@PathVariable String unit) {
        return gaps.unit(Actor.current().orElseThrow(), unit);
    }

    @GetMapping("/api/v1/competence/municipalities/{code}/gaps")
    @Operation(summary = "A municipality's gap counts per unit and per requirement (no names)")
    GapAnalysis.Overview municipalityGaps(@PathVariable String code) {
        return gaps.municipality(Actor.current().orElseThrow(), code);
    }

    @PostMapping("/api/v1/competence/units/{unit}/plans")
    @Operation(summary = "Plan a course that closes a person's gap (audited)")
    ResponseEntity<GapAnalysis.PlanItem> plan(@PathVariable String unit, @Valid @RequestBody PlanRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(gaps.plan(Actor.current().orElseThrow(), unit,
                request.toItem()));
    }

    /** The day a planned course was completed, today or earlier. */
    record CompletionRequest(@jakarta.validation.constraints.NotNull(message = "{import.error.date-format}")
                             java.time.LocalDate completedOn) {
    }

    @PostMapping("/api/v1/competence/units/{unit}/plans/{id}/completion")
    @Operation(summary = "Record a planned course as completed: its training or components are added to the person "
            + "and the gap closes (audited)")
    GapAnalysis.PlanItem complete(@PathVariable String unit, @PathVariable long id,
                                  @Valid @RequestBody CompletionRequest request) {
        return gaps.complete(Actor.current().orElseThrow(), unit, id, request.completedOn());
    }

    /** A requirement as answered: its fields with lower-case codes and whether it is a legal requirement. */
    record RequirementView(String code, RequirementKind kind, boolean legal, String municipalityCode, String titleSv,
                           String titleEn, StaffRole role, RegulatedTask task, Set<Degree> degrees,
                           Set<DegreeComponent> components, String training, BigDecimal minYears, ProtectedTitle title,
                           Integer withinMonths, String source, String sourceUrl) {
        static RequirementView of(Requirement r) {
            return new RequirementView(r.code(), r.kind(), r.legal(), r.municipalityCode(), r.titleSv(), r.titleEn(),
                    r.role(), r.task(), new java.util.TreeSet<>(r.degrees()), new java.util.TreeSet<>(r.components()),
                    r.training(), r.minYears(), r.title(), r.withinMonths(), r.source(), r.sourceUrl());
        }
    }

    @GetMapping("/api/v1/competence/requirements")
    @Operation(summary = "The requirement catalogue: statutory requirements, national goals, and a municipality's local ones",
            description = "Statutory first, then national goals, then local requirements of the municipality asked for.")
    List<RequirementView> catalogue(@Parameter(description = "four-digit SCB code for its local requirements")
                                    @RequestParam(required = false) String municipality) {
        return requirements.catalogue(municipality).stream().map(RequirementView::of).toList();
    }

    @GetMapping("/api/v1/competence/requirements/{code}")
    @Operation(summary = "One requirement of the catalogue")
    RequirementView requirement(@PathVariable String code) {
        return requirements.requirement(code).map(RequirementView::of)
                .orElseThrow(() -> new NotFound("No such requirement"));
    }

    @PutMapping("/api/v1/competence/requirements/{code}")
    @Operation(summary = "Add or change a requirement",
            description = "A national analyst keeps statutory requirements and national goals; the administrator or "
                    + "social director of a municipality its local requirements. At least one criterion is required.")
    RequirementView save(@PathVariable String code, @Valid @RequestBody RequirementRequest request) {
        return RequirementView.of(requirements.save(Actor.current().orElseThrow(), request.toRequirement(code)));
    }

    @GetMapping("/api/v1/competence/units/{unit}/staff")
    @Operation(summary = "A unit's staff register (the unit's manager or the municipality's administrator only; audited)")
    List<Employee> staff(@PathVariable String unit) {
        return staff.staff(Actor.current().orElseThrow(), unit);
    }

    @GetMapping("/api/v1/competence/units/{unit}/staff/{number}")
    @Operation(summary = "One person of a unit's staff register (audited)")
    Employee employee(@PathVariable String unit, @PathVariable String number) {
        return staff.employee(Actor.current().orElseThrow(), unit, number);
    }

    @PutMapping("/api/v1/competence/units/{unit}/staff/{number}")
    @Operation(summary = "Add or change a person of the unit's staff register (audited; earlier values kept)",
            description = "The employee number must not be shaped like a personnummer.")
    StaffRegister.SaveOutcome saveEmployee(@PathVariable String unit, @PathVariable String number,
                                           @Valid @RequestBody StaffRequest request) {
        return staff.save(Actor.current().orElseThrow(), unit, request.toRow(number), "api");
    }

    @GetMapping("/api/v1/competence/units/{unit}/staff/{number}/history")
    @Operation(summary = "The changes of one person, newest first, with earlier values (audited)")
    List<StaffRegister.HistoryEntry> history(@PathVariable String unit, @PathVariable String number) {
        return staff.history(Actor.current().orElseThrow(), unit, number);
    }

    @PostMapping("/api/v1/competence/units/{unit}/staff/imports")
    @Operation(summary = "Import the unit's staff from an HR export, all-or-nothing",
            description = "CSV (text/csv, UTF-8, header row) or a JSON array with the columns employee_number, name, "
                    + "role, employment, start_date (required), end_date, prior_years, degrees, supplementary, "
                    + "trainings, tasks, titles; a multipart part named 'file' also works. Every bad row is listed and "
                    + "nothing is stored unless all are valid. A stored person with other values is updated (earlier "
                    + "values kept) and counted as updated; an equal one as unchanged. dryRun=true stores nothing.")
    ResponseEntity<ImportAnswer> importStaff(@PathVariable String unit, @RequestParam(defaultValue = "false") boolean dryRun,
                                           HttpServletRequest request, Locale locale) throws IOException {
        ImportReport r;
        if (request instanceof MultipartHttpServletRequest multipart && multipart.getFile("file") != null) {
            MultipartFile file = multipart.getFile("file");
            try (InputStream in = file.getInputStream()) {
                r = staff.importStaff(Actor.current().orElseThrow(), unit, in,
                        TabularFile.formatOf(file.getContentType(), file.getOriginalFilename()), dryRun);
            }
        } else {
            try (InputStream in = request.getInputStream()) {
                r = staff.importStaff(Actor.current().orElseThrow(), unit, in,
                        TabularFile.formatOf(request.getContentType(), null), dryRun);
            }
        }
        return ResponseEntity.status(r.rejected() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .body(ImportAnswer.of(r, messages, locale));
    }

}
