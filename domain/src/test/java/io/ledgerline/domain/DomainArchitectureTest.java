package io.ledgerline.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.ledgerline.domain.payment.Payment;
import org.junit.jupiter.api.Test;
import org.springframework.util.Assert;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The write model stays free of web, persistence and serialization frameworks (Axon annotations only). */
class DomainArchitectureTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("io.ledgerline.domain");

    private static final ArchRule NO_FRAMEWORKS_IN_DOMAIN = noClasses()
            .that().resideInAPackage("io.ledgerline.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..",
                    "com.fasterxml.jackson..", "jakarta.persistence..");

    @Test
    void domainDoesNotDependOnFrameworks() {
        NO_FRAMEWORKS_IN_DOMAIN.check(DOMAIN);
    }

    @Test
    void ruleIsCheckedAgainstProductionClassesOnly() {
        assertThat(DOMAIN.contain(Payment.class)).isTrue();
        assertThat(DOMAIN.contain(DomainArchitectureTest.class)).isFalse();
    }

    @Test
    void ruleReportsADomainClassUsingSpring() {
        JavaClasses offender = new ClassFileImporter().importClasses(SpringUsingDomainClass.class);

        assertThat(NO_FRAMEWORKS_IN_DOMAIN.evaluate(offender).hasViolation()).isTrue();
    }

    /** A stand-in for a domain class that would break the rule. */
    static class SpringUsingDomainClass {
        void check(Object value) {
            Assert.notNull(value, "value");
        }
    }
}
