package io.ledgerline.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The query side only reads the read tables; it neither writes them nor sends commands. */
@AnalyzeClasses(packages = "io.ledgerline.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    @ArchTest
    static final ArchRule doesNotUseTheOtherProcesses = noClasses().that().resideInAPackage("io.ledgerline.query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ledgerline.command..", "io.ledgerline.projections..");

    /**
     * Time travel may inspect an aggregate's model to replay events through its handlers, but
     * nothing here may dispatch a command or load an aggregate for writing.
     */
    @ArchTest
    static final ArchRule sendsNoCommands = noClasses().that().resideInAPackage("io.ledgerline.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.modelling.command.Repository")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.modelling.command.AggregateLifecycle");
}
