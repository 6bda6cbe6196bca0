package se.samsyn.competence.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.samsyn.competence.Degree;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.Employee;
import se.samsyn.imports.PlainValues;

/**
 * The text notation of a person's lists, shared by the HR import, the form and the database:
 * items separated by {@code ;}; a degree as {@code code} or {@code code[component+component]}; a
 * training as {@code slug@YYYY-MM-DD}; tasks, titles and components by their codes. Formatting
 * sorts, so two equal lists always give the same text (which makes re-imports idempotent).
 */
final class StaffNotation {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");
    private static final Pattern DEGREE = Pattern.compile("([a-z-]+)(?:\\[([a-z+-]*)])?");

    private StaffNotation() {
    }

    /** The items of a list; empty for null or blank text. */
    static List<String> items(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : text.split(";")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** The codes of a list as values, or empty naming nothing when one is unknown. */
    static <E extends Enum<E>> Optional<Set<E>> codes(String text, Class<E> type, Function<String, Optional<E>> lookup) {
        Set<E> found = EnumSet.noneOf(type);
        for (String item : items(text)) {
            Optional<E> value = lookup.apply(item);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            found.add(value.get());
        }
        return Optional.of(found);
    }

    /** The degrees of a list, or empty when one is malformed or names an unknown degree or component. */
    static Optional<List<Employee.HeldDegree>> degrees(String text) {
        List<Employee.HeldDegree> degrees = new ArrayList<>();
        Set<Degree> seen = EnumSet.noneOf(Degree.class);
        for (String item : items(text)) {
            var m = DEGREE.matcher(item);
            if (!m.matches()) {
                return Optional.empty();
            }
            Optional<Degree> degree = Degree.fromCode(m.group(1));
            Optional<Set<DegreeComponent>> components = codes(m.group(2) == null ? "" : m.group(2).replace('+', ';'),
                    DegreeComponent.class, DegreeComponent::fromCode);
            if (degree.isEmpty() || components.isEmpty() || !seen.add(degree.get())) {
                return Optional.empty();
            }
            degrees.add(new Employee.HeldDegree(degree.get(), components.get()));
        }
        return Optional.of(degrees);
    }

    /** The trainings of a list, or empty when one is malformed or its date is not a day up to {@code today}. */
    static Optional<List<Employee.CompletedTraining>> trainings(String text, LocalDate today) {
        List<Employee.CompletedTraining> trainings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String item : items(text)) {
            String[] parts = item.split("@", -1);
            if (parts.length != 2 || !SLUG.matcher(parts[0]).matches() || !seen.add(parts[0])) {
                return Optional.empty();
            }
            PlainValues.DateValue date = PlainValues.date(parts[1], today);
            if (date.date() == null || date.date().isAfter(today)) {
                return Optional.empty();
            }
            trainings.add(new Employee.CompletedTraining(parts[0], date.date()));
        }
        return Optional.of(trainings);
    }


    static String degreesText(List<Employee.HeldDegree> degrees) {
        return degrees.stream().map(d -> d.degree().code() + (d.components().isEmpty() ? "" : "["
                        + d.components().stream().map(DegreeComponent::code).sorted().collect(Collectors.joining("+")) + "]"))
                .sorted().collect(Collectors.joining(";"));
    }

    static String trainingsText(List<Employee.CompletedTraining> trainings) {
        return trainings.stream().map(t -> t.slug() + "@" + t.completedOn()).sorted().collect(Collectors.joining(";"));
    }

    static String componentsText(Set<DegreeComponent> components) {
        return components.stream().map(DegreeComponent::code).sorted().collect(Collectors.joining(";"));
    }

    static String tasksText(Set<se.samsyn.competence.RegulatedTask> tasks) {
        return tasks.stream().map(se.samsyn.competence.RegulatedTask::code).sorted().collect(Collectors.joining(";"));
    }

    static String titlesText(Set<se.samsyn.competence.ProtectedTitle> titles) {
        return titles.stream().map(se.samsyn.competence.ProtectedTitle::code).sorted().collect(Collectors.joining(";"));
    }
}
