package io.ledgerline.projections.runtime;

import io.ledgerline.infrastructure.eventstore.TokenStoreConfiguration;
import io.ledgerline.infrastructure.eventstore.TokenTables;
import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.DatabaseNotifications;
import io.ledgerline.infrastructure.notification.NotificationSender;
import io.ledgerline.infrastructure.notification.Signal;
import io.ledgerline.projections.support.ReadModelDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What may commit without waiting for the disk does so for its own transaction only: a projection
 * batch (through the projections' token store) and a round of notifications. Everything else on
 * the same session keeps the session's setting. All on one connection of a real PostgreSQL whose
 * session commits synchronously, as the apps' servers do.
 */
class AsynchronousCommitTest {

    private static final String SETTING = "SELECT current_setting('synchronous_commit')";

    private ReadModelDatabase database;
    private Connection connection;
    private SingleConnectionDataSource session;
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void session() throws SQLException {
        database = ReadModelDatabase.migrated();
        connection = database.dataSource().getConnection();
        session = new SingleConnectionDataSource(connection, true);
        jdbc = new JdbcTemplate(session);
        jdbc.execute("SET synchronous_commit = on");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(session));
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        database.close();
    }

    @Test
    void aProjectionBatchThatStoresItsTokenCommitsAsynchronouslyAndTheSessionStaysDurable() {
        TokenStore tokens = tokenStore(true);
        String processor = claimedSegment(tokens);

        String duringTheBatch = transactions.execute(status -> {
            tokens.storeToken(new GlobalSequenceTrackingToken(7), processor, 0);
            return jdbc.queryForObject(SETTING, String.class);
        });

        assertThat(duringTheBatch).isEqualTo("off");
        assertThat(jdbc.queryForObject(SETTING, String.class)).isEqualTo("on");
        TrackingToken stored = transactions.execute(status -> tokens.fetchToken(processor, 0));
        assertThat(stored).isEqualTo(new GlobalSequenceTrackingToken(7));
    }

    @Test
    void theDurableTokenStoreLeavesTheSettingAlone() {
        TokenStore tokens = tokenStore(false);
        String processor = claimedSegment(tokens);

        String duringTheBatch = transactions.execute(status -> {
            tokens.storeToken(new GlobalSequenceTrackingToken(7), processor, 0);
            return jdbc.queryForObject(SETTING, String.class);
        });

        assertThat(duringTheBatch).isEqualTo("on");
    }

    @Test
    void aSegmentClaimedByAnotherInstanceIsStillRefused() {
        TokenStore tokens = tokenStore(true);
        String processor = claimedSegment(tokens);
        jdbc.update("UPDATE read.token_entry SET owner = 'another-instance', timestamp = ? WHERE processor_name = ?",
                java.time.Instant.now().toString(), processor);

        assertThatThrownBy(() -> transactions.executeWithoutResult(
                status -> tokens.storeToken(new GlobalSequenceTrackingToken(9), processor, 0)))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(jdbc.queryForObject("SELECT owner FROM read.token_entry WHERE processor_name = ?", String.class,
                processor)).isEqualTo("another-instance");
    }

    @Test
    void aRoundOfNotificationsLeavesItsSessionDurable() {
        DatabaseNotifications listener = new DatabaseNotifications(database.dataSource(), Duration.ofSeconds(30),
                Duration.ofMillis(100));
        NotificationSender sender = new NotificationSender(session, Duration.ofMillis(2));
        listener.start();
        sender.start();
        try {
            Signal events = listener.signal(Channels.EVENTS);
            await().atMost(Duration.ofSeconds(10)).until(events::listening);
            long before = events.count();

            sender.announce(Channels.EVENTS);

            await().atMost(Duration.ofSeconds(10)).until(() -> events.count() > before);
        } finally {
            sender.stop();
            listener.stop();
        }
        assertThat(jdbc.queryForObject(SETTING, String.class)).isEqualTo("on");
    }

    private TokenStore tokenStore(boolean asynchronousCommit) {
        return new TokenStoreConfiguration().tokenStore(new SpringDataSourceConnectionProvider(session),
                JacksonSerializer.defaultSerializer(), TokenTables.schema("read.token_entry"), Duration.ofSeconds(10),
                asynchronousCommit);
    }

    private String claimedSegment(TokenStore tokens) {
        String processor = ReadModelDatabase.unique("processor");
        transactions.executeWithoutResult(status -> tokens.initializeTokenSegments(processor, 1));
        transactions.executeWithoutResult(status -> tokens.fetchToken(processor, 0));
        return processor;
    }
}
