package io.ledgerline.query.console;

import io.ledgerline.infrastructure.security.SecuritySettings;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the console's script needs to know before anyone logs in: where the ops API is and how
 * tokens are obtained. Nothing in it is secret, so it is open like the console's files.
 */
@Hidden // part of the console, not of the query API
@RestController
@ConditionalOnProperty(name = "ledgerline.console.enabled", havingValue = "true", matchIfMissing = true)
public class ConsoleController {

    private final ConsoleSettings console;
    private final SecuritySettings security;

    public ConsoleController(ConsoleSettings console, SecuritySettings security) {
        this.console = console;
        this.security = security;
    }

    /** The console's view of the deployment; the query API is this app itself. */
    public record ConsoleConfig(String securityMode, String tokenUrl, String opsUrl) {
    }

    @GetMapping(path = ConsoleConfiguration.PATH + "config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ConsoleConfig config() {
        return new ConsoleConfig(security.mode(), security.isLocal() ? "/auth/token" : null, console.opsOrigin());
    }
}
