package se.samsyn.competence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.competence.Introductions;
import se.samsyn.competence.Workforce;
import se.samsyn.shared.Actor;

/**
 * The competence API of the introduction of new staff (programmes, introductions, their mentors and
 * the mentor's own view) and of the vacancies a unit reports. The services check every permission
 * and audit every read and write.
 */
@RestController
@Tag(name = "Competence", description = "Competence requirements, staff registers, gaps and workforce indicators")
class IntroductionsApi {

    private final Introductions introductions;
    private final Workforce workforce;

    IntroductionsApi(Introductions introductions, Workforce workforce) {
        this.introductions = introductions;
        this.workforce = workforce;
    }

    /** The open posts of one month. */
    record VacancyRequest(@jakarta.validation.constraints.NotNull(message = "{competence.error.open-posts}")
                          @jakarta.validation.constraints.Min(value = 0, message = "{competence.error.open-posts}")
                          @jakarta.validation.constraints.Max(value = 10000, message = "{competence.error.open-posts}")
                          Integer openPosts) {
    }

    @PutMapping("/api/v1/competence/units/{unit}/vacancies/{month}")
    @Operation(summary = "Report the unit's open posts in a month (YYYY-MM), replacing an earlier report (audited)",
            description = "Feeds the vacancy rate of the workforce indicators.")
    java.util.Map<java.time.YearMonth, Integer> reportVacancies(@PathVariable String unit,
                                                                @PathVariable java.time.YearMonth month,
                                                                @Valid @RequestBody VacancyRequest request) {
        Actor actor = Actor.current().orElseThrow();
        workforce.reportVacancies(actor, unit, month, request.openPosts());
        return workforce.vacancies(actor, unit);
    }

    @GetMapping("/api/v1/competence/units/{unit}/vacancies")
    @Operation(summary = "The unit's reported open posts by month")
    java.util.Map<java.time.YearMonth, Integer> vacancies(@PathVariable String unit) {
        return workforce.vacancies(Actor.current().orElseThrow(), unit);
    }

    @GetMapping("/api/v1/competence/introduction-programmes")
    @Operation(summary = "The introduction programmes: national ones and a municipality's own, each with its checklist")
    List<Introductions.Programme> programmes(@RequestParam(required = false) String municipality) {
        return introductions.programmes(municipality);
    }

    @GetMapping("/api/v1/competence/units/{unit}/introductions")
    @Operation(summary = "A unit's introductions with progress and overdue items (names: manager and administrator; audited)")
    List<Introductions.Progress> unitIntroductions(@PathVariable String unit) {
        return introductions.unit(Actor.current().orElseThrow(), unit);
    }

    /** An introduction to start: the person, the programme's code (blank: the role's), the mentor, the start day (blank: employment start). */
    record IntroductionRequest(@jakarta.validation.constraints.NotBlank(message = "{competence.error.plan-person}") String employeeNumber,
                               String programme,
                               @jakarta.validation.constraints.NotBlank(message = "{competence.error.mentor}")
                               @jakarta.validation.constraints.Size(max = 200, message = "{competence.error.mentor}") String mentor,
                               java.time.LocalDate startedOn) {
    }

    @PostMapping("/api/v1/competence/units/{unit}/introductions")
    @Operation(summary = "Start an introduction for a person of the unit (audited)")
    ResponseEntity<Introductions.Progress> startIntroduction(@PathVariable String unit,
                                                            @Valid @RequestBody IntroductionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(introductions.start(Actor.current().orElseThrow(), unit,
                request.employeeNumber(), request.programme(), request.mentor(), request.startedOn()));
    }

    /** The day a checklist item was done. */
    record CheckRequest(@jakarta.validation.constraints.NotNull(message = "{import.error.date-format}")
                        java.time.LocalDate doneOn) {
    }

    @PostMapping("/api/v1/competence/units/{unit}/introductions/{id}/items/{item}/check")
    @Operation(summary = "Tick off a checklist item of an introduction (audited)")
    Introductions.Progress checkItem(@PathVariable String unit, @PathVariable long id, @PathVariable long item,
                                     @Valid @RequestBody CheckRequest request) {
        return introductions.check(Actor.current().orElseThrow(), unit, id, item, request.doneOn());
    }

    /** An introduction's mentor: the name, and the username of the mentor's Samsyn account when the mentor signs in. */
    record MentorRequest(@jakarta.validation.constraints.NotBlank(message = "{competence.error.mentor}")
                         @jakarta.validation.constraints.Size(max = 200, message = "{competence.error.mentor}") String mentor,
                         @jakarta.validation.constraints.Size(max = 100, message = "{competence.error.mentor-account}")
                         String mentorAccount) {
    }

    @PutMapping("/api/v1/competence/units/{unit}/introductions/{id}/mentor")
    @Operation(summary = "Set an introduction's mentor, optionally linked to the mentor's account (audited)",
            description = "The account must be enabled and lie within the unit's municipality; its holder then sees "
                    + "the introduction under /api/v1/competence/mentoring and ticks off the items the mentor guides.")
    Introductions.Progress assignMentor(@PathVariable String unit, @PathVariable long id,
                                        @Valid @RequestBody MentorRequest request) {
        return introductions.assignMentor(Actor.current().orElseThrow(), unit, id, request.mentor(),
                request.mentorAccount());
    }

    @GetMapping("/api/v1/competence/mentoring")
    @Operation(summary = "The introductions the signed-in account mentors, with only the items the mentor guides (audited)")
    List<Introductions.Mentorship> mentoring() {
        return introductions.mentoring(Actor.current().orElseThrow());
    }

    @PostMapping("/api/v1/competence/mentoring/{id}/items/{item}/check")
    @Operation(summary = "The mentor ticks off an item they guide (audited); any other item answers 404")
    Introductions.Mentorship checkAsMentor(@PathVariable long id, @PathVariable long item,
                                           @Valid @RequestBody CheckRequest request) {
        return introductions.checkAsMentor(Actor.current().orElseThrow(), id, item, request.doneOn());
    }
}
