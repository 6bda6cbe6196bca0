package se.samsyn.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.shared.Actor;

/** Who the caller is: the signed-in user or the owner of the API token. */
@RestController
@Tag(name = "Identity")
class MeApi {

    record ScopeView(String type, String code) {
    }

    record MeView(String username, String role, ScopeView scope) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The caller's username, role and scope")
    MeView me() {
        Actor actor = Actor.current().orElseThrow();
        return new MeView(actor.username(), actor.role().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                new ScopeView(actor.scope().type().name().toLowerCase(Locale.ROOT), actor.scope().code()));
    }
}
