package se.samsyn;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Form login for MockMvc tests. Sessions live in the database (Spring Session JDBC) and are found
 * by their {@code SESSION} cookie, so a test sends that cookie on later requests.
 */
public final class SignedIn {

    private SignedIn() {
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
