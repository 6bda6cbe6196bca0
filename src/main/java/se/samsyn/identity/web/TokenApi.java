package se.samsyn.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.identity.ApiToken;
import se.samsyn.identity.ApiTokens;
import se.samsyn.identity.CreatedToken;
import se.samsyn.shared.Actor;

/** Personal API tokens over the API. */
@RestController
@Tag(name = "Identity")
class TokenApi {

    private final ApiTokens tokens;

    TokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * A new token: a name (1–100 characters) and how many days it is valid (at least 1; the upper
     * limit is {@code samsyn.security.token-max-validity}, checked by the service), 90 when left out.
     */
    record TokenRequest(
            @NotBlank(message = "token.error.name") @Size(max = 100, message = "token.error.name") String name,
            @Positive(message = "token.error.validity") Integer validDays) {
    }

    @GetMapping("/api/v1/tokens")
    @Operation(summary = "The caller's tokens, without their secrets")
    List<ApiToken> list() {
        return tokens.list(Actor.current().orElseThrow());
    }

    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a token; the secret is in this response only")
    CreatedToken create(@Valid @RequestBody TokenRequest request) {
        return tokens.create(Actor.current().orElseThrow(), request.name(),
                request.validDays() == null ? 90 : request.validDays());
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a token")
    void revoke(@PathVariable long id) {
        tokens.revoke(Actor.current().orElseThrow(), id);
    }
}
