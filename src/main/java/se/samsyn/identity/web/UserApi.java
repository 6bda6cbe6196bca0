package se.samsyn.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.UserAccount;
import se.samsyn.shared.Actor;

/** Account administration over the API, limited to the administrator's scope. */
@RestController
@Tag(name = "Identity")
class UserApi {

    private final Accounts accounts;

    UserApi(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * An account as the API answers it: role and scope type as the codes requests take
     * ({@code case-worker}, {@code unit}); who created it stays inside.
     */
    record UserView(long id, String username,
                    @Schema(allowableValues = {"case-worker", "unit-manager", "municipal-analyst", "social-director",
                            "regional-analyst", "national-analyst", "knowledge-editor", "administrator"})
                    String role,
                    @Schema(allowableValues = {"nation", "region", "municipality", "unit"})
                    String scopeType,
                    String scopeCode, boolean enabled, Instant lockedUntil, Instant createdAt) {
        static UserView from(UserAccount a) {
            return new UserView(a.id(), a.username(), a.role().code(), a.scope().type().code(), a.scope().code(),
                    a.enabled(), a.lockedUntil(), a.createdAt());
        }
    }

    /**
     * One page of the accounts within the administrator's scope, by username, as a JSON array (the
     * shape this endpoint always had). {@code q} is part of the username, {@code role} a role code,
     * {@code page} counts from 0 and {@code size} is 1–500 (50 by default). When more accounts
     * follow, the answer carries a {@code Link} header to the next page ({@code rel="next"}).
     */
    @GetMapping("/api/v1/admin/users")
    @Operation(summary = "The accounts within the administrator's scope, one page at a time")
    org.springframework.http.ResponseEntity<List<UserView>> list(
            @org.springframework.web.bind.annotation.RequestParam(required = false) String q,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
            @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(
                    type = "string", allowableValues = {"case-worker", "unit-manager", "municipal-analyst", "social-director",
                    "regional-analyst", "national-analyst", "knowledge-editor", "administrator"}))
            se.samsyn.shared.Role role,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "50") int size) {
        se.samsyn.identity.AccountQuery query = new se.samsyn.identity.AccountQuery(q, role, page, size);
        se.samsyn.identity.AccountPage shown = accounts.page(Actor.current().orElseThrow(), query);
        var answer = org.springframework.http.ResponseEntity.ok();
        if (shown.hasNext()) {
            var link = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequestUri()
                    .replaceQuery(null);
            if (query.search() != null) {
                link.queryParam("q", query.search());
            }
            if (query.role() != null) {
                link.queryParam("role", query.role().code());
            }
            String next = link.queryParam("page", query.page() + 1).queryParam("size", query.size())
                    .encode().build().toUriString();
            answer.header(org.springframework.http.HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(shown.accounts().stream().map(UserView::from).toList());
    }

    @PostMapping("/api/v1/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account within the administrator's scope")
    UserView create(@RequestBody UserForm form) {
        return UserView.from(accounts.create(Actor.current().orElseThrow(), form.username(), form.password(),
                form.role(), form.scope()));
    }

    @PutMapping("/api/v1/admin/users/{id}")
    @Operation(summary = "Change an account's role, scope or whether it is enabled")
    UserView change(@PathVariable long id, @RequestBody UserForm form) {
        return UserView.from(accounts.change(Actor.current().orElseThrow(), id, form.role(), form.scope(),
                form.enabled() == null || form.enabled()));
    }
}
