package io.ledgerline.launcher.deployment;

import io.ledgerline.command.CommandSideApplication;
import io.ledgerline.command.fulfilment.FulfilmentConfiguration;
import io.ledgerline.infrastructure.eventstore.TokenTables;
import io.ledgerline.projections.ProjectionsApplication;
import io.ledgerline.projections.runtime.ReadModel;
import io.ledgerline.query.QuerySideApplication;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestDatabases;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static io.ledgerline.launcher.deployment.Deployment.AXON_SERVER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code axonserver} profile without an Axon Server (there is no Docker here): the apps must
 * start with Axon Server's event store and command bus instead of the JDBC ones, while tokens and
 * sagas stay in PostgreSQL. The connector keeps retrying in the background, so readiness tells.
 * <p>
 * A streaming processor's very first start asks the event store for its tail to initialise its token
 * segments, which needs Axon Server; no Axon property avoids that. So the database is prepared as
 * a first start with Axon Server leaves it (schemas and segments), which is what every later start,
 * and so every restart during an Axon Server outage, finds.
 */
class AxonServerProfileWiringTest {

    private static final String AXON_SERVER_CONNECTOR = "org.axonframework.axonserver.connector.";

    private static TestDatabases.TestDatabase database;
    private static String unreachableAxonServer;

    @BeforeAll
    static void database() {
        database = TestDatabases.create();
        unreachableAxonServer = "localhost:" + closedPort();
        asAfterAFirstStart(new DriverManagerDataSource(database.url(), database.username(), database.password()));
    }

    @Test
    void commandSideStoresEventsInAndRoutesCommandsThroughAxonServer() {
        try (ConfigurableApplicationContext app = start(CommandSideApplication.builder(), AXON_SERVER_PROFILE)) {
            EventStore eventStore = app.getBean(Configuration.class).eventStore();
            assertThat(eventStore.getClass().getName()).startsWith(AXON_SERVER_CONNECTOR + "event.axon.");
            assertThat(app.getBeansOfType(EventStore.class).values()).containsExactly(eventStore);
            assertThat(app.getBeansOfType(JdbcEventStorageEngine.class)).isEmpty();
            assertThat(app.getBeansOfType(EventStorageEngine.class)).isEmpty();
            assertThat(app.getBean(CommandBus.class).getClass().getName()).startsWith(AXON_SERVER_CONNECTOR + "command.");
            assertThat(app.getBean("localSegment").getClass().getSimpleName())
                    .as("commands from Axon Server run on the bus that reports refusals as problems")
                    .isEqualTo("ProblemReportingCommandBus");

            assertThat(app.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
            assertThat(app.getBean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
            assertThat(app.getEnvironment().getProperty("axon.axonserver.servers")).isEqualTo(unreachableAxonServer);

            HttpJson http = HttpJson.onPort(port(app));
            assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(http.get("/actuator/health/readiness").status())
                    .as("not ready for commands while Axon Server is unreachable").isEqualTo(503);
        }
    }

    @Test
    void commandSideKeepsTheJdbcEventStoreWithoutTheProfile() {
        try (ConfigurableApplicationContext app = start(CommandSideApplication.builder())) {
            EventStore eventStore = app.getBean(Configuration.class).eventStore();
            assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
            assertThat(app.getBeansOfType(JdbcEventStorageEngine.class)).hasSize(1);
            assertThat(app.getBean(CommandBus.class).getClass().getName()).doesNotStartWith(AXON_SERVER_CONNECTOR);
            assertThat(app.getBean(CommandBus.class).getClass().getSimpleName()).isEqualTo("ProblemReportingCommandBus");
            assertThat(HttpJson.onPort(port(app)).get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }

    @Test
    void projectionsStreamFromAxonServerAndQuerySideStaysReadyWithoutIt() {
        List<ConfigurableApplicationContext> apps = new ArrayList<>();
        try {
            // The command side first: it creates the schema "events", whose tables the others expect.
            apps.add(start(CommandSideApplication.builder(), AXON_SERVER_PROFILE));
            ConfigurableApplicationContext projections = start(ProjectionsApplication.builder(), AXON_SERVER_PROFILE);
            apps.add(projections);
            ConfigurableApplicationContext query = start(QuerySideApplication.builder(), AXON_SERVER_PROFILE);
            apps.add(query);

            for (ConfigurableApplicationContext app : List.of(projections, query)) {
                assertThat(app.getBean(Configuration.class).eventStore().getClass().getName())
                        .startsWith(AXON_SERVER_CONNECTOR + "event.axon.");
                assertThat(app.getBeansOfType(JdbcEventStorageEngine.class)).isEmpty();
            }
            assertThat(projections.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
            // Not ready, and said so as DOWN (503), not as a failing health check (500).
            HttpJson.Response readiness = HttpJson.onPort(port(projections)).get("/actuator/health/readiness");
            assertThat(readiness.status()).as("not ready while the event stream's source is unreachable").isEqualTo(503);
            assertThat(readiness.field("status")).isEqualTo("DOWN");
            assertThat(HttpJson.onPort(port(query)).get("/actuator/health/readiness").status())
                    .as("the query side reads PostgreSQL only").isEqualTo(200);
            // The audit API reads Axon's event store here, not the event table, which stays empty.
            assertThat(query.getEnvironment().getProperty("ledgerline.audit.source")).isEqualTo("event-store");
            assertThat(query.containsBean("eventStoreAuditEvents")).isTrue();
            assertThat(query.containsBean("jdbcAuditEvents")).isFalse();
        } finally {
            for (int i = apps.size() - 1; i >= 0; i--) {
                apps.get(i).close();
            }
        }
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder app, String... profiles) {
        return app.profiles(profiles).run(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--axon.axonserver.servers=" + unreachableAxonServer,
                "--server.port=0",
                "--logging.include-application-name=false");
    }

    /** The command side's and the projections' schemas, and token segments for each of their processors. */
    private static void asAfterAFirstStart(DataSource dataSource) {
        migrate(dataSource, "events");
        migrate(dataSource, "read");
        initialiseSegments(dataSource, "events.token_entry", List.of(FulfilmentConfiguration.PROCESSING_GROUP));
        List<String> liveProjections = JdbcClient.create(dataSource)
                .sql("SELECT model, active FROM read.projection_generation")
                .query((row, i) -> new ReadModel(row.getString("model"), List.of(), sql -> sql)
                        .processorName(row.getInt("active")))
                .list();
        assertThat(liveProjections).isNotEmpty();
        initialiseSegments(dataSource, "read.token_entry", liveProjections);
    }

    private static void migrate(DataSource dataSource, String schema) {
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration/" + schema)
                .load().migrate();
    }

    private static void initialiseSegments(DataSource dataSource, String table, List<String> processors) {
        TokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(dataSource::getConnection)
                .schema(TokenTables.schema(table))
                .serializer(JacksonSerializer.defaultSerializer())
                .build();
        processors.forEach(processor -> tokens.initializeTokenSegments(processor, 4));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** A port nothing listens on: taken from the system, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
