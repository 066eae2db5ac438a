package io.ledgerline.postgres;

/** A PostgreSQL server somebody else runs; closing it does nothing. */
record ExternalPostgresServer(String host, int port, String username, String password) implements PostgresServer {

    @Override
    public String kind() {
        return "external";
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
