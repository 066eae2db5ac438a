package io.ledgerline.projections.runtime;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The row writes a batch of events causes, written together when the batch commits.
 * <p>
 * Each write names the row (or rows) it touches with a key. Writes with the same key run in the
 * order they were made; writes with different keys do not depend on each other, so they may be
 * regrouped. The writes are laid out in rounds (the n-th write of each key goes in round n), and
 * each round sends every statement it holds as one JDBC batch per distinct SQL text: a batch of a
 * thousand events placing, confirming and shipping orders takes a handful of round trips instead of
 * several per event.
 */
final class RowWrites {

    /** One statement with its parameters, for the row(s) named by {@code key}. */
    record Write(String key, String sql, SqlParameterSource params) {
    }

    private static final ThreadLocal<List<Write>> COLLECTING = new ThreadLocal<>();

    private final List<Write> writes = new ArrayList<>();

    /** Takes {@code write} into the handler call under way, if it collects; false if nothing collects here. */
    static boolean collect(Write write) {
        List<Write> collected = COLLECTING.get();
        if (collected == null) {
            return false;
        }
        collected.add(write);
        return true;
    }

    /** Runs one handler call, collecting the writes it makes instead of running them. */
    static List<Write> collecting(HandlerCall call) throws Exception {
        List<Write> collected = new ArrayList<>();
        List<Write> outer = COLLECTING.get();
        COLLECTING.set(collected);
        try {
            call.run();
            return collected;
        } finally {
            if (outer == null) {
                COLLECTING.remove();
            } else {
                COLLECTING.set(outer);
            }
        }
    }

    /** A handler invocation. */
    @FunctionalInterface
    interface HandlerCall {
        void run() throws Exception;
    }

    void add(Write write) {
        writes.add(write);
    }

    void addAll(List<Write> more) {
        writes.addAll(more);
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    int size() {
        return writes.size();
    }

    /** The keys of the rows written. */
    Set<String> keys() {
        Set<String> keys = new HashSet<>();
        writes.forEach(write -> keys.add(write.key()));
        return keys;
    }

    /** Writes everything collected, in rounds; returns the number of statements sent (JDBC batches count once). */
    int flush(NamedParameterJdbcOperations jdbc) {
        return flush(jdbc, null);
    }

    /**
     * Writes everything collected, in rounds, sending plain inserts by COPY when {@code copies} is
     * given (a bulk build into fresh tables, {@link CopyInserts}); returns the number of statements sent.
     */
    int flush(NamedParameterJdbcOperations jdbc, CopyInserts copies) {
        List<Map<String, List<SqlParameterSource>>> rounds = new ArrayList<>();
        Map<String, Integer> lastRound = new HashMap<>();
        for (Write write : writes) {
            int round = lastRound.merge(write.key(), 0, (previous, first) -> previous + 1);
            while (rounds.size() <= round) {
                rounds.add(new LinkedHashMap<>());
            }
            rounds.get(round).computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.params());
        }
        int sent = 0;
        for (Map<String, List<SqlParameterSource>> round : rounds) {
            for (Map.Entry<String, List<SqlParameterSource>> statement : round.entrySet()) {
                List<SqlParameterSource> params = statement.getValue();
                Optional<CopyInserts.Shape> copy = copies == null ? Optional.empty()
                        : copies.shape(statement.getKey());
                if (copy.isPresent() && copies.copy(jdbc.getJdbcOperations(), copy.get(), params)) {
                    sent++;
                    continue;
                }
                if (params.size() == 1) {
                    jdbc.update(statement.getKey(), params.get(0));
                } else {
                    jdbc.batchUpdate(statement.getKey(), params.toArray(SqlParameterSource[]::new));
                }
                sent++;
            }
        }
        writes.clear();
        return sent;
    }
}
