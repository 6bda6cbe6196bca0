package se.samsyn.identity.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.identity.ApiTokens;

/** The token API on the web layer alone: a body without a name or with a validity under a day is refused field by field. */
@WebSliceTest(TokenApi.class)
@WithMockUser
class TokenApiWebTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApiTokens tokens;

    @Test
    void aTokenWithoutANameAndWithZeroDaysIsRefused() throws Exception {
        mvc.perform(post("/api/v1/tokens").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"   \",\"validDays\":0}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"status":422,"detail":"Ge nyckeln ett namn på högst 100 tecken.","field":"name",
                         "errors":[{"field":"name","message":"Ge nyckeln ett namn på högst 100 tecken."},
                                   {"field":"validDays","message":"Giltighetstiden ska vara 1–365 dagar."}]}""",
                        JsonCompareMode.LENIENT));
        verifyNoInteractions(tokens);
    }
}
