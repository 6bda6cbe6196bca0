package se.samsyn.platform.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.WebSliceTest;
import se.samsyn.shared.Actor;
import se.samsyn.shared.NotFound;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The one problem advice on the web layer alone, through a small API of this test: the
 * {@code title} follows the caller's language like the {@code detail} (Swedish by default,
 * English when asked), for a domain problem, a failed validation and an unreadable body.
 */
@WebSliceTest(ProblemAnswersWebTests.Things.class)
@Import(ProblemAnswersWebTests.Things.class)
class ProblemAnswersWebTests {

    static final Actor ANALYST = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));

    /**
     * An API that refuses: a missing thing, and a body whose name must not be blank. Imported,
     * since component scanning leaves out classes nested in tests.
     */
    @RestController
    static class Things {

        record Thing(@NotBlank(message = "error.422") String name) {
        }

        @GetMapping("/api/v1/test-things/{id}")
        String thing(@PathVariable String id) {
            throw new NotFound("test thing " + id);
        }

        @PostMapping("/api/v1/test-things")
        String create(@Valid @RequestBody Thing thing) {
            return thing.name();
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aMissingThingHasASwedishTitleAndDetail() throws Exception {
        mvc.perform(get("/api/v1/test-things/7").with(as(ANALYST)))
                .andExpect(status().isNotFound())
                .andExpect(content().json("""
                        {"type":"about:blank","title":"Finns inte","status":404,"detail":"Sidan eller uppgiften finns inte."}""",
                        JsonCompareMode.LENIENT));
    }

    @Test
    void theTitleIsEnglishWhenEnglishIsAskedFor() throws Exception {
        mvc.perform(get("/api/v1/test-things/7").param("lang", "en").with(as(ANALYST)))
                .andExpect(status().isNotFound())
                .andExpect(content().json("""
                        {"type":"about:blank","title":"Not found","status":404,"detail":"The page or item does not exist."}""",
                        JsonCompareMode.LENIENT));
    }

    @Test
    void aFailedValidationAndAnUnreadableBodyHaveSwedishTitles() throws Exception {
        mvc.perform(post("/api/v1/test-things").with(as(ANALYST)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"type":"about:blank","title":"Uppgifterna kunde inte godtas","status":422,"field":"name",
                         "detail":"Uppgifterna kunde inte godtas."}""", JsonCompareMode.LENIENT));
        mvc.perform(post("/api/v1/test-things").with(as(ANALYST)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("""
                        {"type":"about:blank","title":"Felaktig begäran","status":400}""", JsonCompareMode.LENIENT));
    }
}
