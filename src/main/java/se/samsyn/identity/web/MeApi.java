package se.samsyn.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.shared.Actor;

/** Who the caller is: the signed-in user or the owner of the API token. */
@RestController
@Tag(name = "Identity")
class MeApi {

    /** The caller's scope: its type's code and its code ({@code municipality}, {@code 1880}). */
    record ScopeView(@Schema(allowableValues = {"nation", "region", "municipality", "unit"}) String type, String code) {
    }

    /** The caller: username, role code and scope. */
    record MeView(String username,
                  @Schema(allowableValues = {"case-worker", "unit-manager", "municipal-analyst", "social-director",
                          "regional-analyst", "national-analyst", "knowledge-editor", "administrator"})
                  String role,
                  ScopeView scope) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The caller's username, role and scope")
    MeView me() {
        Actor actor = Actor.current().orElseThrow();
        return new MeView(actor.username(), actor.role().code(),
                new ScopeView(actor.scope().type().code(), actor.scope().code()));
    }
}
