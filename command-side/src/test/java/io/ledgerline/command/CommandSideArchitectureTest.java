package io.ledgerline.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The command side decides and writes; it never reads the read side. */
@AnalyzeClasses(packages = "io.ledgerline.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    @ArchTest
    static final ArchRule doesNotUseTheReadSide = noClasses().that().resideInAPackage("io.ledgerline.command..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ledgerline.projections..", "io.ledgerline.query..");

    @ArchTest
    static final ArchRule controllersOnlySendCommands = noClasses().that().resideInAPackage("io.ledgerline.command..")
            .and().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..", "java.sql..");
}
