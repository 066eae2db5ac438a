package io.ledgerline.bench;

import io.ledgerline.bench.db.EventSeeder;
import io.ledgerline.bench.db.Pgbench;
import io.ledgerline.bench.db.RawRead;
import io.ledgerline.bench.db.StatementStats;
import io.ledgerline.bench.load.ClosedLoop;
import io.ledgerline.bench.load.EndToEnd;
import io.ledgerline.bench.load.Fulfilment;
import io.ledgerline.bench.load.Http;
import io.ledgerline.bench.load.LongStream;
import io.ledgerline.bench.load.Workload;
import io.ledgerline.bench.ops.Projections;
import io.ledgerline.bench.ops.Rebuild;
import io.ledgerline.bench.report.JfrSummary;
import io.ledgerline.bench.report.Results;
import io.ledgerline.bench.system.AppProcess;
import io.ledgerline.bench.system.Database;
import io.ledgerline.bench.system.SystemUnderTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The whole benchmark in one run (bench/run.sh): PostgreSQL and the three apps as separate
 * processes, then the phases in docs/performance.md's order, each printed as it finishes, and
 * the results written to bench/results/.
 */
public final class BenchMain {

    private static final String LONG_SKU = "LONG-00001";
    private static final double LIGHT_RATE = 20;
    /** Commands per second, each read back, while warming up: enough reads for the query side's JIT. */
    private static final double WARM_UP_READ_RATE = 100;
    private static final double MAX_JIT_CORES = 0.1;
    private static final String CLIENT = "c-1";
    private static final String PEER_DATABASE = "stock_axon";
    private static final java.time.format.DateTimeFormatter CLOCK = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BenchOptions options;
    private final Results results = new Results();
    /** The users of docs/security.md's local mode: a client sends the commands, the others read. */
    private Http client;
    private Http reporter;
    private Http ops;
    private Http auditor;
    private final long started = System.nanoTime();
    private SystemUnderTest system;
    private Meter meter;
    private Workload workload;

    private BenchMain(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("summarize-jfr")) {
            // Re-reads a recording: summarize-jfr FILE [BEGIN END], times as ISO instants.
            Instant begin = args.length > 3 ? Instant.parse(args[2]) : Instant.MIN;
            Instant end = args.length > 3 ? Instant.parse(args[3]) : Instant.MAX;
            System.out.println(JfrSummary.of(Path.of(args[1]), begin, end).text());
            return;
        }
        System.setProperty("java.awt.headless", "true");
        BenchOptions options = BenchOptions.parse(args);
        if (!Files.isRegularFile(options.appsJar())) {
            throw new IllegalArgumentException("No apps jar at " + options.appsJar() + "; run bench/run.sh, which builds it");
        }
        new BenchMain(options).run();
    }

    private void run() throws Exception {
        Path work = options.workDirectory().toAbsolutePath();
        ResultsWriter.deleteRecursively(work);
        Files.createDirectories(work.resolve("logs"));
        results.startedAt = Instant.now().toString();
        results.machine = Machine.describe();
        results.settings.put("quick", options.quick());
        results.settings.put("only", options.only());
        results.settings.put("phaseSeconds", options.phaseSeconds());
        results.settings.put("products", options.products());
        results.settings.put("payments", options.payments());
        results.settings.put("security", "local mode; orders and payments as client " + CLIENT
                + ", products, stock and reservations as merchant, reads as reporter, ops API as ops");
        results.settings.put("rateLimit", "lifted (LEDGERLINE_RATELIMIT_COMMANDSPERSECOND=1000000)");
        results.settings.put("profiling", options.profile() ? "Java Flight Recorder, default settings, on in every app "
                + "for the whole run" : "off");
        results.settings.put("appJvmOptions", options.appJvmOptions().isEmpty() ? "JVM defaults" : options.appJvmOptions());
        log("PostgreSQL: starting the embedded server in " + work.resolve("pgdata"));
        try (Database database = Database.start(work.resolve("pgdata"))) {
            results.postgres = database.settings();
            List<String> jvmOptions = new java.util.ArrayList<>(options.appJvmOptions());
            if (options.profile()) {
                jvmOptions.add(AppProcess.recordingOption());
            }
            system = new SystemUnderTest(database, options.appsJar().toAbsolutePath(), work.resolve("logs"), jvmOptions);
            meter = new Meter(system);
            Thread stopOnInterrupt = new Thread(system::close, "bench-shutdown");
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            try {
                phases(database, work);
            } finally {
                system.close();
                results.peakRssMiB = system.peakRssMiB();
                results.postgresPeakPssMiB = Math.round(meter.postgresPeakPssMiB());
                results.postgresErrors = database.loggedErrors();
                results.deadLetters = deadLetters(database);
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            }
        } finally {
            results.totalMinutes = Math.round((System.nanoTime() - started) / 6e9) / 10.0;
            ResultsWriter.write(results, options.resultsDirectory(), work);
        }
    }

    private void phases(Database database, Path work) throws Exception {
        startApps("fresh store", database);
        Http anonymous = new Http();
        String tokens = system.commandSide().baseUrl();
        client = anonymous.as(tokens, CLIENT);
        reporter = anonymous.as(tokens, "reporter");
        ops = anonymous.as(tokens, "ops");
        auditor = anonymous.as(tokens, "auditor");
        if (options.only().equals("rebuild")) {
            seedAndRebuild(database, work);
            return;
        }
        log("Setup: " + options.products() + " products with stock, " + options.payments() + " authorized payments");
        workload = Workload.setUp(client, anonymous.as(tokens, "merchant"), system.commandSide().baseUrl(), CLIENT,
                options.products(), options.payments(), 8);
        warmUp("fresh store");
        for (int clients : BenchOptions.CLIENTS) {
            throughput(Results.SMALL_STORE, clients, database, clients == 16);
        }
        if (options.until().equals("throughput")) {
            return;
        }
        endToEnd();
        fulfilment();
        stockAxonPeer(database);
        if (options.until().equals("e2e")) {
            return;
        }
        pgbench(database, work);
        if (options.until().equals("pgbench")) {
            return;
        }
        seed(database);
        startApps("after seeding", database);
        checkSeededEvent(database);
        warmUp("after restart");
        throughput(Results.LARGE_STORE, 1, database, false);
        throughput(Results.LARGE_STORE, 16, database, false);
        log("Long stream: reserve-stock one at a time on " + LONG_SKU + " and on ordinary products");
        results.longStream = LongStream.measure(workload, client, LONG_SKU, options.longStreamEvents(), 30);
        log(String.format("  p50 %.1f ms on the long stream, %.1f ms elsewhere", results.longStream.onLongStream().p50Ms(),
                results.longStream.onOrdinary().p50Ms()));
        rawRead(database);
        rebuild(database, work);
        results.notMeasured.add("Command latency at 10M events: the run seeds " + options.seedOrders()
                + " events; 10M would take about ten times the seeding and rebuild time.");
    }

    /**
     * Load at 16 clients, not reported, until the JIT compilers of the three JVMs have settled: at
     * least {@code warmUpSeconds}, then 10 s more at a time while they still used more than a tenth
     * of a core, for at most three minutes. On two cores a compiling JVM skews every figure.
     */
    private void warmUp(String when) {
        warmUp(when, workload, true);
    }

    /**
     * As {@link #warmUp(String)}; with {@code reads}, each round also runs the end-to-end load
     * (commands read back from the query side) at {@value #WARM_UP_READ_RATE}/s, so that the query
     * side, which the throughput phases do not use, is compiled before the end-to-end phases
     * measure it: at 20 reads a second it was still compiling, and spent ten times its steady CPU
     * per read.
     */
    private void warmUp(String when, Workload workload, boolean reads) {
        long start = System.nanoTime();
        log(String.format("Warm-up (%s): 16 clients%s for at least %d s, until the JIT is quiet", when,
                reads ? ", then commands read back at " + (int) WARM_UP_READ_RATE + "/s," : "", options.warmUpSeconds()));
        warmUpRound(workload, reads, Duration.ofSeconds(options.warmUpSeconds()));
        double jitCores;
        do {
            double before = system.jitCpuSeconds();
            long round = System.nanoTime();
            warmUpRound(workload, reads, Duration.ofSeconds(10));
            jitCores = (system.jitCpuSeconds() - before) / ((System.nanoTime() - round) / 1e9);
            log(String.format("  JIT compilers used %.2f cores in the last round", jitCores));
        } while (jitCores > MAX_JIT_CORES && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(3));
        results.warmUps.add(new Results.WarmUp(when, (System.nanoTime() - start) / 1e9, jitCores));
    }

    /** 16 clients for {@code each}, then (with {@code reads}) commands read back for as long again. */
    private void warmUpRound(Workload workload, boolean reads, Duration each) {
        ClosedLoop.run(workload, client, 16, each);
        if (reads) {
            EndToEnd.run(workload, client, reporter, system.querySide().baseUrl(), WARM_UP_READ_RATE, each);
        }
    }

    private void startApps(String when, Database database) throws SQLException {
        log("Apps: starting command side, projections, query side (" + when + ")");
        system.startApps();
        long events = events(database);
        for (AppProcess app : system.apps()) {
            results.startUp.add(new Results.StartUp(when, app.name(), events, app.readySeconds(), app.springStartedSeconds()));
            log(String.format("  %s ready after %.1f s (pid %d, port %s)", app.name(), app.readySeconds(), app.pid(),
                    app.baseUrl()));
        }
    }

    private void throughput(String store, int clients, Database database, boolean profile) throws Exception {
        awaitReadSide();
        long events = events(database);
        log(String.format("Throughput: %d client(s) for %d s, %,d events in store", clients, options.phaseSeconds(), events));
        try (Connection connection = database.connect(Database.APP_DATABASE)) {
            if (profile) {
                StatementStats.reset(connection);
            }
            Instant begin = Instant.now();
            Meter.Measured<ClosedLoop.Result> run = meter.measure(() ->
                    ClosedLoop.run(workload, client, clients, Duration.ofSeconds(options.phaseSeconds())));
            Instant end = Instant.now();
            Map<String, Long> lag = Projections.lags(ops, system.projections().baseUrl());
            results.throughput.add(new Results.Throughput(store, events, run.result(), lag, run.cpuCores(),
                    run.memoryMiB()));
            log(String.format("  %.0f commands/s, p50 %.1f ms, p99 %.1f ms, failed %s; read models behind by %s events; "
                            + "CPU cores %s", run.result().commandsPerSecond(), run.result().latency().p50Ms(),
                    run.result().latency().p99Ms(), run.result().failures(), lag, run.cpuCores()));
            if (profile) {
                StatementStats.Row total = StatementStats.total(connection);
                long commands = run.result().ok();
                results.statements = new Results.Statements(commands, (double) total.calls() / commands,
                        total.totalMs() / commands, StatementStats.top(connection, 15));
                StatementStats.writeAll(connection, options.resultsDirectory().resolve("statements-command-side-16-clients.tsv"),
                        commands, "command");
                profile("command side, 16 clients", system.commandSide(), "commands", begin, end);
            }
        }
    }

    private void endToEnd() {
        double max = results.throughput.stream().mapToDouble(t -> t.run().commandsPerSecond()).max().orElse(10);
        results.endToEnd = endToEnd(Math.max(1, max / 2), "half of " + Math.round(max));
        // The same at a light load, to tell what the pipeline costs from what the load adds.
        results.endToEndLight = endToEnd(LIGHT_RATE, "light load");
    }

    private Results.EndToEndRun endToEnd(double rate, String why) {
        awaitReadSide();
        log(String.format("End to end: %.0f commands/s (%s) for %d s", rate, why, options.phaseSeconds()));
        Instant begin = Instant.now();
        Meter.Measured<EndToEnd.Result> run = meter.measure(() -> EndToEnd.run(workload, client, reporter, system.querySide().baseUrl(),
                rate, Duration.ofSeconds(options.phaseSeconds())));
        if (results.endToEnd == null) {
            profile("query side, end to end at half load", system.querySide(), "queries", begin, Instant.now());
        }
        log(String.format("  visible after p50 %.0f ms, p95 %.0f ms, p99 %.0f ms; CPU cores %s",
                run.result().visibleAfter().p50Ms(), run.result().visibleAfter().p95Ms(),
                run.result().visibleAfter().p99Ms(), run.cpuCores()));
        return new Results.EndToEndRun(run.result(), run.cpuCores());
    }

    private void fulfilment() {
        awaitReadSide();
        int orders = 40;
        log("Automatic orders: " + orders + ", one at a time, each read back CONFIRMED");
        results.fulfilment = Fulfilment.run(workload, client, system.querySide().baseUrl(), orders);
        log(String.format("  confirmed after p50 %.0f ms, p99 %.0f ms; %d not confirmed",
                results.fulfilment.confirmedAfter().p50Ms(), results.fulfilment.confirmedAfter().p99Ms(),
                results.fulfilment.notConfirmed()));
    }

    /**
     * The stock-Axon peer (bench/stock-axon) on the same load as the product's 16-client phase, with
     * the same warm-up, and a command on a long-lived product of the same length, while the
     * product's apps sit idle beside it. Its store is small, as the product's is at this point.
     */
    private void stockAxonPeer(Database database) throws SQLException {
        if (options.peerJar() == null) {
            results.notMeasured.add("Stock Axon peer: not measured (no --peer-jar; bench/run.sh passes it)");
            return;
        }
        awaitReadSide();
        log("Stock Axon peer: starting it on a database of its own");
        AppProcess peer = system.startPeer(options.peerJar().toAbsolutePath(), PEER_DATABASE);
        try {
            log(String.format("  ready after %.1f s; setup: %d products with stock, %d authorized payments",
                    peer.readySeconds(), options.products(), options.payments()));
            Http anonymous = new Http();
            Workload peerLoad = Workload.setUp(client, anonymous.as(system.commandSide().baseUrl(), "merchant"),
                    peer.baseUrl(), CLIENT, options.products(), options.payments(), 8);
            warmUp("stock Axon peer", peerLoad, false);
            log(String.format("Stock Axon peer: 16 clients for %d s", options.phaseSeconds()));
            Meter.Measured<ClosedLoop.Result> run = meter.measure(() ->
                    ClosedLoop.run(peerLoad, client, 16, Duration.ofSeconds(options.phaseSeconds())));
            log(String.format("  %.0f commands/s, p50 %.1f ms, p99 %.1f ms, failed %s; CPU cores %s",
                    run.result().commandsPerSecond(), run.result().latency().p50Ms(), run.result().latency().p99Ms(),
                    run.result().failures(), run.cpuCores()));
            require(peerLoad.send(client, peerLoad.registerProduct(LONG_SKU)));
            require(peerLoad.send(client, peerLoad.receive(LONG_SKU, 1_000_000_000)));
            try (Connection connection = database.connect(PEER_DATABASE)) {
                EventSeeder.lengthenPeerStream(connection, LONG_SKU, options.longStreamEvents());
            }
            log("  long stream: reserve-stock one at a time on a " + options.longStreamEvents() + "-event product");
            LongStream.Result longStream = LongStream.measure(peerLoad, client, LONG_SKU, options.longStreamEvents(), 10);
            log(String.format("  p50 %.1f ms on the long stream, %.1f ms elsewhere", longStream.onLongStream().p50Ms(),
                    longStream.onOrdinary().p50Ms()));
            results.stockAxon = new Results.PeerRun(run.result(), run.cpuCores(), longStream);
        } finally {
            system.stopPeer();
        }
    }

    private static void require(Workload.Outcome outcome) {
        if (!outcome.ok()) {
            throw new IllegalStateException("A setup command failed with " + outcome.status());
        }
    }

    /** Lets the read models work off what the last phase left them, and records how long that took. */
    private void awaitReadSide() {
        Projections.CatchUp catchUp = Projections.awaitCaughtUp(ops, system.projections().baseUrl(),
                Projections.QUERIED, Duration.ofMinutes(5));
        if (catchUp.seconds() > 0) {
            results.catchUps.add(catchUp);
            log(String.format("  read side: %s behind; %s caught up after %.1f s%s", catchUp.backlogEvents(),
                    Projections.QUERIED, catchUp.seconds(), catchUp.caughtUp() ? "" : " (gave up waiting)"));
        }
    }

    private void pgbench(Database database, Path work) throws Exception {
        Optional<Path> pgbench = Pgbench.find();
        if (pgbench.isEmpty()) {
            results.notMeasured.add("pgbench: not on the PATH (Debian: apt-get install postgresql-client)");
            log("pgbench: not found, skipped");
            return;
        }
        log(String.format("pgbench: preparing %,d aggregates × 5 events", options.pgbenchAggregates()));
        Pgbench bench = Pgbench.prepare(pgbench.get(), database, work, options.pgbenchAggregates(), 5);
        Path logFile = work.resolve("logs/pgbench.log");
        for (int clients : BenchOptions.CLIENTS) {
            pgbenchRun(bench, clients, true, logFile);
        }
        bench.dropAuditTriggers();
        pgbenchRun(bench, 16, false, logFile);
    }

    private void pgbenchRun(Pgbench bench, int clients, boolean triggers, Path logFile) {
        Meter.Measured<Pgbench.Result> run = meter.measure(() -> bench.run(clients, options.phaseSeconds(), triggers, logFile),
                1500);
        results.pgbench.add(new Results.PgbenchRun(run.result(), run.cpuCores()));
        log(String.format("  %d client(s), %s: %.0f TPS; CPU cores %s", clients,
                triggers ? "V3 trigger and indexes" : "V1 table only", run.result().tps(), run.cpuCores()));
    }

    /** {@code --only rebuild}: the seeded store, its raw read and the rebuild, nothing else. */
    private void seedAndRebuild(Database database, Path work) throws Exception {
        seed(database);
        startApps("after seeding", database);
        checkSeededEvent(database);
        rawRead(database);
        rebuild(database, work);
    }

    private void seed(Database database) throws SQLException {
        log("Apps: stopping, to seed the store behind their backs");
        system.stopApps();
        log(String.format("Seeding %,d OrderPlaced events and a %,d-event product", options.seedOrders(),
                options.longStreamEvents()));
        long start = System.nanoTime();
        try (Connection connection = database.connect(Database.APP_DATABASE)) {
            EventSeeder.seedOrders(connection, options.seedOrders(), done -> log(String.format("  %,d orders", done)));
            EventSeeder.seedLongStream(connection, LONG_SKU, options.longStreamEvents());
            int moved = EventSeeder.fastForwardTokens(connection);
            try (Statement sql = connection.createStatement()) {
                sql.execute("VACUUM ANALYZE events.domain_event_entry");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long seeded = options.seedOrders() + options.longStreamEvents();
            results.seeding = new Results.Seeding(options.seedOrders(), options.longStreamEvents(), seconds,
                    seeded / seconds, moved);
            log(String.format("  seeded in %.0f s; %d tokens moved to the head", seconds, moved));
        }
    }

    private void checkSeededEvent(Database database) throws SQLException {
        try (Connection connection = database.connect(Database.APP_DATABASE)) {
            String order = EventSeeder.anySeededOrder(connection);
            Http.Response stream = auditor.get(system.querySide().baseUrl() + "/api/audit/streams/" + order);
            results.seededEventCheck = "GET /api/audit/streams/" + order + " → " + stream.status() + " "
                    + (stream.body().length() > 300 ? stream.body().substring(0, 300) + "…" : stream.body());
            log("  " + results.seededEventCheck);
            if (!stream.ok() || !stream.body().contains("OrderPlaced")) {
                throw new IllegalStateException("The apps cannot read a seeded event: " + results.seededEventCheck);
            }
        }
    }

    private void rawRead(Database database) throws SQLException {
        try (Connection connection = database.connect(Database.APP_DATABASE)) {
            RawRead.readAll(connection, 1000); // once untimed, so both timed reads find the same cache
            for (int pageSize : List.of(1000, 100)) {
                log("Raw read: every event in global order, keyset pages of " + pageSize);
                RawRead.Result read = RawRead.readAll(connection, pageSize);
                results.rawRead.add(read);
                log(String.format("  %,d rows in %.1f s = %.0f rows/s", read.rows(), read.seconds(), read.rowsPerSecond()));
            }
        }
    }

    private void rebuild(Database database, Path work) throws Exception {
        long events = events(database);
        log(String.format("Rebuild: orders, %,d events in store", events));
        try (Connection connection = database.connect(Database.APP_DATABASE)) {
            StatementStats.reset(connection);
        }
        Instant begin = Instant.now();
        Meter.Measured<Rebuild.Result> run = meter.measure(() -> Rebuild.run(ops, system.projections().baseUrl(),
                "orders", events, Duration.ofMinutes(options.rebuildMinutes())));
        results.rebuild = new Results.RebuildRun(run.result(), run.cpuCores());
        log(String.format("  %s: %.0f s, %.0f events/s (steady %.0f); CPU cores %s",
                run.result().finished() ? "done" : "not done in " + options.rebuildMinutes() + " min", run.result().seconds(),
                run.result().eventsPerSecond(), run.result().steadyEventsPerSecond(), run.cpuCores()));
        profile("projections, orders rebuild", system.projections(), "rebuild", begin, Instant.now());
        try (Connection connection = database.connect(Database.APP_DATABASE)) {
            StatementStats.Row total = StatementStats.total(connection);
            long handled = run.result().events();
            results.rebuildStatements = new Results.Statements(handled, (double) total.calls() / handled,
                    total.totalMs() / handled, StatementStats.top(connection, 12));
            StatementStats.writeAll(connection, options.resultsDirectory().resolve("statements-orders-rebuild.tsv"),
                    handled, "event");
        }
    }

    /** Summarizes what the app's flight recording holds for the phase between {@code begin} and {@code end}. */
    private void profile(String name, AppProcess app, String recording, Instant begin, Instant end) {
        if (!options.profile()) {
            return;
        }
        Path file = options.workDirectory().toAbsolutePath().resolve(recording + ".jfr");
        if (!app.dumpRecording(file, begin, end) || !Files.isRegularFile(file)) {
            results.notMeasured.add("Profile '" + name + "': the recording could not be dumped (is jcmd in the JDK?)");
            return;
        }
        try {
            results.profiles.put(name, JfrSummary.of(file, begin, end));
        } catch (Exception e) {
            results.notMeasured.add("Profile '" + name + "': " + e);
        }
    }

    /** Events the read models parked as dead letters during the run, by processor. */
    private static Map<String, Long> deadLetters(Database database) {
        Map<String, Long> parked = new java.util.TreeMap<>();
        try (Connection connection = database.connect(Database.APP_DATABASE); Statement sql = connection.createStatement();
             java.sql.ResultSet rows = sql.executeQuery(
                     "SELECT processing_group, count(*) FROM read.dead_letter_entry GROUP BY processing_group")) {
            while (rows.next()) {
                parked.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            parked.put("could not count: " + e.getMessage(), -1L);
        }
        return parked;
    }

    private static long events(Database database) throws SQLException {
        try (Connection connection = database.connect(Database.APP_DATABASE)) {
            return EventSeeder.count(connection);
        }
    }

    static void log(String line) {
        System.out.printf("[bench %s] %s%n", java.time.LocalTime.now().format(CLOCK), line);
    }
}
