package io.ledgerline.postgres;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server refuses a port something else listens on, instead of letting the apps
 * connect to whatever that is (another PostgreSQL, with another database, say).
 */
class EmbeddedPortTest {

    @Test
    void aPortInUseIsRefusedWithTheWayOutAndAFreeOneIsNotTakenForInUse() throws IOException {
        int freed;
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int taken = other.getLocalPort();

            assertThatThrownBy(() -> LocalPostgres.forLocalRun().port(taken).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + taken + " is in use")
                    .hasMessageContaining("LEDGERLINE_EMBEDDED_POSTGRES_PORT");
            freed = taken;
        }
        assertThat(EmbeddedPostgresServer.listening(freed)).isFalse();
    }
}
