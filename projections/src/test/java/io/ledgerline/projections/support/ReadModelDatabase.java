package io.ledgerline.projections.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ledgerline.testsupport.TestDatabases;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database with the {@code read} schema migrated exactly as the projections app does it,
 * so handlers can be called directly and their rows read back with SQL. One per test class.
 */
public final class ReadModelDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final JdbcClient jdbc;

    private ReadModelDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    public static ReadModelDatabase migrated() {
        TestDatabases.TestDatabase database = TestDatabases.create();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(2);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).schemas("read").locations("classpath:db/migration/read")
                .load().migrate();
        return new ReadModelDatabase(dataSource);
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** The one row the query finds, column name to value; fails if there is none or several. */
    public Map<String, Object> row(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query().singleRow();
    }

    /** Every row the query finds, in the order it returns them. */
    public List<Map<String, Object>> rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query().listOfRows();
    }

    /** How a {@code TIMESTAMPTZ} column reads back through JDBC, for comparing with a row's value. */
    public static Timestamp timestamp(Instant at) {
        return Timestamp.from(at);
    }

    /** An identifier no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
