package io.ledgerline.mcp;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The MCP server reaches the system only through the REST APIs (ADR 0013): it uses no other app's
 * code, no domain model, no Axon, and no database, so it cannot do anything its caller's token could
 * not do over REST.
 */
@AnalyzeClasses(packages = "io.ledgerline.mcp", importOptions = ImportOption.DoNotIncludeTests.class)
class McpServerArchitectureTest {

    @ArchTest
    static final ArchRule onlyTalksToTheRestApis = noClasses().that().resideInAPackage("io.ledgerline.mcp..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ledgerline.command..", "io.ledgerline.query..",
                    "io.ledgerline.projections..", "io.ledgerline.domain..", "org.axonframework..",
                    "org.springframework.jdbc..", "java.sql..", "javax.sql..");
}
