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
import io.ledgerline.infrastructure.openapi.AllowedRoles;
import io.ledgerline.infrastructure.openapi.ApiContract;
import io.ledgerline.infrastructure.openapi.ApiProblems;
import io.ledgerline.infrastructure.security.Callers;
import io.ledgerline.infrastructure.web.ProblemType;
import io.ledgerline.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Inventory", description = "Stock levels: on hand, reserved and available per SKU")
@AllowedRoles(Callers.REPORTER)
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

    @Operation(operationId = "getStock", summary = "Read the stock of one SKU", description = "JSON only.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The stock; `ETag` is its version",
            content = @Content(examples = @ExampleObject(name = "lamp", value = """
                    {"sku":"LAMP-1","name":"Desk lamp","currency":"EUR","unitPrice":"19.99","onHand":10,"reserved":2,"available":8,"updatedAt":"2026-11-20T10:15:30.345678Z","version":2}""")))
    @ApiProblems(ProblemType.NOT_FOUND)
    @GetMapping(path = "/{sku}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<StockView> get(@Parameter(description = "The SKU", example = "LAMP-1") @PathVariable String sku,
                                         @Parameter(description = QueryParameters.MIN_VERSION, example = "0", schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                                         @RequestParam(required = false) Long minVersion) {
        StockView stock = consistency.awaitVersion(ReadModel.INVENTORY, sku,
                        () -> jdbc.sql(SELECT + " WHERE sku = ?").param(sku).query(VIEW).optional(),
                        StockView::version, minVersion)
                .orElseThrow(() -> new NotFoundException("inventory item", sku));
        return ResponseEntity.ok().eTag(Long.toString(stock.version())).body(stock);
    }

    @Operation(operationId = "listStock", summary = "List stock levels",
            description = "Stock per SKU, one page at a time, filtered and sorted. " + QueryParameters.CSV)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "One page, or with `Accept: text/csv` every matching SKU",
            headers = @Header(name = ApiContract.CONTENT_DISPOSITION, ref = "#/components/headers/" + ApiContract.CONTENT_DISPOSITION),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "page", value = """
                            {"items":[{"sku":"LAMP-1","name":"Desk lamp","currency":"EUR","unitPrice":"19.99","onHand":10,"reserved":2,"available":8,"updatedAt":"2026-11-20T10:15:30.345678Z","version":2}]}""")),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = "string"), examples = @ExampleObject(name = "csv", value = """
                            sku,name,currency,unitPrice,onHand,reserved,available,updatedAt,version
                            LAMP-1,Desk lamp,EUR,19.99,10,2,8,2026-11-20T10:15:30.345678Z,2
                            """))})
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<StockView> list(@Parameter(description = "SKUs starting with this: letters, digits, `.`, `_` and `-` only",
                                        example = "LAMP", schema = @Schema(type = "string", pattern = "^[A-Za-z0-9._-]+$"))
                                @RequestParam(required = false) String skuPrefix,
                                @Parameter(description = "Only SKUs whose available stock is at most this", example = "5")
                                @RequestParam(required = false) Integer maxAvailable,
                                @Parameter(description = QueryParameters.SORT + "`sku`, `available`, `updatedAt`; default "
                                        + "`sku`", example = "available") @RequestParam(required = false) String sort,
                                @Parameter(description = QueryParameters.CURSOR) @RequestParam(required = false) String cursor,
                                @Parameter(description = QueryParameters.LIMIT, example = "20", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "200"))
                                @RequestParam(required = false) Integer limit,
                                @Parameter(description = QueryParameters.MIN_POSITION, example = "5321", schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                                @RequestParam(required = false) Long minPosition) {
        int size = paging.request(limit).limit();
        SqlFilter filter = filter(skuPrefix, maxAvailable);
        Sort order = sort(sort);
        consistency.awaitPosition(ReadModel.INVENTORY.processingGroup(), minPosition);
        return listing.page(filter, order, cursor, size);
    }

    @Hidden // documented with list: the same operation, as text/csv
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
