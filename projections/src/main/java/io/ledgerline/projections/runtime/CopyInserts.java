package io.ledgerline.projections.runtime;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulk form of a projection's plain inserts, for a bulk build ({@link BulkBuild}) into a
 * generation's fresh tables: a group of
 * {@code INSERT INTO t (a, b, c) VALUES (:a, 'X', 0) ON CONFLICT (a) DO NOTHING}, whose values are
 * only parameters and constants, goes to PostgreSQL as one {@code COPY t (a, b, c) FROM STDIN}.
 * COPY costs the database about half of what the same rows cost as inserts that check for a
 * conflict first (docs/performance.md).
 * <p>
 * Where such an insert would have done nothing, because its row is there already, the COPY
 * fails instead: the bulk build then hands over to the generation's processor, which runs the
 * insert itself. In a fresh generation that only happens if a history inserts the same row twice.
 * Any other statement, or values of a type this class does not write, go the usual way.
 */
final class CopyInserts {

    private static final Pattern PLAIN_INSERT = Pattern.compile(
            "\\s*INSERT\\s+INTO\\s+([a-z_][a-z0-9_.]*)\\s*\\(([^()]*)\\)\\s*VALUES\\s*\\(([^()]*)\\)"
                    + "\\s*ON\\s+CONFLICT\\s*\\([^()]*\\)\\s*DO\\s+NOTHING\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern TEXT = Pattern.compile("'([^'\\\\]*)'");
    /** An integer constant as PostgreSQL would print it back: no leading zeros, no minus zero. */
    private static final Pattern NUMBER = Pattern.compile("0|-?[1-9]\\d*");

    private final Map<String, Optional<Shape>> shapes = new ConcurrentHashMap<>();

    /**
     * The COPY that writes the rows of {@code sql}, if it is a plain insert.
     *
     * @param copy   the COPY statement
     * @param values for each column in turn, the parameter that gives its value, or its constant
     */
    record Shape(String copy, List<Value> values) {
    }

    /** A column's value: a named parameter, or a constant (already in COPY's text form). */
    record Value(String parameter, String constant) {
    }

    Optional<Shape> shape(String sql) {
        return shapes.computeIfAbsent(sql, CopyInserts::parse);
    }

    private static Optional<Shape> parse(String sql) {
        Matcher insert = PLAIN_INSERT.matcher(sql);
        if (!insert.matches()) {
            return Optional.empty();
        }
        String[] columns = insert.group(2).split(",");
        String[] expressions = insert.group(3).split(",");
        if (columns.length != expressions.length) {
            return Optional.empty();
        }
        List<Value> values = new ArrayList<>(expressions.length);
        for (String expression : expressions) {
            String value = expression.trim();
            Matcher parameter = PARAMETER.matcher(value);
            Matcher text = TEXT.matcher(value);
            if (parameter.matches()) {
                values.add(new Value(parameter.group(1), null));
            } else if (text.matches()) {
                values.add(new Value(null, escape(text.group(1))));
            } else if (NUMBER.matcher(value).matches()) {
                values.add(new Value(null, value));
            } else {
                return Optional.empty();
            }
        }
        List<String> names = Arrays.stream(columns).map(String::trim).toList();
        return Optional.of(new Shape("COPY " + insert.group(1) + " (" + String.join(", ", names) + ") FROM STDIN", values));
    }

    /**
     * Writes {@code rows} with one COPY in the caller's transaction; false, having written nothing,
     * if a value is of a type it does not write.
     */
    boolean copy(JdbcOperations jdbc, Shape shape, List<SqlParameterSource> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 128);
        for (SqlParameterSource row : rows) {
            for (int column = 0; column < shape.values().size(); column++) {
                Value value = shape.values().get(column);
                String field = value.parameter() == null ? value.constant() : field(row.getValue(value.parameter()));
                if (field == null) {
                    return false;
                }
                text.append(column == 0 ? "" : "\t").append(field);
            }
            text.append('\n');
        }
        // Encoded here, whole: pgjdbc would encode a Reader in blocks, and split a surrogate pair at a block's edge.
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(shape.copy(), new ByteArrayInputStream(utf8));
            } catch (IOException e) {
                throw new SQLException("COPY could not be sent", e);
            }
        });
        return true;
    }

    /**
     * A value in COPY's text form, as the database would store it bound as a JDBC parameter; null
     * for a type this class does not write (the group then goes as inserts).
     */
    private static String field(Object value) {
        if (value == null) {
            return "\\N";
        }
        if (value instanceof String string) {
            return escape(string);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Boolean
                || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return microseconds(time).toString();
        }
        if (value instanceof Instant instant) {
            return microseconds(instant.atOffset(ZoneOffset.UTC)).toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return null;
    }

    /**
     * Rounded to microseconds, half up, as pgjdbc rounds a bound timestamp; the server would round
     * a text one half to even, and the two differ on the half.
     */
    private static OffsetDateTime microseconds(OffsetDateTime time) {
        return time.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
