package io.ledgerline.contract;

import io.ledgerline.launcher.LocalSystem;
import io.ledgerline.testsupport.TestDatabases;

import java.util.Map;

/**
 * The three real apps on a PostgreSQL database of their own, started once per test JVM and shared
 * by the contract tests, exactly as the launcher starts them for the README's local run.
 */
final class ContractSystem {

    private static ContractSystem instance;

    final String commandUrl;
    final String projectionsUrl;
    final String queryUrl;

    private ContractSystem(LocalSystem system) {
        this.commandUrl = "http://localhost:" + system.commandPort();
        this.projectionsUrl = "http://localhost:" + system.projectionsPort();
        this.queryUrl = "http://localhost:" + system.queryPort();
    }

    static synchronized ContractSystem get() {
        if (instance == null) {
            TestDatabases.TestDatabase db = TestDatabases.create();
            LocalSystem system = LocalSystem.start(Map.of("spring.datasource.url", db.url(),
                    "spring.datasource.username", db.username(),
                    "spring.datasource.password", db.password()), 0, 0, 0);
            TestDatabases.closeBeforeServer(system);
            instance = new ContractSystem(system);
        }
        return instance;
    }

    /** The base URL of an app by the name its published document carries. */
    String url(String app) {
        return switch (app) {
            case "command-side" -> commandUrl;
            case "projections" -> projectionsUrl;
            case "query-side" -> queryUrl;
            default -> throw new IllegalArgumentException(app);
        };
    }
}
