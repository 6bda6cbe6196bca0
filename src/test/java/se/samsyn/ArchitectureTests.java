package se.samsyn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The house rules of style.md that the compiler does not check. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.samsyn");

    @Test
    void repositoriesAreNotPublic() {
        classes().that().areAnnotatedWith(Repository.class).should().notBePublic().check(CLASSES);
    }

    @Test
    void controllersAreNotPublic() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notBePublic().check(CLASSES);
    }

    @Test
    void controllersAreNotTransactional() {
        noClasses().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().beAnnotatedWith(Transactional.class).check(CLASSES);
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
                .or().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should().beAnnotatedWith(Transactional.class).check(CLASSES);
    }

    @Test
    void noClassHasABannedName() {
        noClasses().should().haveSimpleNameEndingWith("Impl")
                .orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .check(CLASSES);
    }

    @Test
    void noGrabBagPackages() {
        noClasses().should().resideInAnyPackage("..util..", "..common..", "..core..", "..model..", "..service..", "..dto..")
                .check(CLASSES);
    }

    @Test
    void sqlIsWrittenWithJdbcClientRatherThanPlainJdbcTemplate() {
        // ShedLock's JDBC lock provider is configured with a JdbcTemplate; it writes no SQL of ours.
        noClasses().that().doNotHaveFullyQualifiedName("se.samsyn.cluster.internal.ClusterConfiguration").should().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate").check(CLASSES);
    }

    @Test
    void transactionalMethodsArePublic() {
        methods().that().areAnnotatedWith(Transactional.class).should().bePublic().check(CLASSES);
    }

    /** The module of a class in se.samsyn: the first package segment below it, or "" for the root. */
    static String moduleOf(JavaClass c) {
        String rest = c.getPackageName().startsWith("se.samsyn.") ? c.getPackageName().substring("se.samsyn.".length()) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static boolean inInternal(JavaClass c) {
        return ("." + c.getPackageName() + ".").contains(".internal.");
    }

    /**
     * Issue 18, "Module shape": a public type in a package named {@code internal} exists only because
     * another package of its own module uses it; no other module may use it (Spring Modulith's
     * verify() says the same for the modules' APIs; this also catches a public type nobody needs).
     */
    @Test
    void publicInternalTypesServeTheirOwnModuleOnly() throws IOException {
        String namedByLibraries = createdByName();
        classes().that(new DescribedPredicate<JavaClass>("are public top-level types in an internal package, "
                + "other than those a library creates from their class name") {
            @Override
            public boolean test(JavaClass c) {
                return inInternal(c) && c.getModifiers().contains(JavaModifier.PUBLIC) && c.isTopLevelClass()
                        && !namedByLibraries.contains(c.getName());
            }
        }).should(new ArchCondition<JavaClass>("be used from another package of their module and from no other module") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String module = moduleOf(c);
                boolean ownOtherPackage = false;
                for (var access : c.getDirectDependenciesToSelf()) {
                    JavaClass from = access.getOriginClass();
                    JavaClass origin = from.getEnclosingClass().orElse(from);
                    if (!moduleOf(origin).equals(module)) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " is used from another module by "
                                + origin.getName()));
                    } else if (!origin.getPackageName().equals(c.getPackageName())) {
                        ownOtherPackage = true;
                    }
                }
                if (!ownOtherPackage) {
                    events.add(SimpleConditionEvent.violated(c, c.getName()
                            + " is public but no other package of its module uses it; make it package-private"));
                }
            }
        }).allowEmptyShould(true).check(CLASSES);
    }

    /**
     * The class names that libraries read from the configuration and create by reflection, which
     * needs a public type: Spring Boot's {@code META-INF/spring.factories} and Hikari's
     * {@code exception-override-class-name} in {@code application.yml}, and Logback's conversion
     * rules in {@code logback-spring.xml}.
     */
    static String createdByName() throws IOException {
        return Files.readString(Path.of("src/main/resources/META-INF/spring.factories"))
                + Files.readString(Path.of("src/main/resources/application.yml"))
                + Files.readString(Path.of("src/main/resources/logback-spring.xml"));
    }

    /** Issue 18: no class over 500 source lines outside the tests; split along responsibilities (aim under 400). */
    @Test
    void noSourceFileIsOver500Lines() throws IOException {
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> content = Files.lines(file)) {
                    lines = content.count();
                }
                if (lines > 500) {
                    tooLong.put(file.toString().replace('\\', '/'), lines);
                }
            }
        }
        assertThat(tooLong).as("source files over 500 lines").isEmpty();
    }

    /** Issue 18: every module's package-info declares its allowed dependencies, so that verify() checks them. */
    @Test
    void everyModuleDeclaresItsAllowedDependencies() throws IOException {
        List<String> undeclared;
        try (Stream<Path> modules = Files.list(Path.of("src/main/java/se/samsyn"))) {
            undeclared = modules.filter(Files::isDirectory).filter(m -> {
                Path info = m.resolve("package-info.java");
                try {
                    String text = Files.exists(info) ? Files.readString(info) : "";
                    return !text.contains("allowedDependencies") && !text.contains("Type.OPEN");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(m -> m.getFileName().toString()).sorted().toList();
        }
        assertThat(undeclared).as("modules without allowedDependencies in their package-info").isEmpty();
    }
}
