package se.samsyn.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.identity.AccountNotFound;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.ApiTokens;
import se.samsyn.identity.CreatedToken;
import se.samsyn.identity.UserAccount;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** Accounts and tokens against both databases, through the application services. */
abstract class AccountsAndTokensTests {

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    final Actor nationAdmin = new Actor("root-admin", Role.ADMINISTRATOR, Scope.nation());
    final Actor malmoAdmin = new Actor("malmo-admin", Role.ADMINISTRATOR, Scope.municipality("1280"));

    @Test
    void storesOnlyAnArgon2HashOfThePassword() {
        UserAccount created = accounts.create(nationAdmin, "hash-check", "a-long-password", Role.NATIONAL_ANALYST,
                Scope.nation());
        String stored = jdbc.sql("SELECT password_hash FROM idn_user WHERE id = :id").param("id", created.id())
                .query(String.class).single();
        assertThat(stored).startsWith("{argon2}$argon2id$").doesNotContain("a-long-password");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = 'USER_CREATED' AND object_id = :id")
                .param("id", String.valueOf(created.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMunicipalAdministratorSeesAndChangesOnlyAccountsInTheMunicipality() {
        UserAccount inMalmo = accounts.create(nationAdmin, "malmo-director", "a-long-password", Role.SOCIAL_DIRECTOR,
                Scope.municipality("1280"));
        UserAccount inLund = accounts.create(nationAdmin, "lund-director", "a-long-password", Role.SOCIAL_DIRECTOR,
                Scope.municipality("1281"));
        assertThat(accounts.list(malmoAdmin)).extracting(UserAccount::username)
                .contains("malmo-director").doesNotContain("lund-director");
        assertThatThrownBy(() -> accounts.change(malmoAdmin, inLund.id(), Role.MUNICIPAL_ANALYST,
                Scope.municipality("1281"), true)).isInstanceOf(AccountNotFound.class);
        assertThatThrownBy(() -> accounts.change(malmoAdmin, inMalmo.id(), Role.SOCIAL_DIRECTOR,
                Scope.municipality("1281"), true))
                .isInstanceOfSatisfying(AccountRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.error.scope-outside"));
        assertThat(accounts.get(nationAdmin, inMalmo.id()).scope()).isEqualTo(Scope.municipality("1280"));
    }

    /** Competence links a mentor to an account by username: only an enabled account answers, as the actor it signs in as. */
    @Test
    void anEnabledAccountAnswersAsItsActorAndADisabledOrUnknownOneNot() {
        UserAccount mentor = accounts.create(nationAdmin, "mentor-check", "a-long-password", Role.SOCIAL_DIRECTOR,
                Scope.municipality("1280"));

        assertThat(accounts.enabledActor(" mentor-check ")).contains(new se.samsyn.shared.Actor("mentor-check",
                Role.SOCIAL_DIRECTOR, Scope.municipality("1280")));
        assertThat(accounts.enabledActor("no-such-account")).isEmpty();
        assertThat(accounts.enabledActor("")).isEmpty();
        accounts.change(nationAdmin, mentor.id(), Role.SOCIAL_DIRECTOR, Scope.municipality("1280"), false);
        assertThat(accounts.enabledActor("mentor-check")).isEmpty();
    }

    @Test
    void aTokenAuthenticatesUntilItIsRevoked() {
        accounts.create(nationAdmin, "integration-user", "a-long-password", Role.NATIONAL_ANALYST, Scope.nation());
        Actor owner = new Actor("integration-user", Role.NATIONAL_ANALYST, Scope.nation());
        CreatedToken created = tokens.create(owner, "system", 30);
        assertThat(jdbc.sql("SELECT token_hash FROM idn_api_token WHERE id = :id").param("id", created.token().id())
                .query(String.class).single()).isEqualTo(TokenRegister.hash(created.secret()));
        assertThat(tokens.authenticate(created.secret(), "127.0.0.1")).contains(owner);
        tokens.revoke(owner, created.token().id());
        assertThat(tokens.authenticate(created.secret(), "127.0.0.1")).isEmpty();
        assertThat(tokens.list(owner)).singleElement().satisfies(t -> assertThat(t.revokedAt()).isNotNull());
    }

    @Test
    void refusesATokenValidLongerThanAYear() {
        accounts.create(nationAdmin, "greedy-user", "a-long-password", Role.NATIONAL_ANALYST, Scope.nation());
        Actor owner = new Actor("greedy-user", Role.NATIONAL_ANALYST, Scope.nation());
        assertThatThrownBy(() -> tokens.create(owner, "forever", 366))
                .isInstanceOfSatisfying(AccountRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("token.error.validity"));
        assertThat(tokens.list(owner)).isEmpty();
    }
}
