package io.ledgerline.infrastructure;

/** JVM-wide settings every app applies before it starts. */
public final class LocalSettings {

    private LocalSettings() {
    }

    /**
     * Axon reports anonymous usage data to AxonIQ unless told not to. A transaction backend
     * should not phone home by default; an operator can still set the property to {@code false}.
     */
    public static void disableAxonUsageReporting() {
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null
                && System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
