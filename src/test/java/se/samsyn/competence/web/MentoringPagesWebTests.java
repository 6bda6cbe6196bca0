package se.samsyn.competence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.competence.Introductions;
import se.samsyn.competence.StaffNotFound;
import se.samsyn.competence.StaffRole;
import se.samsyn.platform.WebSliceConfiguration;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The mentor's page on the web layer alone: the introductions the signed-in account mentors with
 * only the mentor's items, a tick posted for one of them, and another's item answered 404.
 */
@WebMvcTest(controllers = MentoringPages.class)
@Import(WebSliceConfiguration.class)
class MentoringPagesWebTests {

    static final Actor MENTOR = new Actor("mentor-kalle", Role.CASE_WORKER, Scope.unit("1280-IFO-BU"));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Introductions introductions;

    static Introductions.Mentorship eva() {
        Introductions.Item dementia = new Introductions.Item(22, 2, "Demens ABC", "Dementia ABC", 6, "Mentor",
                "webbutbildning-demens-abc");
        Introductions.Programme mentors = new Introductions.Programme(2, "assistant-nurse", null, StaffRole.ASSISTANT_NURSE,
                "Ny undersköterska", "New assistant nurse", List.of(dementia));
        return new Introductions.Mentorship("1280-IFO-BU", "Barn och unga", new Introductions.Progress(9, "A-400",
                "Eva Lind", mentors, "Kalle Mentor", LocalDate.of(2026, 4, 20), List.of(new Introductions.ItemProgress(
                dementia, LocalDate.of(2026, 6, 1), null, false)), 0, 0, "mentor-kalle", "import"));
    }

    @Test
    void theMentorSeesOnlyTheItemsTheyGuideAndTicksOneOff() throws Exception {
        when(introductions.mentoring(MENTOR)).thenReturn(List.of(eva()));

        Document page = Jsoup.parse(mvc.perform(get("/competence/mentoring")
                        .with(authentication(CompetencePagesWebTests.as(MENTOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Introduktioner där du är mentor");
        assertThat(page.selectFirst("#mentorship-9 h2").text()).isEqualTo("Eva Lind – Ny undersköterska");
        assertThat(page.selectFirst("#mentorship-9 .mentorship-unit").text()).isEqualTo("Enhet: Barn och unga");
        assertThat(page.select("#mentorship-9 li").eachText())
                .containsExactly("Vecka 6: Demens ABC (Mentor) i kunskapsguiden Markera som klar");
        assertThat(page.selectFirst("#mentor-item-22 form").attr("action")).isEqualTo("/competence/mentoring/9/items/22");

        mvc.perform(post("/competence/mentoring/9/items/22").param("doneOn", "2026-05-29")
                        .with(authentication(CompetencePagesWebTests.as(MENTOR))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/competence/mentoring"));
        verify(introductions).checkAsMentor(eq(MENTOR), eq(9L), eq(22L), eq(LocalDate.of(2026, 5, 29)));
    }

    /** A day that does not exist is refused with 422 and the error on the mentoring page; nothing is checked. */
    @Test
    void aDayThatDoesNotExistIsRefusedWith422() throws Exception {
        when(introductions.mentoring(MENTOR)).thenReturn(List.of());

        Document page = Jsoup.parse(mvc.perform(post("/competence/mentoring/9/items/22").param("doneOn", "2026-02-30")
                        .with(authentication(CompetencePagesWebTests.as(MENTOR))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#mentoring-error").text())
                .isEqualTo("Ogiltigt datum: den dagen finns inte i kalendern. Kontrollera månad och dag.");
        verify(introductions, org.mockito.Mockito.never()).checkAsMentor(any(), anyLong(), anyLong(), any());
    }

    @Test
    void anAccountThatMentorsNoOneIsToldSoInEnglishAndAnotherItemIsNotFound() throws Exception {
        when(introductions.mentoring(MENTOR)).thenReturn(List.of());
        when(introductions.checkAsMentor(MENTOR, 9, 21, LocalDate.of(2026, 5, 29))).thenThrow(new StaffNotFound());

        Document page = Jsoup.parse(mvc.perform(get("/competence/mentoring").param("lang", "en")
                        .with(authentication(CompetencePagesWebTests.as(MENTOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.selectFirst("#no-mentoring").text()).isEqualTo("You are not the mentor of any introduction.");

        Document refused = Jsoup.parse(mvc.perform(post("/competence/mentoring/9/items/21").param("doneOn", "2026-05-29")
                        .with(authentication(CompetencePagesWebTests.as(MENTOR))).with(csrf()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString());
        assertThat(refused.text()).doesNotContain("Eva Lind");
    }
}
