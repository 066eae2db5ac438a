package io.ledgerline.query.web;

import io.ledgerline.domain.shared.InvalidValueException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A filtered, sorted list over one read table: served a page at a time with keyset cursors, or
 * streamed whole for export. The cursor carries the sort column's value as PostgreSQL prints it,
 * so paging is exact to the microsecond.
 */
public final class Listing<T> {

    private final JdbcClient jdbc;
    private final String select;
    private final String idColumn;
    private final RowMapper<T> mapper;

    /** {@code select} is "SELECT … FROM table alias", without WHERE or ORDER BY. */
    public Listing(JdbcClient jdbc, String select, String idColumn, RowMapper<T> mapper) {
        this.jdbc = jdbc;
        this.select = select;
        this.idColumn = idColumn;
        this.mapper = mapper;
    }

    public Page<T> page(SqlFilter filter, Sort sort, String encodedCursor, int limit) {
        Cursor cursor = Cursor.decode(encodedCursor, sort.key());
        if (cursor != null) {
            filter.add(sort.after(idColumn), Map.of("cursorValue", cursor.value(), "cursorId", cursor.id()));
        }
        List<Keyed<T>> rows;
        try {
            rows = jdbc.sql(select + filter.where() + " ORDER BY " + sort.orderBy(idColumn) + " LIMIT " + (limit + 1))
                    .params(filter.parameters())
                    .query((rs, n) -> new Keyed<>(mapper.mapRow(rs, n), rs.getString(sort.column().name()),
                            rs.getString(idColumn)))
                    .list();
        } catch (DataAccessException e) {
            // A cursor whose value PostgreSQL cannot read back (SQLSTATE class 22, data exception) was tampered with.
            if (cursor != null && e.getMostSpecificCause() instanceof SQLException sql
                    && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                throw new InvalidValueException("cursor", "cursor is not one this API handed out");
            }
            throw e;
        }
        List<T> items = rows.stream().limit(limit).map(Keyed::row).toList();
        if (rows.size() <= limit) {
            return new Page<>(items, null);
        }
        Keyed<T> last = rows.get(limit - 1);
        return new Page<>(items, new Cursor(sort.key(), last.sortValue(), last.id()).encode());
    }

    /** Every matching row in sort order, fetched in batches (for CSV export). */
    public void stream(SqlFilter filter, Sort sort, Consumer<Stream<T>> consumer) {
        try (Stream<T> rows = jdbc.sql(select + filter.where() + " ORDER BY " + sort.orderBy(idColumn))
                .params(filter.parameters())
                .query(mapper)
                .stream()) {
            consumer.accept(rows);
        }
    }

    private record Keyed<T>(T row, String sortValue, String id) {
    }
}
