package se.samsyn.competence.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.competence.Introductions;
import se.samsyn.competence.StaffNotFound;
import se.samsyn.competence.Workforce;
import se.samsyn.platform.WebSliceConfiguration;

/**
 * The introductions API on the web layer alone: the mentor's own view in codes, another's item
 * answered 404, and a mentor without a name refused per field before the service is called.
 */
@WebMvcTest(controllers = IntroductionsApi.class)
@Import(WebSliceConfiguration.class)
class IntroductionsApiWebTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Introductions introductions;
    @MockitoBean
    Workforce workforce;

    @Test
    void theMentorSeesTheirIntroductionsWithOnlyTheirItemsAndAnotherItemIsNotFound() throws Exception {
        when(introductions.mentoring(MentoringPagesWebTests.MENTOR)).thenReturn(List.of(MentoringPagesWebTests.eva()));
        when(introductions.checkAsMentor(MentoringPagesWebTests.MENTOR, 9, 21, LocalDate.of(2026, 5, 29)))
                .thenThrow(new StaffNotFound());

        mvc.perform(get("/api/v1/competence/mentoring")
                        .with(authentication(CompetencePagesWebTests.as(MentoringPagesWebTests.MENTOR))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].unitCode").value("1280-IFO-BU"))
                .andExpect(jsonPath("$[0].progress.name").value("Eva Lind"))
                .andExpect(jsonPath("$[0].progress.mentorAccount").value("mentor-kalle"))
                .andExpect(jsonPath("$[0].progress.startedHow").value("import"))
                .andExpect(jsonPath("$[0].progress.programme.role").value("assistant-nurse"))
                .andExpect(jsonPath("$[0].progress.items.length()").value(1))
                .andExpect(jsonPath("$[0].progress.items[0].item.guidedBy").value("Mentor"));
        mvc.perform(post("/api/v1/competence/mentoring/9/items/21/check")
                        .with(authentication(CompetencePagesWebTests.as(MentoringPagesWebTests.MENTOR))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"doneOn\":\"2026-05-29\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMentorWithoutANameIsRefusedPerField() throws Exception {
        mvc.perform(put("/api/v1/competence/units/1280-IFO-BU/introductions/9/mentor")
                        .with(authentication(CompetencePagesWebTests.as(CompetencePagesWebTests.MANAGER))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mentorAccount\":\"mentor-kalle\"}"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].field").value("mentor"))
                .andExpect(jsonPath("$.errors[0].message").value("Ange en mentor (högst 200 tecken)."));
        verifyNoInteractions(introductions);
    }
}
