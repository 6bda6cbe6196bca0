package se.samsyn.competence.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.competence.Degree;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.Employee;
import se.samsyn.competence.EmploymentForm;
import se.samsyn.competence.RegulatedTask;
import se.samsyn.competence.Requirement;
import se.samsyn.competence.RequirementKind;
import se.samsyn.competence.Requirements;
import se.samsyn.competence.StaffRegister;
import se.samsyn.competence.StaffRole;
import se.samsyn.platform.WebSliceConfiguration;

/**
 * The competence API on the web layer alone: answers speak lower-case codes, a legal requirement
 * says so, and a body missing its name is refused 422 per field before the register is asked.
 */
@WebMvcTest(controllers = CompetenceApi.class)
@Import(WebSliceConfiguration.class)
class CompetenceApiWebTests {

    static final String UNIT = "1280-IFO-BU";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Requirements requirements;
    @MockitoBean
    StaffRegister staff;
    @MockitoBean
    se.samsyn.competence.GapAnalysis gaps;
    @MockitoBean
    se.samsyn.competence.Introductions introductions;
    @MockitoBean
    se.samsyn.competence.Workforce workforce;

    @Test
    void theStaffRegisterAnswersInCodes() throws Exception {
        when(staff.staff(any(), any())).thenReturn(List.of(new Employee("A-100", "Anna Berg", StaffRole.SOCIAL_WORKER,
                EmploymentForm.AGENCY, LocalDate.of(2024, 8, 19), null, null,
                List.of(new Employee.HeldDegree(Degree.BEHAVIOURAL_SCIENCE, Set.of(DegreeComponent.SOCIAL_WORK))), null,
                null, Set.of(RegulatedTask.FOLLOW_UP), null)));

        mvc.perform(get("/api/v1/competence/units/" + UNIT + "/staff")
                        .with(authentication(CompetencePagesWebTests.as(CompetencePagesWebTests.MANAGER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].employeeNumber").value("A-100"))
                .andExpect(jsonPath("$[0].role").value("social-worker"))
                .andExpect(jsonPath("$[0].employment").value("agency"))
                .andExpect(jsonPath("$[0].startDate").value("2024-08-19"))
                .andExpect(jsonPath("$[0].degrees[0].degree").value("behavioural-science"))
                .andExpect(jsonPath("$[0].degrees[0].components[0]").value("social-work"))
                .andExpect(jsonPath("$[0].tasks[0]").value("follow-up"));
    }

    @Test
    void aRequirementSaysWhetherItIsLaw() throws Exception {
        when(requirements.catalogue(null)).thenReturn(List.of(new Requirement("sol-child-follow-up",
                RequirementKind.STATUTORY, null, "Följa upp", null, null, RegulatedTask.FOLLOW_UP, Set.of(Degree.SOCIONOM),
                Set.of(), null, null, null, null, "HSLF-FS 2017:79; 3 kap. 3 a § SoL", null)));

        mvc.perform(get("/api/v1/competence/requirements")
                        .with(authentication(CompetencePagesWebTests.as(CompetencePagesWebTests.MANAGER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("statutory"))
                .andExpect(jsonPath("$[0].legal").value(true))
                .andExpect(jsonPath("$[0].task").value("follow-up"))
                .andExpect(jsonPath("$[0].degrees[0]").value("socionom"))
                .andExpect(jsonPath("$[0].source").value("HSLF-FS 2017:79; 3 kap. 3 a § SoL"));
    }

    @Test
    void aPersonWithoutANameIsRefusedPerField() throws Exception {
        mvc.perform(put("/api/v1/competence/units/" + UNIT + "/staff/A-100")
                        .with(authentication(CompetencePagesWebTests.as(CompetencePagesWebTests.MANAGER))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"social-worker\",\"employment\":\"permanent\",\"startDate\":\"2025-01-01\"}"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Ange ett namn (högst 200 tecken)."));
        verifyNoInteractions(staff);
    }

    @Test
    void theHistoryAnswersEachChangeWithItsEarlierValueWhoWhenAndHowAndARefusalIs404() throws Exception {
        when(staff.history(CompetencePagesWebTests.MANAGER, UNIT, "A-101"))
                .thenReturn(CompetencePagesWebTests.BO_HISTORY.subList(0, 2));
        when(staff.history(CompetencePagesWebTests.CASE_WORKER, UNIT, "A-101"))
                .thenThrow(new se.samsyn.competence.StaffNotFound());

        mvc.perform(get("/api/v1/competence/units/" + UNIT + "/staff/A-101/history")
                        .with(authentication(CompetencePagesWebTests.as(CompetencePagesWebTests.MANAGER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].field").value("supplementary"))
                .andExpect(jsonPath("$[0].oldValue").value(""))
                .andExpect(jsonPath("$[0].newValue").value("administrative-law;social-law"))
                .andExpect(jsonPath("$[0].source").value("plan"))
                .andExpect(jsonPath("$[1].field").value("employment"))
                .andExpect(jsonPath("$[1].oldValue").value("temporary"))
                .andExpect(jsonPath("$[1].newValue").value("permanent"))
                .andExpect(jsonPath("$[1].changedBy").value("chef"))
                .andExpect(jsonPath("$[1].changedAt").value("2026-03-02T12:00:00Z"))
                .andExpect(jsonPath("$[1].source").value("import"));
        mvc.perform(get("/api/v1/competence/units/" + UNIT + "/staff/A-101/history")
                        .with(authentication(CompetencePagesWebTests.as(CompetencePagesWebTests.CASE_WORKER))))
                .andExpect(status().isNotFound());
    }
}
