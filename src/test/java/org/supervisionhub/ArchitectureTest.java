package org.supervisionhub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.Workers;

/**
 * Rules of the code base's shape (docs/ARCHITECTURE.md, "Packages"), checked on the compiled main classes. Each test
 * is named for what it guards. {@code ../shared/tools/package-cycles.py} shows the package cycles too.
 */
class ArchitectureTest {

    private static final String ROOT = "org.supervisionhub";

    /** Infrastructure: every feature may use it, it uses no feature. */
    private static final String[] INFRASTRUCTURE = {
        ROOT + ".common..", ROOT + ".security..", ROOT + ".audit..", ROOT + ".sync.."
    };

    /** Every other top-level package of org.supervisionhub. */
    private static final String[] FEATURES = {
        ROOT + ".adapter..",
        ROOT + ".demo..",
        ROOT + ".disclosure..",
        ROOT + ".fileimport..",
        ROOT + ".item..",
        ROOT + ".jointtask..",
        ROOT + ".nationalcase..",
        ROOT + ".officer..",
        ROOT + ".organization..",
        ROOT + ".permit..",
        ROOT + ".portal..",
        ROOT + ".randominspection..",
        ROOT + ".record..",
        ROOT + ".risk..",
        ROOT + ".stats..",
        ROOT + ".subject.."
    };

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching(ROOT + ".(*)..")
                .should()
                .beFreeOfCycles()
                .as("the top-level packages of " + ROOT + " have no dependency cycles")
                .check(MAIN);
    }

    @Test
    void infrastructureDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(INFRASTRUCTURE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURES)
                .as("common, security, audit and sync depend on no feature package (features plug into sync through "
                        + "InboxHandler and DeliveryListener)")
                .check(MAIN);
    }

    @Test
    void resourcesNeitherQueryTheDatabaseNorHandleEntities() {
        DescribedPredicate<JavaClass> entities = DescribedPredicate.describe(
                "JPA/Panache entities", type -> type.isAnnotatedWith("jakarta.persistence.Entity"));
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.vertx.mutiny.sqlclient..",
                        "io.vertx.sqlclient..",
                        "io.vertx.mutiny.pgclient..",
                        "io.vertx.pgclient..")
                .orShould()
                .dependOnClassesThat(entities)
                .as("classes named *Resource use services and views, never a Pool, an SqlConnection or an entity")
                .check(MAIN);
    }

    @Test
    void threadsAreStartedOnlyByWorkers() {
        DescribedPredicate<JavaConstructorCall> newThread = DescribedPredicate.describe(
                "new Thread(...)", call -> call.getTargetOwner().isAssignableTo(Thread.class));
        noClasses()
                .that()
                .doNotBelongToAnyOf(Workers.class)
                .should()
                .callConstructorWhere(newThread)
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(Executors.class)
                .as("no new Thread or Executors outside common.Workers (periodic jobs use @Scheduled)")
                .check(MAIN);
    }

    @Test
    void configPropertyOnlyReadsQuarkusSettings() {
        classes()
                .should(
                        new ArchCondition<JavaClass>("use @ConfigProperty only for quarkus.* names (own settings "
                                + "belong in @ConfigMapping interfaces)") {
                            @Override
                            public void check(JavaClass type, ConditionEvents events) {
                                for (JavaField field : type.getFields()) {
                                    verify(
                                            type,
                                            field.tryGetAnnotationOfType(ConfigProperty.class),
                                            field.getFullName(),
                                            events);
                                }
                                for (JavaCodeUnit unit : type.getCodeUnits()) {
                                    for (JavaParameter parameter : unit.getParameters()) {
                                        verify(
                                                type,
                                                parameter.tryGetAnnotationOfType(ConfigProperty.class),
                                                unit.getFullName(),
                                                events);
                                    }
                                }
                            }

                            private void verify(
                                    JavaClass type,
                                    Optional<ConfigProperty> annotation,
                                    String where,
                                    ConditionEvents events) {
                                if (annotation.isEmpty()) {
                                    return;
                                }
                                String name = annotation.get().name();
                                boolean allowed = name.startsWith("quarkus.");
                                events.add(new SimpleConditionEvent(
                                        type, allowed, where + " reads " + name + " with @ConfigProperty"));
                            }
                        })
                .as("@ConfigProperty is used only with names starting quarkus.")
                .check(MAIN);
    }
}
