package io.ledgerline.projections;

import io.ledgerline.infrastructure.LocalSettings;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The projections process. Its settings live in {@code projections.yml}. */
@SpringBootApplication
public class ProjectionsApplication {

    /** The name of this app's configuration file, so that the three apps can share one classpath. */
    public static final String CONFIG_NAME = "projections";

    public static SpringApplicationBuilder builder() {
        LocalSettings.disableAxonUsageReporting();
        return new SpringApplicationBuilder(ProjectionsApplication.class)
                .main(ProjectionsApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
