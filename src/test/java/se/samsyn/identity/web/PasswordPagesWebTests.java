package se.samsyn.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.PasswordChangeFilter;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Changing one's own password on the web layer alone: the page says when a change is required, a
 * wrong current password is marked on its field in Swedish, and a change goes home with a flash.
 */
@WebSliceTest(PasswordPages.class)
class PasswordPagesWebTests {

    static final Actor USER = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Accounts accounts;

    @Test
    void thePageSaysWhenAChangeIsRequired() throws Exception {
        when(accounts.passwordChangeRequired("handlaggare")).thenReturn(true);
        Document page = Jsoup.parse(mvc.perform(get(PasswordChangeFilter.CHANGE_PAGE).with(as(USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Byt lösenord");
        assertThat(page.selectFirst("#password-required").text())
                .isEqualTo("Du behöver välja ett nytt lösenord innan du kan fortsätta.");
    }

    @Test
    void aWrongCurrentPasswordIsMarkedOnItsField() throws Exception {
        doThrow(new AccountRejected("currentPassword", "password.error.current")).when(accounts)
                .changeOwnPassword(USER, "fel", "ett nytt långt lösenord", "ett nytt långt lösenord");
        Document page = Jsoup.parse(mvc.perform(post(PasswordChangeFilter.CHANGE_PAGE).param("currentPassword", "fel")
                        .param("newPassword", "ett nytt långt lösenord").param("confirmation", "ett nytt långt lösenord")
                        .with(as(USER)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#password-error").text()).isEqualTo("Det nuvarande lösenordet stämmer inte.");
        assertThat(page.select("[aria-invalid=true]").eachAttr("id")).containsExactly("currentPassword");
        assertThat(page.selectFirst("#password-required")).isNull();
    }

    @Test
    void aChangedPasswordGoesHome() throws Exception {
        mvc.perform(post(PasswordChangeFilter.CHANGE_PAGE).param("currentPassword", "gammalt lösenord")
                        .param("newPassword", "ett nytt långt lösenord").param("confirmation", "ett nytt långt lösenord")
                        .with(as(USER)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("flash", "password.flash.changed"));
    }
}
