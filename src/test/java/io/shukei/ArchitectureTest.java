package io.shukei;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import io.shukei.db.Jdbc;

/**
 * The package map of docs/architecture.md, checked on the compiled service: a package that is not on the map, or
 * a dependency the map does not allow, fails the build.
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shukei");

    /** Small packages every feature may use, each about one concern; none of them knows a feature. */
    private static final String[] SHARED = {"io.shukei.config..", "io.shukei.db..", "io.shukei.language..",
            "io.shukei.problem..", "io.shukei.http..", "io.shukei.export..", "io.shukei.json..", "io.shukei.people.."};

    /** Every other package of io.shukei and the packages it may use ("shared": the packages above). */
    private static final Map<String, List<String>> MAP = new LinkedHashMap<>();

    static {
        MAP.put("tally", List.of());
        MAP.put("catalog", List.of("shared", "tally"));
        MAP.put("security", List.of("shared"));
        MAP.put("unit", List.of("shared", "security"));
        MAP.put("round", List.of("shared", "tally", "catalog", "security", "unit"));
        MAP.put("submission", List.of("shared", "tally", "catalog", "security", "unit", "round"));
        MAP.put("plan", List.of("shared", "security", "unit", "round"));
        MAP.put("report", List.of("shared", "tally", "catalog", "security", "unit", "round", "plan"));
        MAP.put("trend", List.of("shared", "tally", "catalog", "unit", "round"));
        MAP.put("webhook", List.of("shared", "security", "unit", "round", "submission"));
        MAP.put("action", List.of("shared", "tally", "catalog", "security", "unit", "round", "report"));
        MAP.put("idempotency", List.of("shared", "security"));
        MAP.put("contract", List.of("security"));
        MAP.put("invitation", List.of("shared", "security", "round"));
        MAP.put("pages", List.of("shared", "tally", "catalog", "security", "unit", "round", "submission", "report", "trend",
                "invitation"));
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.shukei.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void packagesDependOnlyAsTheMapAllows() {
        LayeredArchitecture rules = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("shared").definedBy(SHARED);
        for (String name : MAP.keySet()) {
            rules = rules.layer(name).definedBy("io.shukei." + name + "..");
        }
        rules = rules.whereLayer("shared").mayNotAccessAnyLayer();
        for (Map.Entry<String, List<String>> allowed : MAP.entrySet()) {
            rules = allowed.getValue().isEmpty() ? rules.whereLayer(allowed.getKey()).mayNotAccessAnyLayer()
                    : rules.whereLayer(allowed.getKey()).mayOnlyAccessLayers(allowed.getValue().toArray(String[]::new));
        }
        rules.check(SERVICE);
    }

    @Test
    void theTallyDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("io.shukei.tally..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.shukei.tally..", "java..")
                .check(SERVICE);
    }

    @Test
    void resourcesNeverTouchRepositoriesOrEntities() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(SERVICE);
    }

    /** docs/data-access.md: the session, the pool and SQL are reached in repositories (and io.shukei.db) alone. */
    @Test
    void onlyRepositoriesReachTheDatabase() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository").and().resideOutsideOfPackage("io.shukei.db..")
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .orShould().dependOnClassesThat().areAssignableTo(Connection.class)
                .orShould().dependOnClassesThat().areAssignableTo(Statement.class)
                .orShould().dependOnClassesThat().areAssignableTo(ResultSet.class)
                .orShould().dependOnClassesThat().areAssignableTo(Jdbc.class)
                .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("getEntityManager")))
                .check(SERVICE);
    }

    /** Services hold the transactions; the idempotency filter alone begins one itself (a keyed POST's). */
    @Test
    void transactionsAreDemarcatedByServices() {
        noClasses().that().haveSimpleNameEndingWith("Resource").or().haveSimpleNameEndingWith("Repository")
                .should().beAnnotatedWith(Transactional.class).check(SERVICE);
        noMethods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Resource")
                .or().areDeclaredInClassesThat().haveSimpleNameEndingWith("Repository")
                .should().beAnnotatedWith(Transactional.class).check(SERVICE);
        noClasses().that().resideOutsideOfPackage("io.shukei.idempotency..")
                .should().dependOnClassesThat().areAssignableTo(TransactionManager.class)
                .orShould().dependOnClassesThat().areAssignableTo(UserTransaction.class)
                .check(SERVICE);
    }
}
