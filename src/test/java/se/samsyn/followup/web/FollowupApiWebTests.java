package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import se.samsyn.WebSliceTest;
import se.samsyn.SignedIn;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.followup.BaselineNeedsConfirmation;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.Client;
import se.samsyn.followup.ClientFile;
import se.samsyn.followup.ClientNotFound;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.EntryCorrections;
import se.samsyn.followup.Episode;
import se.samsyn.followup.FollowupImport;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.GoalStatus;
import se.samsyn.followup.HistoryEntry;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.Intervention;
import se.samsyn.followup.Measurement;
import se.samsyn.followup.Need;
import se.samsyn.followup.ScoringRule;
import se.samsyn.followup.ItemsUnanswered;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.TimePoint;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The follow-up API on its own: what its answers say (lower-case codes, problem details in the
 * caller's language) and how request bodies are validated, with the capabilities behind it mocked.
 */
@WebSliceTest(FollowupApi.class)
class FollowupApiWebTests {

    private static final Actor CASE_WORKER = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"));
    private static final Actor ANALYST = new Actor("analytiker", Role.NATIONAL_ANALYST, Scope.nation());


    @Autowired
    MockMvc mvc;

    @MockitoBean
    se.samsyn.followup.PublishedCounts published;
    @MockitoBean
    FollowupImport importer;
    @MockitoBean
    ClientRecords records;
    @MockitoBean
    OutcomeReports reports;
    @MockitoBean
    Catalogue catalogue;
    @MockitoBean
    EntryCorrections corrections;

    private static Authentication as(Actor actor) {
        return SignedIn.authenticationOf(actor);
    }

    @Test
    void aClientFileAnswersWithTheCodesRequestsUse() throws Exception {
        when(records.file(any(), eq(7L))).thenReturn(new ClientFile(
                new Client(7, "1880", "U-ORE-1", 1980, "K", Instant.parse("2025-01-02T08:00:00Z")),
                List.of(new Episode(1, "substance-use", LocalDate.of(2025, 1, 2), null)),
                List.of(new Need(2, LocalDate.of(2025, 1, 3), LifeArea.RELATIVE_SUPPORT, 3, "Träffa familjen",
                        GoalStatus.PARTLY_ACHIEVED)),
                List.of(new Intervention(3, "HF", "Housing First", LocalDate.of(2025, 1, 4), LocalDate.of(2025, 6, 30),
                        EndReason.INTERRUPTED_BY_CLIENT)),
                List.of(new Measurement(4, "who5", LocalDate.of(2025, 7, 1), TimePoint.FOLLOWUP_6M, 64.0))));

        mvc.perform(get("/api/v1/followup/clients/7").with(authentication(as(CASE_WORKER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.client.legalSex").value("K"))
                .andExpect(jsonPath("$.needs[0].lifeArea").value("relative-support"))
                .andExpect(jsonPath("$.needs[0].goalStatus").value("partly-achieved"))
                .andExpect(jsonPath("$.interventions[0].endReason").value("interrupted-by-client"))
                .andExpect(jsonPath("$.interventions[0].endDate").value("2025-06-30"))
                .andExpect(jsonPath("$.measurements[0].timePoint").value("followup-6m"))
                .andExpect(jsonPath("$.measurements[0].score").value(64.0));
    }

    /** Outside the owning unit the stored needs say when their counts were read (Last-Modified), or 503 in words when none is stored. */
    @Test
    void theStoredNeedsCarryTheirTimeAndNothingStoredIsA503() throws Exception {
        when(published.needsAsOf()).thenReturn(java.util.Optional.of(Instant.parse("2026-03-02T13:05:00Z")));
        when(reports.needs(any(), eq(Scope.nation()))).thenReturn(new se.samsyn.followup.NeedsReport(Scope.nation(), true,
                List.of(new se.samsyn.followup.NeedsReport.AreaRow(LifeArea.D1, java.util.Arrays.asList(6, null, 3, 0, 0))),
                java.util.Map.of("open", 12)));
        mvc.perform(get("/api/v1/followup/reports/needs").with(authentication(as(ANALYST))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Last-Modified", "Mon, 02 Mar 2026 13:05:00 GMT"))
                .andExpect(jsonPath("$.areas[0].clientsByLevel[0]").value(6))
                .andExpect(jsonPath("$.goals.open").value(12));
        when(reports.needs(any(), eq(Scope.nation()))).thenThrow(new se.samsyn.followup.PublishedCountsPending("needs"));
        mvc.perform(get("/api/v1/followup/reports/needs").param("lang", "en").with(authentication(as(ANALYST))))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("The figures outside your own unit have not been computed yet. "
                        + "They are computed in the background and will be here within a few minutes."));
    }

    /** Outside the owning unit the stored outcome report says when its clients were read (Last-Modified), or 503 in words when none is stored. */
    @Test
    void theStoredOutcomeReportCarriesItsTimeAndNothingStoredIsA503() throws Exception {
        when(reports.outcomesAsOf()).thenReturn(java.util.Optional.of(Instant.parse("2026-03-02T13:05:00Z")));
        when(reports.outcomes(any(), eq("who5"), eq(LocalDate.of(2025, 1, 1)), eq(LocalDate.of(2025, 12, 31)), any()))
                .thenReturn(new se.samsyn.followup.OutcomeReport("who5", "WHO-5", true, 10, LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31), Scope.nation(), true, 5, List.of(),
                        new se.samsyn.followup.OutcomeReport.Distribution(List.of(), List.of(), List.of()), true));
        mvc.perform(get("/api/v1/followup/reports/outcomes").param("year", "2025").with(authentication(as(ANALYST))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Last-Modified", "Mon, 02 Mar 2026 13:05:00 GMT"))
                .andExpect(jsonPath("$.asOfLastRefresh").value(true));
        when(reports.outcomes(any(), eq("who5"), eq(LocalDate.of(2025, 1, 1)), eq(LocalDate.of(2025, 12, 31)), any()))
                .thenThrow(new se.samsyn.followup.PublishedCountsPending("outcomes"));
        mvc.perform(get("/api/v1/followup/reports/outcomes").param("year", "2025").param("lang", "en")
                        .with(authentication(as(ANALYST))))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("The figures outside your own unit have not been computed yet. "
                        + "They are computed in the background and will be here within a few minutes."));
    }

    @Test
    void aClientOutsideTheUnitIsNotFoundInTheCallersLanguage() throws Exception {
        when(records.file(any(), anyLong())).thenThrow(ClientNotFound.inUnit());

        mvc.perform(get("/api/v1/followup/clients/9").with(authentication(as(CASE_WORKER))))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Sidan eller uppgiften finns inte."));
        mvc.perform(get("/api/v1/followup/clients/9").param("lang", "en").with(authentication(as(CASE_WORKER))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("The page or item does not exist."));
    }

    /**
     * ADR 0015, periods: year=2025 asks for 1 January to 31 December; a period the report refuses
     * (for a reader of suppressed counts, anything but a whole calendar year) is the usual 422
     * problem with the field and the reason in the caller's language.
     */
    @Test
    void anOutcomeReportIsAskedForByYearAndAnotherPeriodIsRefusedWith422() throws Exception {
        se.samsyn.followup.OutcomeReport report = new se.samsyn.followup.OutcomeReport("who5", "WHO-5", true, 10,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), Scope.municipality("1280"), true, 5, List.of(),
                new se.samsyn.followup.OutcomeReport.Distribution(List.of(), List.of(), List.of()), false);
        when(reports.outcomes(any(), eq("who5"), eq(LocalDate.of(2025, 1, 1)), eq(LocalDate.of(2025, 12, 31)),
                eq(Scope.municipality("1280")))).thenReturn(report);
        when(reports.outcomes(any(), eq("who5"), eq(LocalDate.of(2025, 1, 2)), eq(LocalDate.of(2025, 12, 31)), any()))
                .thenThrow(new FollowupRejected("from", "followup.error.period-year"));

        mvc.perform(get("/api/v1/followup/reports/outcomes").param("year", "2025").param("level", "MUNICIPALITY")
                        .param("code", "1280").with(authentication(as(ANALYST))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2025-01-01"))
                .andExpect(jsonPath("$.to").value("2025-12-31"));
        mvc.perform(get("/api/v1/followup/reports/outcomes").param("from", "2025-01-02").param("to", "2025-12-31")
                        .param("level", "MUNICIPALITY").param("code", "1280").with(authentication(as(ANALYST))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Uppgifterna kunde inte godtas"))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.field").value("from"))
                .andExpect(jsonPath("$.detail").value("Utanför den egna enheten visas rapporten bara för ett helt "
                        + "kalenderår, 1 januari till 31 december. Välj ett år. Två rapporter över perioder som skiljer "
                        + "sig lite åt skulle annars kunna dras från varandra och avslöja skyddade tal."));
        mvc.perform(get("/api/v1/followup/reports/outcomes").param("from", "2025-01-02").param("to", "2025-12-31")
                        .param("level", "MUNICIPALITY").param("code", "1280").param("lang", "en")
                        .with(authentication(as(ANALYST))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Outside the own unit the report is given for one whole "
                        + "calendar year only, 1 January to 31 December. Choose a year. Two reports over periods that "
                        + "differ a little could otherwise be subtracted from each other to reveal protected numbers."));
        mvc.perform(get("/api/v1/followup/reports/outcomes").param("year", "20251").with(authentication(as(ANALYST))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("year"))
                .andExpect(jsonPath("$.detail").value("Ange ett år med fyra siffror, till exempel 2025."));
    }

    @Test
    void unansweredItemsAreNamedInTheProblem() throws Exception {
        when(records.addMeasurement(any(), eq(7L), eq("who5"), any(), any(), isNull(), any(), anyBoolean()))
                .thenThrow(new ItemsUnanswered(List.of(2, 4)));

        mvc.perform(post("/api/v1/followup/clients/7/measurements").with(authentication(as(CASE_WORKER))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"instrumentCode\":\"who5\",\"measuredOn\":\"2025-03-01\",\"timePoint\":\"baseline\","
                                + "\"answers\":[3,null,4,null,2]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("items-unanswered"))
                .andExpect(jsonPath("$.field").value("answers"))
                .andExpect(jsonPath("$.items[0]").value(2))
                .andExpect(jsonPath("$.items[1]").value(4))
                .andExpect(jsonPath("$.detail")
                        .value("Obesvarade frågor: 2, 4. Välj ett svar för varje fråga; inget har sparats."));
    }

    @Test
    void aSecondBaselineAsksForConfirmation() throws Exception {
        when(records.addMeasurement(any(), eq(7L), eq("who5"), eq(LocalDate.of(2025, 3, 1)), eq(TimePoint.BASELINE),
                isNull(), any(), eq(false)))
                .thenThrow(new BaselineNeedsConfirmation(BaselineNeedsConfirmation.Reason.SECOND_BASELINE,
                        LocalDate.of(2025, 1, 10), LocalDate.of(2025, 3, 1)));

        mvc.perform(post("/api/v1/followup/clients/7/measurements").with(authentication(as(CASE_WORKER))).with(csrf())
                        .param("lang", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"instrumentCode\":\"who5\",\"measuredOn\":\"2025-03-01\",\"timePoint\":\"baseline\","
                                + "\"answers\":[3,3,3,3,3]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("baseline-needs-confirmation"))
                .andExpect(jsonPath("$.reason").value("second-baseline"))
                .andExpect(jsonPath("$.existingOn").value("2025-01-10"))
                .andExpect(jsonPath("$.detail").value("The client already has a baseline measurement with this "
                        + "instrument (2025-01-10). A new baseline on 2025-03-01 changes how change is counted. "
                        + "Nothing has been saved; send confirm=true to save anyway."));
    }

    @Test
    void anUnknownTimePointIsRejectedWithItsField() throws Exception {
        mvc.perform(post("/api/v1/followup/clients/7/measurements").with(authentication(as(CASE_WORKER))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"instrumentCode\":\"who5\",\"measuredOn\":\"2025-03-01\",\"timePoint\":\"BASELINE\","
                                + "\"score\":40}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("time_point"))
                .andExpect(jsonPath("$.errors[0].field").value("time_point"));
        verifyNoInteractions(records);
    }

    @Test
    void historyNamesItsSourceByCode() throws Exception {
        when(corrections.history(any(), eq(7L))).thenReturn(List.of(new HistoryEntry("intervention", 3, "endDate",
                "2025-06-30", "2025-05-31", "handlaggare", Instant.parse("2025-07-01T10:00:00Z"), ChangeSource.PAGE,
                null)));

        mvc.perform(get("/api/v1/followup/clients/7/history").with(authentication(as(CASE_WORKER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].source").value("page"))
                .andExpect(jsonPath("$[0].oldValue").value("2025-06-30"))
                .andExpect(jsonPath("$[0].newValue").value("2025-05-31"));
    }

    @Test
    void aNewInstrumentIsValidatedBeforeTheCatalogueSeesIt() throws Exception {
        mvc.perform(post("/api/v1/followup/instruments").with(authentication(as(ANALYST))).with(csrf())
                        .param("lang", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"not valid\",\"nameSv\":\"Skala\",\"scoring\":\"median\",\"multiplier\":1,"
                                + "\"scoreMin\":0,\"scoreMax\":10,\"higherIsBetter\":true,\"minimalImportantDifference\":1}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail")
                        .value("The code must be 1–40 characters: letters, digits, underscore or hyphen."))
                .andExpect(jsonPath("$.field").value("code"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'code')].message")
                        .value("The code must be 1–40 characters: letters, digits, underscore or hyphen."))
                .andExpect(jsonPath("$.errors[?(@.field == 'scoring')].message")
                        .value("The scoring rule must be sum or mean."));
        verifyNoInteractions(catalogue);
    }

    @Test
    void aNewInstrumentIsStoredAndAnsweredWithItsScoringCode() throws Exception {
        when(catalogue.addInstrument(any(), any())).thenAnswer(call -> call.getArgument(1));

        mvc.perform(post("/api/v1/followup/instruments").with(authentication(as(ANALYST))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"k10\",\"nameSv\":\"Kessler 10\",\"scoring\":\"SUM\",\"multiplier\":1,"
                                + "\"scoreMin\":10,\"scoreMax\":50,\"higherIsBetter\":false,"
                                + "\"minimalImportantDifference\":4,\"items\":[{\"number\":1,\"textSv\":\"Trött\","
                                + "\"min\":1,\"max\":5}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("k10"))
                .andExpect(jsonPath("$.scoring").value("sum"))
                .andExpect(jsonPath("$.items[0].max").value(5));
        ArgumentCaptor<Instrument> stored = ArgumentCaptor.forClass(Instrument.class);
        verify(catalogue).addInstrument(eq(ANALYST), stored.capture());
        assertThat(stored.getValue().scoring()).isEqualTo(ScoringRule.SUM);
        assertThat(stored.getValue().items()).hasSize(1);
        assertThat(stored.getValue().higherIsBetter()).isFalse();
    }

    @Test
    void aLookUpWithoutANumberIsRefusedBeforeTheRecordsAreAsked() throws Exception {
        mvc.perform(post("/api/v1/followup/clients/lookup").with(authentication(as(CASE_WORKER))).with(csrf())
                        .param("lang", "en").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("personnummer"))
                .andExpect(jsonPath("$.errors[0].message").value("Write the number as YYYYMMDD-NNNN or YYMMDD-NNNN: "
                        + "digits, with at most one hyphen or plus sign before the last four digits."));
        verifyNoInteractions(records);
    }

    @Test
    void eachEntryTypeIsRemovedWithTheReasonFromTheQueryOrTheBody() throws Exception {
        mvc.perform(delete("/api/v1/followup/clients/7/episodes/11").param("reason", "Fel klient")
                        .with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/followup/clients/7/interventions/12").with(authentication(as(CASE_WORKER))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Dubblett\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/followup/clients/7/needs/13").param("reason", "Fel datum")
                        .with(authentication(as(CASE_WORKER))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"ignorerad\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/followup/clients/7/measurements/14").with(authentication(as(CASE_WORKER))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Fel instrument\"}"))
                .andExpect(status().isNoContent());

        verify(corrections).removeEpisode(CASE_WORKER, 7, 11, "Fel klient", ChangeSource.API);
        verify(corrections).removeIntervention(CASE_WORKER, 7, 12, "Dubblett", ChangeSource.API);
        verify(corrections).removeNeed(CASE_WORKER, 7, 13, "Fel datum", ChangeSource.API);
        verify(corrections).removeMeasurement(CASE_WORKER, 7, 14, "Fel instrument", ChangeSource.API);
    }

    @Test
    void aRemovalWithoutAReasonIsRefusedInTheCallersLanguage() throws Exception {
        doThrow(new FollowupRejected("reason", "followup.error.removal-reason"))
                .when(corrections).removeMeasurement(CASE_WORKER, 7, 14, null, ChangeSource.API);

        mvc.perform(delete("/api/v1/followup/clients/7/measurements/14").with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("reason"))
                .andExpect(jsonPath("$.detail").value("Ange varför posten tas bort (högst 500 tecken)."));
        mvc.perform(delete("/api/v1/followup/clients/7/measurements/14").param("lang", "en")
                        .with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Say why the entry is removed (at most 500 characters)."));
    }

    @Test
    void aRemovalOfAnEntryOutsideTheUnitIsNotFound() throws Exception {
        doThrow(ClientNotFound.inUnit()).when(corrections).removeNeed(CASE_WORKER, 9, 13, "Fel", ChangeSource.API);

        mvc.perform(delete("/api/v1/followup/clients/9/needs/13").param("reason", "Fel")
                        .with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Sidan eller uppgiften finns inte."));
    }
}
