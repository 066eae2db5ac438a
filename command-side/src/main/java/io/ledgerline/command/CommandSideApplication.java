package io.ledgerline.command;

import io.ledgerline.infrastructure.LocalSettings;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The command-side process. Its settings live in {@code command-side.yml}. */
@SpringBootApplication
public class CommandSideApplication {

    /** The name of this app's configuration file, so that the three apps can share one classpath. */
    public static final String CONFIG_NAME = "command-side";

    public static SpringApplicationBuilder builder() {
        LocalSettings.disableAxonUsageReporting();
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .main(CommandSideApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
