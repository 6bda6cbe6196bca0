package se.samsyn.identity.internal;

import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samsyn.identity.AccountRejected;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccountRulesTests {

    private static final Map<String, String> UNIT_MUNICIPALITY = Map.of(
            "1280-IFO-BU", "1280",
            "1281-IFO", "1281");
    private static final Set<Scope> EXISTING = Set.of(
            Scope.nation(),
            Scope.municipality("1280"),
            Scope.municipality("1281"),
            Scope.unit("1280-IFO-BU"),
            Scope.unit("1281-IFO"));

    private static final Actor MUNICIPAL_ADMIN =
            new Actor("admin.malmo", Role.ADMINISTRATOR, Scope.municipality("1280"));
    private static final Actor NATIONAL_ADMIN =
            new Actor("admin.nation", Role.ADMINISTRATOR, Scope.nation());
    private static final Actor ANALYST =
            new Actor("analys.malmo", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));

    private final AccountRules rules = new AccountRules(new AccountRules.Scopes() {
        @Override
        public boolean exists(Scope scope) {
            return EXISTING.contains(scope);
        }

        @Override
        public boolean covers(Scope outer, Scope inner) {
            return switch (outer.type()) {
                case NATION -> true;
                case MUNICIPALITY -> inner.equals(outer) || inner.type() == ScopeType.UNIT
                        && outer.code().equals(UNIT_MUNICIPALITY.get(inner.code()));
                default -> inner.equals(outer);
            };
        }
    });

    @ParameterizedTest
    @ValueSource(strings = {"198001011234", "19800101-1234", "Anna.svensson", "ANNA", "an", "1anna", "anna svensson", ""})
    void rejectsUnacceptableUsernames(String username) {
        assertRejected(() -> rules.checkUsername(username), "username", "account.error.username");
    }

    @Test
    void rejectsMissingUsername() {
        assertRejected(() -> rules.checkUsername(null), "username", "account.error.username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.svensson", "ann", "a-b_c.d", "anna2"})
    void acceptsLowercaseUsernames(String username) {
        assertThatCode(() -> rules.checkUsername(username)).doesNotThrowAnyException();
    }

    @Test
    void rejectsPasswordOfNineCharacters() {
        assertRejected(() -> rules.checkPassword("123456789"), "password", "account.error.password");
    }

    @Test
    void acceptsPasswordOfTenCharacters() {
        assertThatCode(() -> rules.checkPassword("1234567890")).doesNotThrowAnyException();
    }

    @Test
    void rejectsMissingBlankAndOverlongPasswords() {
        assertRejected(() -> rules.checkPassword(null), "password", "account.error.password");
        assertRejected(() -> rules.checkPassword(" ".repeat(12)), "password", "account.error.password");
        assertRejected(() -> rules.checkPassword("x".repeat(201)), "password", "account.error.password");
        assertThatCode(() -> rules.checkPassword("x".repeat(200))).doesNotThrowAnyException();
    }

    @Test
    void rejectsRoleThatDoesNotFitTheScopeType() {
        assertRejected(() -> rules.checkRoleAndScope(NATIONAL_ADMIN, Role.CASE_WORKER, Scope.municipality("1280")),
                "scopeType", "account.error.role-scope");
    }

    @Test
    void rejectsMissingRoleAndMissingScope() {
        assertRejected(() -> rules.checkRoleAndScope(NATIONAL_ADMIN, null, Scope.municipality("1280")),
                "role", "account.error.role");
        assertRejected(() -> rules.checkRoleAndScope(NATIONAL_ADMIN, Role.CASE_WORKER, null),
                "scopeCode", "account.error.scope-format");
    }

    @Test
    void municipalAdministratorCannotCreateInAnotherMunicipality() {
        assertRejected(() -> rules.checkRoleAndScope(MUNICIPAL_ADMIN, Role.SOCIAL_DIRECTOR, Scope.municipality("1281")),
                "scopeCode", "account.error.scope-outside");
        assertRejected(() -> rules.checkRoleAndScope(MUNICIPAL_ADMIN, Role.CASE_WORKER, Scope.unit("1281-IFO")),
                "scopeCode", "account.error.scope-outside");
    }

    @Test
    void municipalAdministratorCanCreateInAUnitOfItsMunicipality() {
        assertThatCode(() -> rules.checkRoleAndScope(MUNICIPAL_ADMIN, Role.CASE_WORKER, Scope.unit("1280-IFO-BU")))
                .doesNotThrowAnyException();
        assertThatCode(() -> rules.checkRoleAndScope(MUNICIPAL_ADMIN, Role.MUNICIPAL_ANALYST, Scope.municipality("1280")))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsUnknownScope() {
        assertRejected(() -> rules.checkRoleAndScope(NATIONAL_ADMIN, Role.CASE_WORKER, Scope.unit("1280-OKAND")),
                "scopeCode", "account.error.scope-unknown");
    }

    @Test
    void nonAdministratorMayManageNothing() {
        assertThat(rules.mayManage(ANALYST, Scope.municipality("1280"))).isFalse();
        assertThat(rules.mayManage(ANALYST, Scope.unit("1280-IFO-BU"))).isFalse();
        assertThat(rules.mayManage(null, Scope.unit("1280-IFO-BU"))).isFalse();
        assertRejected(() -> rules.checkRoleAndScope(ANALYST, Role.CASE_WORKER, Scope.unit("1280-IFO-BU")),
                "scopeCode", "account.error.scope-outside");
    }

    @Test
    void administratorMayManageWithinItsScopeOnly() {
        assertThat(rules.mayManage(MUNICIPAL_ADMIN, Scope.unit("1280-IFO-BU"))).isTrue();
        assertThat(rules.mayManage(MUNICIPAL_ADMIN, Scope.municipality("1281"))).isFalse();
        assertThat(rules.mayManage(NATIONAL_ADMIN, Scope.municipality("1281"))).isTrue();
    }

    @Test
    void administratorCannotChangeOwnAccount() {
        assertRejected(() -> rules.checkNotSelf(MUNICIPAL_ADMIN, "admin.malmo"), "username", "account.error.self");
        assertThatCode(() -> rules.checkNotSelf(MUNICIPAL_ADMIN, "anna.svensson")).doesNotThrowAnyException();
    }

    private static void assertRejected(ThrowingCallable call, String field, String messageKey) {
        AccountRejected rejected = catchThrowableOfType(AccountRejected.class, call);
        assertThat(rejected).as("expected AccountRejected(%s, %s)", field, messageKey).isNotNull();
        assertThat(rejected.messageKey()).isEqualTo(messageKey);
        assertThat(rejected.field()).isEqualTo(field);
    }
}
