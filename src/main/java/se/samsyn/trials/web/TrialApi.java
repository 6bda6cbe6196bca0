package se.samsyn.trials.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.shared.Actor;
import se.samsyn.trials.TrialBurden;
import se.samsyn.trials.Trials;

/**
 * The trials API under {@code /api/v1/trials}: the national list, one trial, and recording a use
 * (minutes) or an anonymous rating from a case-management system with an API token of a case
 * worker or unit manager of a trial unit. Refusals are problem details (404 for a trial the caller
 * may not record in, 422 with the field for bad input).
 */
@RestController
@RequestMapping("/api/v1/trials")
@Tag(name = "Trials", description = "Trials of support tools: the national list, minutes per use, anonymous ratings")
class TrialApi {

    private final Trials trials;
    private final TrialBurden burden;

    TrialApi(Trials trials, TrialBurden burden) {
        this.trials = trials;
        this.burden = burden;
    }

    @GetMapping
    @Operation(summary = "Every trial, open and finished, newest first")
    List<TrialAnswer> all() {
        return trials.all().stream().map(TrialAnswer::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One trial: its current plan, status and decision")
    TrialAnswer one(@PathVariable long id) {
        return TrialAnswer.of(trials.trial(id));
    }

    @PostMapping("/{id}/uses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record one use of the tool and the minutes it took (the caller's unit)")
    Map<String, Object> use(@PathVariable long id, @Valid @RequestBody UseRequest request) {
        burden.recordUse(Actor.current().orElseThrow(), id, request.usedOn(), request.minutes(), "api");
        return Map.of("trial", id, "usedOn", request.usedOn().toString(), "minutes", request.minutes());
    }

    @PostMapping("/{id}/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Give one anonymous rating (raw NASA-TLX and helped) for the caller's unit in the current period")
    Map<String, Object> rate(@PathVariable long id, @Valid @RequestBody RatingRequest request) {
        burden.rate(Actor.current().orElseThrow(), id, null, request.toRating());
        return Map.of("trial", id, "stored", true);
    }
}
