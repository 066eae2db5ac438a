package io.ledgerline.projections.runtime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code read.projection_generation} and the tables and views it governs. Every change locks the
 * model's row, so several projection instances can attempt it and exactly one succeeds.
 */
@Repository
class Generations {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    Generations(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    List<Generation> all() {
        return jdbc.sql("SELECT * FROM read.projection_generation ORDER BY model")
                .query((rs, row) -> new Generation(rs.getString("model"), rs.getInt("active"),
                        (Integer) rs.getObject("building"), instant(rs.getTimestamp("building_started_at")),
                        (Long) rs.getObject("building_target"), (Integer) rs.getObject("retired"),
                        instant(rs.getTimestamp("retired_at")), instant(rs.getTimestamp("switched_at"))))
                .list();
    }

    Optional<Generation> of(String model) {
        return all().stream().filter(generation -> generation.model().equals(model)).findFirst();
    }

    /**
     * Creates the next generation's empty tables, shaped like the live ones, and marks it as being
     * built. They get the live tables' keys and unique indexes, which the projections' writes look
     * rows up by, but not their secondary indexes (those that serve queries only): a rebuild writes
     * a whole history, and one index build at the end ({@link #switchTo}) costs far less than
     * keeping them up to date row by row.
     */
    int startBuilding(ReadModel model, long target) {
        return transactions.execute(status -> {
            Generation current = lock(model.name());
            if (current.building() != null) {
                throw new RebuildInProgressException(model.name(), current.building());
            }
            int next = Math.max(current.active(), current.retired() == null ? 0 : current.retired()) + 1;
            ReadModelSql live = new ReadModelSql(jdbc, current.active());
            ReadModelSql fresh = new ReadModelSql(jdbc, next);
            for (String table : model.tables()) {
                jdbc.sql("DROP TABLE IF EXISTS " + fresh.table(table)).update();
                jdbc.sql("CREATE TABLE " + fresh.table(table) + " (LIKE " + live.table(table) + " INCLUDING ALL)").update();
                for (SecondaryIndex index : secondaryIndexes(fresh.table(table))) {
                    jdbc.sql("DROP INDEX " + index.name()).update();
                }
            }
            jdbc.sql("""
                            UPDATE read.projection_generation
                            SET building = ?, building_started_at = now(), building_target = ? WHERE model = ?""")
                    .params(next, target, model.name())
                    .update();
            return next;
        });
    }

    /** Moves the building target on to a newer head: the rebuild caught up, but events kept coming. */
    void retarget(String model, long target) {
        jdbc.sql("UPDATE read.projection_generation SET building_target = ? WHERE model = ? AND building IS NOT NULL")
                .params(target, model)
                .update();
    }

    /**
     * Points the model's views at the built generation, in one transaction: a query sees either the
     * old generation whole or the new one whole. The old generation is retired, to be dropped later.
     */
    boolean switchTo(ReadModel model, int generation) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Generation current = lock(model.name());
            if (current.building() == null || current.building() != generation) {
                return false;
            }
            ReadModelSql live = new ReadModelSql(jdbc, current.active());
            ReadModelSql built = new ReadModelSql(jdbc, generation);
            for (String table : model.tables()) {
                buildSecondaryIndexes(live.table(table), built.table(table));
            }
            for (String table : model.tables()) {
                jdbc.sql("CREATE OR REPLACE VIEW read." + table + " AS SELECT * FROM " + built.table(table)).update();
            }
            jdbc.sql("""
                            UPDATE read.projection_generation
                            SET retired = active, retired_at = now(), active = ?, building = NULL,
                                building_started_at = NULL, building_target = NULL, switched_at = now()
                            WHERE model = ?""")
                    .params(generation, model.name())
                    .update();
            return true;
        }));
    }

    /**
     * Gives {@code table} each secondary index of {@code like} that it lacks (same method and
     * columns, a name of its own), inside the caller's transaction. A generation whose rebuild was
     * started by a version that copied every index already has them, and gets no second copy.
     */
    private void buildSecondaryIndexes(String like, String table) {
        List<String> present = secondaryIndexes(table).stream().map(SecondaryIndex::shape).toList();
        for (SecondaryIndex index : secondaryIndexes(like)) {
            if (!present.contains(index.shape())) {
                jdbc.sql("CREATE INDEX ON " + table + " " + index.shape()).update();
            }
        }
    }

    /** A table's non-unique indexes. */
    private List<SecondaryIndex> secondaryIndexes(String table) {
        return jdbc.sql("""
                        SELECT CAST(indexrelid AS regclass)::text AS name,
                               substring(pg_get_indexdef(indexrelid) FROM ' (USING .*)$') AS shape
                        FROM pg_index WHERE indrelid = CAST(? AS regclass) AND NOT indisunique ORDER BY indexrelid""")
                .param(table).query(SecondaryIndex.class).list();
    }

    /** An index that enforces nothing: its name, and what follows the name in its definition ({@code USING btree (…)}). */
    record SecondaryIndex(String name, String shape) {
    }

    /** Drops generations retired longer ago than {@code grace}: their tables, tokens and dead letters. */
    void dropRetired(ReadModel model, Duration grace) {
        transactions.executeWithoutResult(status -> {
            Generation current = lock(model.name());
            if (current.retired() == null || current.retiredAt().isAfter(Instant.now().minus(grace))) {
                return;
            }
            ReadModelSql retired = new ReadModelSql(jdbc, current.retired());
            for (String table : model.tables()) {
                jdbc.sql("DROP TABLE IF EXISTS " + retired.table(table)).update();
            }
            String processor = model.processorName(current.retired());
            jdbc.sql("DELETE FROM read.token_entry WHERE processor_name = ?").param(processor).update();
            jdbc.sql("DELETE FROM read.dead_letter_entry WHERE processing_group = ?").param(processor).update();
            jdbc.sql("UPDATE read.projection_generation SET retired = NULL, retired_at = NULL WHERE model = ?")
                    .param(model.name()).update();
        });
    }

    /** Records that this instance is alive, and returns every instance seen within {@code window}. */
    Set<String> heartbeat(String node, Duration window) {
        jdbc.sql("INSERT INTO read.projection_instance (node, seen_at) VALUES (?, now()) "
                        + "ON CONFLICT (node) DO UPDATE SET seen_at = EXCLUDED.seen_at")
                .param(node).update();
        jdbc.sql("DELETE FROM read.projection_instance WHERE seen_at < now() - make_interval(secs => ?)")
                .param((double) window.multipliedBy(10).toSeconds()).update();
        return new HashSet<>(jdbc.sql("SELECT node FROM read.projection_instance "
                        + "WHERE seen_at >= now() - make_interval(secs => ?)")
                .param(window.toMillis() / 1000.0)
                .query(String.class)
                .list());
    }

    /** The owner of each segment of a processor, as the token store records it. */
    List<SegmentToken> tokens(String processorName) {
        return jdbc.sql("SELECT segment, owner, token FROM read.token_entry WHERE processor_name = ? ORDER BY segment")
                .param(processorName)
                .query((rs, row) -> new SegmentToken(rs.getInt("segment"), rs.getString("owner"), rs.getBytes("token")))
                .list();
    }

    private Generation lock(String model) {
        jdbc.sql("SELECT model FROM read.projection_generation WHERE model = ? FOR UPDATE").param(model).query().listOfRows();
        return of(model).orElseThrow(() -> new IllegalStateException("Unknown read model " + model));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One segment's row in the token store. */
    record SegmentToken(int segment, String owner, byte[] token) {
    }
}
