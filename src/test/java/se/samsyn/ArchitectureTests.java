package se.samsyn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
        noClasses().that().doNotHaveFullyQualifiedName("se.samsyn.cluster.ClusterConfiguration").should().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate").check(CLASSES);
    }

    @Test
    void transactionalMethodsArePublic() {
        methods().that().areAnnotatedWith(Transactional.class).should().bePublic().check(CLASSES);
    }
}
