package se.samsyn.identity.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** Who-am-I on the web layer alone: the caller's username, role and scope as lower-case codes. */
@WebSliceTest(MeApi.class)
class MeApiWebTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theCallerIsAnsweredWithCodes() throws Exception {
        Actor analyst = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1880"));
        mvc.perform(get("/api/v1/me").with(as(analyst)))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"username":"analytiker","role":"municipal-analyst",
                         "scope":{"type":"municipality","code":"1880"}}""", JsonCompareMode.STRICT));
    }
}
