package io.ledgerline.query;

import io.ledgerline.infrastructure.LocalSettings;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The query-side process. Its settings live in {@code query-side.yml}. */
@SpringBootApplication
public class QuerySideApplication {

    /** The name of this app's configuration file, so that the three apps can share one classpath. */
    public static final String CONFIG_NAME = "query-side";

    public static SpringApplicationBuilder builder() {
        LocalSettings.disableAxonUsageReporting();
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .main(QuerySideApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
