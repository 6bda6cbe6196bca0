package se.samsyn;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.samsyn.shared.Actor;

/**
 * Signing in for MockMvc tests. In a web slice ({@link WebSliceTest}) a request is signed in as an
 * actor with {@link #as(Actor)}: the principal carries the actor as the identity module's principals
 * do ({@link Actor.Holder}), with no authorities, so the controller and the mocked module API see
 * {@code Actor.current()}. In a full application test {@link #session} logs in through the form:
 * sessions live in the database (Spring Session JDBC) and are found by their {@code SESSION}
 * cookie, so a test sends that cookie on later requests.
 */
public final class SignedIn {

    private SignedIn() {
    }

    /** A signed-in principal as the identity module makes it: one that carries an actor. */
    record Principal(Actor actor) implements Actor.Holder {
    }

    /** The authentication of a signed-in {@code actor}: its principal carries the actor, no authorities. */
    public static Authentication authenticationOf(Actor actor) {
        return new UsernamePasswordAuthenticationToken(new Principal(actor), null, List.of());
    }

    /** Signs a MockMvc request in as {@code actor}: {@code .with(SignedIn.as(actor))}. */
    public static RequestPostProcessor as(Actor actor) {
        return authentication(authenticationOf(actor));
    }

    /** Logs in through the login form and returns the session cookie; fails unless sent to "/". */
    public static Cookie session(MockMvc mvc, String username, String password) throws Exception {
        return session(mvc, username, password, "/");
    }

    /** Logs in and returns the session cookie; fails unless the login answer redirects to {@code landing}. */
    public static Cookie session(MockMvc mvc, String username, String password, String landing) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andExpect(redirectedUrl(landing)).andReturn();
        Cookie cookie = result.getResponse().getCookie("SESSION");
        if (cookie == null) {
            throw new AssertionError("The login answer set no SESSION cookie");
        }
        return cookie;
    }
}
