package io.ledgerline.query.inventory;

import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.query.web.Amounts;
import io.ledgerline.query.web.Consistency;
import io.ledgerline.query.web.Csv;
import io.ledgerline.query.web.ReadModel;
import io.ledgerline.query.web.Filters;
import io.ledgerline.query.web.Listing;
import io.ledgerline.query.web.NotFoundException;
import io.ledgerline.query.web.Page;
import io.ledgerline.query.web.Paging;
import io.ledgerline.query.web.Sort;
import io.ledgerline.query.web.SqlFilter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Map;

/** Stock levels: one SKU, or lists filtered by SKU prefix and by available stock at or below a level. */
@RestController
@RequestMapping("/api/inventory")
public class InventoryQueryController {

    private static final Map<String, Sort.Column> SORTS = Map.of(
            "sku", new Sort.Column("sku", "VARCHAR"),
            "available", new Sort.Column("available", "INTEGER"),
            "updatedAt", new Sort.Column("updated_at", "TIMESTAMPTZ"));
    private static final RowMapper<StockView> VIEW = (rs, row) -> new StockView(rs.getString("sku"), rs.getString("name"),
            rs.getString("currency"), Amounts.format(rs.getLong("unit_price_minor"), rs.getString("currency")),
            rs.getInt("on_hand"), rs.getInt("reserved"), rs.getInt("available"),
            rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    private static final String SELECT = "SELECT * FROM read.inventory i";

    private final JdbcClient jdbc;
    private final Listing<StockView> listing;
    private final Paging paging;
    private final Consistency consistency;

    public InventoryQueryController(JdbcClient jdbc, Paging paging, Consistency consistency) {
        this.consistency = consistency;
        this.jdbc = jdbc;
        this.paging = paging;
        this.listing = new Listing<>(jdbc, SELECT, "sku", VIEW);
    }

    @GetMapping(path = "/{sku}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<StockView> get(@PathVariable String sku,
                                           @RequestParam(required = false) Long minVersion) {
        StockView stock = consistency.awaitVersion(ReadModel.INVENTORY, sku,
                        () -> jdbc.sql(SELECT + " WHERE sku = ?").param(sku).query(VIEW).optional(),
                        StockView::version, minVersion)
                .orElseThrow(() -> new NotFoundException("inventory item", sku));
        return ResponseEntity.ok().eTag(Long.toString(stock.version())).body(stock);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<StockView> list(@RequestParam(required = false) String skuPrefix,
                                @RequestParam(required = false) Integer maxAvailable,
                                @RequestParam(required = false) String sort,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) Long minPosition) {
        int size = paging.request(limit).limit();
        SqlFilter filter = filter(skuPrefix, maxAvailable);
        Sort order = sort(sort);
        consistency.awaitPosition(ReadModel.INVENTORY.processingGroup(), minPosition);
        return listing.page(filter, order, cursor, size);
    }

    @GetMapping(produces = Csv.MEDIA_TYPE)
    @Transactional(readOnly = true)
    public void export(@RequestParam(required = false) String skuPrefix,
                       @RequestParam(required = false) Integer maxAvailable,
                       @RequestParam(required = false) String sort,
                       @RequestParam(required = false) Long minPosition,
                       HttpServletResponse response) throws IOException {
        SqlFilter filter = filter(skuPrefix, maxAvailable);
        Sort order = sort(sort);
        consistency.awaitPosition(ReadModel.INVENTORY.processingGroup(), minPosition);
        Csv.write(response, "inventory", StockView.class, rows -> listing.stream(filter, order, rows));
    }

    private static SqlFilter filter(String skuPrefix, Integer maxAvailable) {
        String prefix = Filters.text(skuPrefix, "skuPrefix");
        if (prefix != null && !prefix.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidValueException("skuPrefix", "skuPrefix may hold only letters, digits, '.', '_' and '-'");
        }
        return new SqlFilter()
                .add("sku LIKE :prefix", "prefix", prefix == null ? null : prefix.replace("_", "\\_") + "%")
                .add("available <= :maxAvailable", "maxAvailable", maxAvailable);
    }

    private static Sort sort(String sort) {
        return Sort.parse(sort, SORTS, "sku");
    }
}
