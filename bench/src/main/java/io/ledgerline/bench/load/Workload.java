package io.ledgerline.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The command mix: a third each of reserve-stock (on one of many products), place-order (a new
 * order of 1 to 3 lines, fulfilled manually so that no background process adds commands of its
 * own) and capture-payment (a small capture of one of many authorized payments). Products and
 * payments are created once, up front, with enough stock and money for any run. The merchant
 * registers and stocks the products and makes the reservations (the stock room is its business,
 * and a reservation for an order that is not the client's own would be refused); the client places
 * the orders and authorizes and captures the payments, each for an order of its own.
 */
public final class Workload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CURRENCY = "EUR";

    private final String commandUrl;
    private final Http merchant;
    private final String customerId;
    private final List<String> skus;
    private final List<String> paymentIds;

    private Workload(String commandUrl, Http merchant, String customerId, List<String> skus, List<String> paymentIds) {
        this.commandUrl = commandUrl;
        this.merchant = merchant;
        this.customerId = customerId;
        this.skus = skus;
        this.paymentIds = paymentIds;
    }

    /** What a command does; each has its own read model to become visible in. */
    public enum Kind { RESERVE_STOCK, PLACE_ORDER, CAPTURE_PAYMENT, STOCK_ROOM }

    /** One command, ready to send. {@code aggregateId} is null when the command side assigns it. */
    public record Command(Kind kind, String path, String body, String idempotencyKey, String aggregateId) {
    }

    /** What came back: the status and, on success, the aggregate and the version it reached. */
    public record Outcome(int status, String aggregateId, long version) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Registers {@code products} products with stock and authorizes {@code payments} payments, in
     * parallel. {@code http} acts as a client whose customer id is {@code customerId}: a client may
     * place orders and pay only for itself (docs/security.md); {@code merchant} runs the stock room.
     */
    public static Workload setUp(Http http, Http merchant, String commandUrl, String customerId, int products,
                                 int payments, int threads) {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            skus.add(String.format("BENCH-%05d", i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String sku : skus) {
                done.add(pool.submit(() -> {
                    require(merchant.post(commandUrl + "/api/inventory", """
                            {"sku":"%s","name":"Bench item %s","unitPrice":"9.99","currency":"%s"}"""
                            .formatted(sku, sku, CURRENCY), null));
                    require(merchant.post(commandUrl + "/api/inventory/" + sku + "/receipts",
                            "{\"quantity\":1000000000}", null));
                }));
            }
            for (Future<?> task : done) {
                task.get(); // the products exist before the orders that name them
            }
            done.clear();
            List<String> paymentIds = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < payments; i++) {
                done.add(pool.submit(() -> {
                    Http.Response placed = require(http.post(commandUrl + "/api/orders", """
                            {"customerId":"%s","currency":"%s","lines":[{"sku":"%s","quantity":1,"unitPrice":"9.99"}]}"""
                            .formatted(customerId, CURRENCY, skus.get(0)), UUID.randomUUID().toString()));
                    Http.Response authorized = require(http.post(commandUrl + "/api/payments", """
                            {"orderId":"%s","amount":"10000000.00","currency":"%s","paymentMethodToken":"tok_visa"}"""
                            .formatted(field(placed.body(), "orderId"), CURRENCY), UUID.randomUUID().toString()));
                    paymentIds.add(field(authorized.body(), "paymentId"));
                }));
            }
            for (Future<?> task : done) {
                task.get();
            }
            return new Workload(commandUrl, merchant, customerId, List.copyOf(skus), List.copyOf(paymentIds));
        } catch (Exception e) {
            throw new IllegalStateException("Setting up the workload failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    public int aggregates() {
        return skus.size() + paymentIds.size();
    }

    public Command next(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> reserve(skus.get(random.nextInt(skus.size())));
            case 1 -> placeOrder(random);
            default -> capture(paymentIds.get(random.nextInt(paymentIds.size())));
        };
    }

    /** A reservation of one unit for a new order: always accepted, always appends one event. */
    public Command reserve(String sku) {
        return new Command(Kind.RESERVE_STOCK, "/api/inventory/" + sku + "/reservations",
                "{\"orderId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}", null, sku);
    }

    /** Registers a product (the merchant's, as every stock-room command). */
    public Command registerProduct(String sku) {
        return new Command(Kind.STOCK_ROOM, "/api/inventory", """
                {"sku":"%s","name":"Bench item %s","unitPrice":"9.99","currency":"%s"}""".formatted(sku, sku, CURRENCY),
                null, sku);
    }

    /** A stock receipt for a product. */
    public Command receive(String sku, int quantity) {
        return new Command(Kind.STOCK_ROOM, "/api/inventory/" + sku + "/receipts", "{\"quantity\":" + quantity + "}",
                null, sku);
    }

    public String anySku(Random random) {
        return skus.get(random.nextInt(skus.size()));
    }

    /** An order with a payment-method token: the fulfilment process reserves, authorizes and confirms it by itself. */
    public Command placeAutomaticOrder(Random random) {
        Command order = placeOrder(random);
        String body = order.body().substring(0, order.body().length() - 1) + ",\"payment\":{\"paymentMethodToken\":\"tok_visa\"}}";
        return new Command(Kind.PLACE_ORDER, order.path(), body, order.idempotencyKey(), null);
    }

    private Command placeOrder(Random random) {
        List<String> picked = new ArrayList<>();
        int lines = 1 + random.nextInt(3);
        while (picked.size() < lines) {
            String sku = skus.get(random.nextInt(skus.size()));
            if (!picked.contains(sku)) {
                picked.add(sku);
            }
        }
        StringBuilder body = new StringBuilder("{\"customerId\":\"").append(customerId)
                .append("\",\"currency\":\"").append(CURRENCY).append("\",\"lines\":[");
        for (int i = 0; i < picked.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(picked.get(i)).append("\",\"quantity\":")
                    .append(1 + random.nextInt(3)).append(",\"unitPrice\":\"9.99\"}");
        }
        body.append("]}");
        return new Command(Kind.PLACE_ORDER, "/api/orders", body.toString(), UUID.randomUUID().toString(), null);
    }

    private Command capture(String paymentId) {
        return new Command(Kind.CAPTURE_PAYMENT, "/api/payments/" + paymentId + "/capture",
                "{\"amount\":\"0.01\",\"currency\":\"" + CURRENCY + "\"}", UUID.randomUUID().toString(), paymentId);
    }

    /** Sends as {@code http} (the client), but reservations and the stock room's commands as the merchant. */
    public Outcome send(Http http, Command command) {
        Http sender = command.kind() == Kind.RESERVE_STOCK || command.kind() == Kind.STOCK_ROOM ? merchant : http;
        Http.Response response = sender.post(commandUrl + command.path(), command.body(), command.idempotencyKey());
        if (!response.ok()) {
            return new Outcome(response.status(), command.aggregateId(), -1);
        }
        String id = command.aggregateId() != null ? command.aggregateId() : field(response.body(), "orderId");
        return new Outcome(response.status(), id, Long.parseLong(field(response.body(), "version")));
    }

    /** Where the query side shows the command's effect, waiting until it has reached the version. */
    public static String visibilityPath(Kind kind, Outcome outcome) {
        String resource = switch (kind) {
            case RESERVE_STOCK, STOCK_ROOM -> "/api/inventory/";
            case PLACE_ORDER -> "/api/orders/";
            case CAPTURE_PAYMENT -> "/api/payments/";
        };
        return resource + outcome.aggregateId() + "?minVersion=" + outcome.version();
    }

    public static String field(String json, String name) {
        try {
            JsonNode value = JSON.readTree(json).get(name);
            if (value == null) {
                throw new IllegalStateException("No " + name + " in " + json);
            }
            return value.asText();
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    private static Http.Response require(Http.Response response) {
        if (!response.ok()) {
            throw new IllegalStateException("Setup request failed with " + response.status() + ": " + response.body());
        }
        return response;
    }
}
