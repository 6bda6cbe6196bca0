package se.samsyn.competence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.samsyn.competence.Assessment;
import se.samsyn.competence.Degree;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.Employee;
import se.samsyn.competence.EmploymentForm;
import se.samsyn.competence.ProtectedTitle;
import se.samsyn.competence.RegulatedTask;
import se.samsyn.competence.Requirement;
import se.samsyn.competence.RequirementKind;
import se.samsyn.competence.StaffRole;

/**
 * The requirement rule as tables: each combination of degree, components, training, experience
 * and title against each kind of requirement, the three statutory child-welfare tasks of
 * HSLF-FS 2017:79 included. Persons are written as
 * {@code degree[component+component]|supplementary components|training@date|prior years|title}.
 */
class RequirementRuleTests {

    static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    static final Set<DegreeComponent> FOUR = EnumSet.allOf(DegreeComponent.class);

    static Requirement statutory(String code, RegulatedTask task) {
        return new Requirement(code, RequirementKind.STATUTORY, null, "Barn " + code, null, null, task,
                Set.of(Degree.SOCIONOM), FOUR, null, null, null, null, "HSLF-FS 2017:79; 3 kap. 3 a § SoL", null);
    }

    static final Requirement OPEN = statutory("sol-child-open-investigation", RegulatedTask.OPEN_INVESTIGATION);
    static final Requirement INVESTIGATE = statutory("sol-child-investigate", RegulatedTask.INVESTIGATE);
    static final Requirement FOLLOW_UP = statutory("sol-child-follow-up", RegulatedTask.FOLLOW_UP);
    static final Requirement COMPONENTS_ONLY = new Requirement("components", RequirementKind.NATIONAL_GOAL, null,
            "Socialrätt", null, StaffRole.CASE_OFFICER, null, Set.of(),
            Set.of(DegreeComponent.SOCIAL_LAW, DegreeComponent.ADMINISTRATIVE_LAW), null, null, null, null, "x", null);
    static final Requirement DEGREE_ONLY = new Requirement("degree", RequirementKind.LOCAL, "1280", "Examen", null,
            StaffRole.SOCIAL_WORKER, null, Set.of(Degree.SOCIONOM, Degree.BEHAVIOURAL_SCIENCE), Set.of(), null, null,
            null, null, "x", null);
    static final Requirement TRAINING = new Requirement("training", RequirementKind.LOCAL, "1280", "EBP", null,
            StaffRole.SOCIAL_WORKER, null, Set.of(), Set.of(), "ebp", null, null, 6, "x", null);
    static final Requirement EXPERIENCE = new Requirement("experience", RequirementKind.NATIONAL_GOAL, null, "Erfarenhet",
            null, null, RegulatedTask.INVESTIGATE, Set.of(), Set.of(), null, new BigDecimal("2"), null, null, "x", null);
    static final Requirement TITLE = new Requirement("title", RequirementKind.STATUTORY, null, "Undersköterska", null,
            StaffRole.ASSISTANT_NURSE, null, Set.of(), Set.of(), null, null, ProtectedTitle.UNDERSKOTERSKA, null, "x", null);
    static final Requirement COMBINED = new Requirement("combined", RequirementKind.LOCAL, "1280", "Allt", null,
            StaffRole.SOCIAL_WORKER, null, Set.of(Degree.SOCIONOM), Set.of(), "ebp", new BigDecimal("1.5"), null, null,
            "x", null);

    static Requirement requirement(String code) {
        return switch (code) {
            case "open" -> OPEN;
            case "investigate" -> INVESTIGATE;
            case "follow-up" -> FOLLOW_UP;
            case "components" -> COMPONENTS_ONLY;
            case "degree" -> DEGREE_ONLY;
            case "training" -> TRAINING;
            case "experience" -> EXPERIENCE;
            case "title" -> TITLE;
            case "combined" -> COMBINED;
            default -> throw new IllegalArgumentException(code);
        };
    }

    /** A person from the compact notation of the class comment, started on {@code start}. */
    static Employee person(String notation, LocalDate start) {
        String[] p = (notation + "|||||").split("\\|", -1);
        List<Employee.HeldDegree> degrees = new ArrayList<>();
        for (String d : p[0].isBlank() ? new String[0] : p[0].split(";")) {
            String code = d.contains("[") ? d.substring(0, d.indexOf('[')) : d;
            Set<DegreeComponent> components = d.contains("[") ? components(d.substring(d.indexOf('[') + 1, d.length() - 1))
                    : Set.of();
            degrees.add(new Employee.HeldDegree(Degree.fromCode(code).orElseThrow(), components));
        }
        List<Employee.CompletedTraining> trainings = p[2].isBlank() ? List.of()
                : List.of(new Employee.CompletedTraining(p[2].split("@")[0], LocalDate.parse(p[2].split("@")[1])));
        return new Employee("A-1", "Test", StaffRole.SOCIAL_WORKER, EmploymentForm.PERMANENT, start, null,
                p[3].isBlank() ? BigDecimal.ZERO : new BigDecimal(p[3]), degrees, components(p[1]), trainings,
                EnumSet.allOf(RegulatedTask.class),
                p[4].isBlank() ? Set.of() : Set.of(ProtectedTitle.fromCode(p[4]).orElseThrow()));
    }

    static Set<DegreeComponent> components(String text) {
        return text.isBlank() ? Set.of() : Arrays.stream(text.split("\\+"))
                .map(c -> DegreeComponent.fromCode(c).orElseThrow()).collect(java.util.stream.Collectors.toSet());
    }

    static String shortfalls(Assessment a) {
        return a.shortfalls().stream().map(s -> s.kind().code() + (s.values().isEmpty() ? "" : ":" + String.join("+",
                s.values().stream().sorted().toList()))).reduce((x, y) -> x + " " + y).orElse("-");
    }

    @ParameterizedTest(name = "{0} against {1}: {2} {3}")
    @CsvSource(delimiter = ',', textBlock = """
            # person                                                           , requirement , status, shortfalls
            socionom                                                           , open        , met   , -
            socionom                                                           , investigate , met   , -
            socionom                                                           , follow-up   , met   , -
            behavioural-science[social-work+social-law+administrative-law+psychology], open , met   , -
            behavioural-science[social-work+psychology]                        , investigate , gap   , components:administrative-law+social-law
            behavioural-science[social-work+psychology]|social-law+administrative-law, follow-up, met, -
            law[social-law+administrative-law]|social-work                     , open        , gap   , components:psychology
            |social-work+social-law+administrative-law+psychology              , investigate , gap   , degree:socionom
            ''                                                                 , follow-up   , gap   , degree:socionom
            other                                                              , open        , gap   , components:administrative-law+psychology+social-law+social-work
            law[social-law]|administrative-law                                 , components  , met   , -
            |social-law+administrative-law                                     , components  , met   , -
            |social-law                                                        , components  , gap   , components:administrative-law
            behavioural-science                                                , degree      , met   , -
            psychology[psychology+social-work+social-law+administrative-law]   , degree      , gap   , degree:behavioural-science+socionom
            socionom||ebp@2026-05-01                                           , training    , met   , -
            socionom||ebp@2026-07-01                                           , training    , due   , training:ebp
            socionom|||2                                                       , experience  , met   , -
            socionom|||1.9                                                     , experience  , gap   , experience:1.9+2
            |||0|underskoterska                                                , title       , met   , -
            '|||0|'                                                            , title       , gap   , title:underskoterska
            socionom||ebp@2025-01-01|1.5                                       , combined    , met   , -
            behavioural-science||ebp@2025-01-01|1.5                            , combined    , gap   , degree:socionom
            socionom|||1                                                       , combined    , gap   , training:ebp experience:1.0+1.5
            """)
    void eachCombinationAgainstEachKindOfRequirement(String person, String requirement, String status, String shortfalls) {
        Assessment a = RequirementRule.assess(requirement(requirement), person(person, DAY), DAY);

        assertThat(a.status().code()).isEqualTo(status);
        assertThat(shortfalls(a)).isEqualTo(shortfalls);
    }

    @ParameterizedTest(name = "started {0}: {1}")
    @CsvSource(textBlock = """
            2026-01-15, due
            2025-12-01, due
            2025-11-30, gap
            """)
    void aTimeBoundRequirementIsDueUntilItsDeadlineThenAGap(LocalDate start, String status) {
        Assessment a = RequirementRule.assess(TRAINING, person("socionom", start), DAY);

        assertThat(a.status().code()).isEqualTo(status);
        assertThat(a.dueDate()).isEqualTo(start.plusMonths(6));
        assertThat(shortfalls(a)).isEqualTo("training:ebp");
    }

    @Test
    void experienceAddsTheTimeInThePostToEarlierYears() {
        Employee person = person("socionom|||0.5", LocalDate.of(2024, 6, 1));

        assertThat(RequirementRule.experience(person, DAY)).isEqualByComparingTo("2.4");
        assertThat(RequirementRule.assess(EXPERIENCE, person, DAY).status()).isEqualTo(Assessment.Status.MET);
        assertThat(RequirementRule.assess(EXPERIENCE, person, LocalDate.of(2025, 11, 1)).shortfalls().get(0).values())
                .containsExactly("1.9", "2");
    }

    @Test
    void aTaskBoundRequirementAppliesToThoseWhoPerformTheTaskARoleBoundOneToTheRole() {
        Employee social = person("socionom", DAY);
        Employee nurse = new Employee("B-2", "Sköterska", StaffRole.ASSISTANT_NURSE, EmploymentForm.AGENCY, DAY, null,
                null, null, null, null, Set.of(), Set.of());

        assertThat(RequirementRule.appliesTo(OPEN, social)).isTrue();
        assertThat(RequirementRule.appliesTo(OPEN, nurse)).isFalse();
        assertThat(RequirementRule.appliesTo(TITLE, nurse)).isTrue();
        assertThat(RequirementRule.appliesTo(TITLE, social)).isFalse();
        assertThat(RequirementRule.appliesTo(DEGREE_ONLY, social)).isTrue();
    }
}
