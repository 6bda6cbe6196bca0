package se.samsyn.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.organisation.UnitRejected;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;

/** Units: anyone signed in lists the units within their scope; administrators register and change them. */
@RestController
@Tag(name = "Units", description = "The municipalities' own units (enheter)")
class UnitApi {

    private final Organisation organisation;
    private final Units units;

    UnitApi(Organisation organisation, Units units) {
        this.organisation = organisation;
        this.units = units;
    }

    record UnitView(String municipalityCode, String code, String name, List<String> focusAreas, boolean active) {
        static UnitView from(Unit u) {
            return new UnitView(u.municipalityCode(), u.code(), u.name(),
                    u.focusAreas().stream().map(FocusArea::code).sorted().toList(), u.active());
        }
    }

    /**
     * The request body of a new or changed unit. Bean Validation checks the name's shape (1–200
     * characters, {@code unit.error.name}); the unit register checks the rest (code format and
     * uniqueness, municipality, focus-area codes) and answers {@code UnitRejected} (422) in the
     * same shape. {@code municipalityCode} and {@code code} are read only on registering.
     */
    record UnitRequest(String municipalityCode, String code,
                       @NotBlank(message = "unit.error.name") @Size(max = 200, message = "unit.error.name") String name,
                       List<String> focusAreas, Boolean active) {
    }

    @GetMapping("/api/v1/units")
    @Operation(summary = "The units within the caller's scope")
    List<UnitView> list() {
        Actor actor = Actor.current().orElseThrow();
        return organisation.unitsWithin(actor.scope()).stream().map(UnitView::from).toList();
    }

    @PostMapping("/api/v1/admin/units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a unit in a municipality within the administrator's scope")
    UnitView register(@Valid @RequestBody UnitRequest request) {
        return UnitView.from(units.register(Actor.current().orElseThrow(),
                new NewUnit(request.municipalityCode(), request.code(), request.name(), areas(request.focusAreas()))));
    }

    @PutMapping("/api/v1/admin/units/{code}")
    @Operation(summary = "Rename a unit, change its focus areas or deactivate it")
    UnitView change(@PathVariable String code, @Valid @RequestBody UnitRequest request) {
        return UnitView.from(units.change(Actor.current().orElseThrow(), code, request.name(),
                areas(request.focusAreas()), request.active() == null || request.active()));
    }

    static Set<FocusArea> areas(List<String> codes) {
        Set<FocusArea> areas = EnumSet.noneOf(FocusArea.class);
        if (codes != null) {
            for (String c : codes) {
                areas.add(FocusArea.fromCode(c)
                        .orElseThrow(() -> new UnitRejected("focusAreas", "unit.error.focus-areas")));
            }
        }
        return areas;
    }
}
