package se.samsyn.identity.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
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
 * Account administration over the API on the web layer alone: the exact answer for a listed
 * account (who created it stays inside) and a refused account in Swedish with its field. The
 * administrator check is in {@link Accounts} and in the security rules, tested elsewhere.
 */
@WebSliceTest(UserApi.class)
class UserApiWebTests {

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
    void theAccountsInScopeAreListedWithoutWhoCreatedThem() throws Exception {
        when(accounts.page(ADMIN, AccountQuery.firstPage())).thenReturn(new AccountPage(List.of(new UserAccount(4,
                "handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"), true, null,
                Instant.parse("2025-02-03T08:00:00Z"), "admin")), 0, 50, false));
        mvc.perform(get("/api/v1/admin/users").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"id":4,"username":"handlaggare","role":"case-worker","scopeType":"unit",
                          "scopeCode":"U-ORE-1","enabled":true,"lockedUntil":null,
                          "createdAt":"2025-02-03T08:00:00Z"}]""", JsonCompareMode.STRICT));
    }

    @Test
    void aTakenUsernameIsRefusedInSwedishWithItsField() throws Exception {
        when(accounts.create(eq(ADMIN), eq("handlaggare"), eq("ett långt lösenord"), eq(Role.CASE_WORKER),
                eq(Scope.unit("U-ORE-1")))).thenThrow(new AccountRejected("username", "account.error.username-taken"));
        mvc.perform(post("/api/v1/admin/users").with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"username":"handlaggare","password":"ett långt lösenord","role":"CASE_WORKER",
                                 "scopeType":"UNIT","scopeCode":"U-ORE-1"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"status":422,"detail":"Användarnamnet är upptaget.","field":"username",
                         "errors":[{"field":"username","message":"Användarnamnet är upptaget."}]}""",
                        JsonCompareMode.LENIENT));
    }

    @Test
    void anAccountIsCreatedFromCodesAndAnsweredWithTheSameCodes() throws Exception {
        when(accounts.create(eq(ADMIN), eq("analytiker"), eq("ett långt lösenord"), eq(Role.MUNICIPAL_ANALYST),
                eq(Scope.municipality("1880")))).thenReturn(new UserAccount(5, "analytiker", Role.MUNICIPAL_ANALYST,
                Scope.municipality("1880"), true, null, Instant.parse("2025-02-04T08:00:00Z"), "admin"));
        mvc.perform(post("/api/v1/admin/users").with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"username":"analytiker","password":"ett långt lösenord","role":"municipal-analyst",
                                 "scopeType":"municipality","scopeCode":"1880"}"""))
                .andExpect(status().isCreated())
                .andExpect(content().json("""
                        {"id":5,"username":"analytiker","role":"municipal-analyst","scopeType":"municipality",
                         "scopeCode":"1880","enabled":true,"lockedUntil":null,"createdAt":"2025-02-04T08:00:00Z"}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void anUnknownRoleNeverReachesTheAccounts() throws Exception {
        mvc.perform(post("/api/v1/admin/users").with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"username":"ny","password":"ett långt lösenord","role":"KING",
                                 "scopeType":"UNIT","scopeCode":"U-ORE-1"}"""))
                .andExpect(status().isBadRequest());
        org.mockito.Mockito.verify(accounts, org.mockito.Mockito.never()).create(any(), any(), any(), any(), any());
    }

    @Test
    void theListIsPagedWithALinkToTheNextPage() throws Exception {
        when(accounts.page(ADMIN, new AccountQuery("hand", null, 0, 1))).thenReturn(new AccountPage(List.of(
                new UserAccount(4, "handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"), true, null,
                        Instant.parse("2025-02-03T08:00:00Z"), "admin")), 0, 1, true));
        mvc.perform(get("/api/v1/admin/users").param("q", "hand").param("size", "1").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Link",
                        "<http://localhost/api/v1/admin/users?q=hand&page=1&size=1>; rel=\"next\""))
                .andExpect(content().json("""
                        [{"id":4,"username":"handlaggare"}]""", JsonCompareMode.LENIENT));
    }
}
