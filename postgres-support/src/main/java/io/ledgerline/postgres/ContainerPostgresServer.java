package io.ledgerline.postgres;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PostgreSQL in a Docker container started through Testcontainers, with the image docker-compose uses. */
final class ContainerPostgresServer implements PostgresServer {

    private final PostgreSQLContainer container;

    private ContainerPostgresServer(PostgreSQLContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static ContainerPostgresServer start(String image, Map<String, String> serverConfig) {
        PostgreSQLContainer container = new PostgreSQLContainer(image);
        List<String> command = new ArrayList<>(List.of("postgres"));
        serverConfig.forEach((key, value) -> command.addAll(List.of("-c", key + "=" + value)));
        container.setCommand(command.toArray(String[]::new));
        container.start();
        return new ContainerPostgresServer(container);
    }

    @Override
    public String kind() {
        return "testcontainers";
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public void close() {
        container.stop();
    }
}
