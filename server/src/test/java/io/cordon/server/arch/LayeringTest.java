package io.cordon.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules (STYLE.md "Layout"; ARCHITECTURE.md "One door"): data flows channel →
 * service → port → adapter, and never around.
 */
class LayeringTest {
  private static JavaClasses cordon;

  @BeforeAll
  static void importClasses() {
    cordon =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cordon");
  }

  @Test
  void channels_neverReachStorageOrAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.cordon.server.web..", "io.cordon.server.cli..", "io.cordon.server.demo..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.cordon.storage..", "io.cordon.store..", "org.jdbi..", "java.sql..")
        .because("channels call application services only (the one door)")
        .check(cordon);
  }

  @Test
  void core_hasNoHttpJdbcOrAdapterDependencies() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.cordon.context..",
            "io.cordon.identity..",
            "io.cordon.content..",
            "io.cordon.crypto..",
            "io.cordon.audit..",
            "io.cordon.policy..",
            "io.cordon.storage..",
            "io.cordon.door..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javalin..",
            "org.eclipse.jetty..",
            "jakarta.servlet..",
            "org.jdbi..",
            "java.sql..",
            "javax.sql..",
            "io.cordon.store..",
            "io.cordon.server..",
            "picocli..")
        .because("core is domain, services and ports")
        .check(cordon);
  }

  @Test
  void adapters_neverCallServicesOrChannels() {
    noClasses()
        .that()
        .resideInAPackage("io.cordon.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.cordon.server..", "io.cordon.door..", "io.cordon.policy..")
        .because("an adapter never decides policy")
        .check(cordon);
  }
}
