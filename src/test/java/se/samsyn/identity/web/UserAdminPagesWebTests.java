package se.samsyn.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.AccountPage;
import se.samsyn.identity.AccountQuery;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.UserAccount;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Account administration pages on the web layer alone: the accounts in scope with role, scope and
 * state in words, and a refused account shown on the form in Swedish without its password.
 */
@WebSliceTest(UserAdminPages.class)
class UserAdminPagesWebTests {

    static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR, Scope.municipality("1880"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Accounts accounts;

    @org.junit.jupiter.api.BeforeEach
    void noAccountsUnlessATestSaysSo() {
        when(accounts.page(any(), any())).thenReturn(new AccountPage(List.of(), 0, 50, false));
    }

    @Test
    void theAccountsAreShownWithRoleScopeAndState() throws Exception {
        when(accounts.page(ADMIN, AccountQuery.firstPage())).thenReturn(new AccountPage(List.of(new UserAccount(4,
                "handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"), true, null,
                Instant.parse("2025-02-03T08:00:00Z"), "admin")), 0, 50, false));
        Document page = Jsoup.parse(mvc.perform(get("/admin/users").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Användare");
        assertThat(page.select("tr:has(a[href=/admin/users/4]) td").eachText().subList(0, 4))
                .containsExactly("handlaggare", "Handläggare", "Enhet U-ORE-1", "Aktivt");
    }

    @Test
    void aRefusedAccountIsShownOnTheFormWithoutItsPassword() throws Exception {
        when(accounts.create(eq(ADMIN), eq("ny"), eq("kort"), eq(Role.CASE_WORKER), any()))
                .thenThrow(new AccountRejected("password", "account.error.password"));
        String html = mvc.perform(post("/admin/users").param("username", "ny").param("password", "kort")
                        .param("role", "CASE_WORKER").param("scopeType", "UNIT").param("scopeCode", "U-ORE-1")
                        .with(as(ADMIN)).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("p.flash.error").text()).isEqualTo("Lösenordet ska vara minst 10 tecken.");
        assertThat(page.select("[aria-invalid=true]").eachAttr("name")).containsExactly("password");
        assertThat(page.selectFirst("#username").attr("value")).isEqualTo("ny");
        assertThat(page.select("input[name=password]").attr("value")).isEmpty();
    }

    @Test
    void theFormOffersRolesByCodeAndCreatesFromThem() throws Exception {
        Document form = Jsoup.parse(mvc.perform(get("/admin/users").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.select("#role option").eachAttr("value")).containsExactly("case-worker", "unit-manager",
                "municipal-analyst", "social-director", "regional-analyst", "national-analyst", "knowledge-editor",
                "administrator");
        assertThat(form.select("#scopeType")).as("the picker's code tells the kind of scope").isEmpty();

        when(accounts.create(ADMIN, "chef", "ett långt lösenord", Role.UNIT_MANAGER, Scope.unit("U-ORE-1")))
                .thenReturn(new UserAccount(6, "chef", Role.UNIT_MANAGER, Scope.unit("U-ORE-1"), true, null,
                        Instant.parse("2025-02-05T08:00:00Z"), "admin"));
        mvc.perform(post("/admin/users").param("username", "chef").param("password", "ett långt lösenord")
                        .param("role", "unit-manager").param("scopeType", "unit").param("scopeCode", "U-ORE-1")
                        .with(as(ADMIN)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("flashArg", "chef"));
    }

    @Test
    void theScopePickerSendsOnlyTheCodeAndItsFormTellsTheKind() throws Exception {
        when(accounts.create(ADMIN, "chef2", "ett långt lösenord", Role.SOCIAL_DIRECTOR, Scope.municipality("1880")))
                .thenReturn(new UserAccount(7, "chef2", Role.SOCIAL_DIRECTOR, Scope.municipality("1880"), true, null,
                        Instant.parse("2025-02-05T08:00:00Z"), "admin"));
        mvc.perform(post("/admin/users").param("username", "chef2").param("password", "ett långt lösenord")
                        .param("role", "social-director").param("scopeCode", "1880")
                        .with(as(ADMIN)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashArg", "chef2"));
    }

    @Test
    void aChangeToAnUnknownScopeIsRefusedWith422OnThePageKeepingTheOtherFields() throws Exception {
        UserAccount stored = new UserAccount(4, "handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"), true, null,
                Instant.parse("2025-02-03T08:00:00Z"), "admin");
        when(accounts.get(ADMIN, 4)).thenReturn(stored);
        org.mockito.Mockito.doThrow(new AccountRejected("scopeCode", "account.error.scope-unknown")).when(accounts)
                .change(ADMIN, 4, Role.UNIT_MANAGER, Scope.municipality("1899"), false);

        Document page = Jsoup.parse(mvc.perform(post("/admin/users/4").param("role", "unit-manager")
                        .param("scopeCode", "1899").with(as(ADMIN)).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("p.flash.error").text())
                .isEqualTo("Det finns ingen sådan region, kommun eller enhet. Välj omfånget i listan.");
        assertThat(page.select("#role option[selected]").eachAttr("value")).containsExactly("unit-manager");
        assertThat(page.selectFirst("input[name=enabled]").hasAttr("checked")).isFalse();
        assertThat(page.selectFirst("#scopeCode").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void theListIsSearchedAndPagedWithLinksThatKeepTheSearch() throws Exception {
        when(accounts.page(ADMIN, new AccountQuery("hand", Role.CASE_WORKER, 1, 50))).thenReturn(new AccountPage(
                List.of(new UserAccount(9, "handlaggare2", Role.CASE_WORKER, Scope.unit("U-ORE-1"), true, null,
                        Instant.parse("2025-02-03T08:00:00Z"), "admin")), 1, 50, true));
        Document page = Jsoup.parse(mvc.perform(get("/admin/users").param("q", "Hand").param("role", "case-worker")
                        .param("page", "1").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("tr:has(a[href=/admin/users/9]) td").eachText().get(0)).isEqualTo("handlaggare2");
        assertThat(page.selectFirst("#q").attr("value")).isEqualTo("hand");
        assertThat(page.select("#role-filter option[selected]").eachAttr("value")).containsExactly("case-worker");
        assertThat(page.selectFirst("nav.pager span").text()).isEqualTo("Sida 2");
        assertThat(page.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/admin/users?q=hand&role=case-worker&page=0");
        assertThat(page.selectFirst("a[rel=next]").attr("href")).isEqualTo("/admin/users?q=hand&role=case-worker&page=2");
    }

    @Test
    void anEmptySearchSaysSo() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/admin/users").param("q", "ingen").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#user-list ~ p[role=status]").text()).isEqualTo("Inga konton matchar sökningen.");
        assertThat(page.select("nav.pager a")).isEmpty();
    }
}
