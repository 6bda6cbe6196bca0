package se.samsyn.identity.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.platform.WebSliceConfiguration;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** Who-am-I on the web layer alone: the caller's username, role and scope as lower-case codes. */
@WebMvcTest(controllers = MeApi.class)
@Import(WebSliceConfiguration.class)
class MeApiWebTests {

    /** A signed-in principal as the identity module makes it: one that carries an actor. */
    record Principal(Actor actor) implements Actor.Holder {
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theCallerIsAnsweredWithCodes() throws Exception {
        Actor analyst = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1880"));
        mvc.perform(get("/api/v1/me").with(authentication(
                        new UsernamePasswordAuthenticationToken(new Principal(analyst), null, List.of()))))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"username":"analytiker","role":"municipal-analyst",
                         "scope":{"type":"municipality","code":"1880"}}""", JsonCompareMode.STRICT));
    }
}
