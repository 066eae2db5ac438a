package io.ledgerline.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL and the three apps, each app in its own JVM (the production shape; the local
 * launcher's one-JVM mode would hide per-app memory and start-up). The apps can be stopped and
 * started again on the same database, for instance after events were added behind their backs.
 */
public final class SystemUnderTest implements AutoCloseable {

    private static final String LOAD_GENERATOR = "load-generator";
    /** The whole machine, every process on it; what is not ours is someone else's load. */
    public static final String MACHINE = "machine";

    private final Database database;
    private final Path appsJar;
    private final Path logDirectory;
    private final List<String> jvmOptions;
    private final int[] ports = {freePort(), freePort(), freePort()};
    private final List<AppProcess> apps = new ArrayList<>();
    /** The stock-Axon peer (bench/stock-axon) while it runs, beside the apps and counted like one. */
    private AppProcess peer;
    private final Map<String, Double> peakRss = new LinkedHashMap<>();

    public SystemUnderTest(Database database, Path appsJar, Path logDirectory, List<String> jvmOptions) {
        this.database = database;
        this.appsJar = appsJar;
        this.logDirectory = logDirectory;
        this.jvmOptions = jvmOptions;
    }

    /** Starts the apps in the launcher's order: the owner of each schema before its readers. */
    public synchronized void startApps() {
        if (!apps.isEmpty()) {
            throw new IllegalStateException("The apps are running already");
        }
        Map<String, String> environment = new LinkedHashMap<>(dataSource(Database.APP_DATABASE));
        environment.putAll(Map.of(
                // Local security mode: one signing key for the three apps, kept with the run.
                "LEDGERLINE_SECURITY_LOCAL_KEYFILE", logDirectory.resolveSibling("local-signing-key").toString(),
                // The per-caller limit (50/s) protects a shared deployment; the load generator is one
                // caller sending hundreds per second, so the limit is lifted (the filter still runs).
                "LEDGERLINE_RATELIMIT_COMMANDSPERSECOND", "1000000",
                "LEDGERLINE_RATELIMIT_BURST", "1000000"));
        Duration timeout = Duration.ofMinutes(3);
        apps.add(AppProcess.start("command-side", "io.ledgerline.command.CommandSideApplication", appsJar, ports[0],
                environment, jvmOptions, logDirectory).awaitReady(timeout));
        apps.add(AppProcess.start("projections", "io.ledgerline.projections.ProjectionsApplication", appsJar, ports[1],
                environment, jvmOptions, logDirectory).awaitReady(timeout));
        apps.add(AppProcess.start("query-side", "io.ledgerline.query.QuerySideApplication", appsJar, ports[2],
                environment, jvmOptions, logDirectory).awaitReady(timeout));
    }

    /** Stops the apps, newest first, and remembers how much memory each ever held. */
    public synchronized void stopApps() {
        for (AppProcess app : apps) {
            peakRss.merge(app.name(), ProcStats.peakRssMiB(app.pid()), Math::max);
        }
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).close();
        }
        apps.clear();
    }

    /** Starts the stock-Axon peer on a database of its own ({@code database}), with the apps' JVM options. */
    public synchronized AppProcess startPeer(Path jar, String databaseName) {
        if (peer != null) {
            throw new IllegalStateException("The peer is running already");
        }
        database.createDatabase(databaseName);
        Map<String, String> environment = new LinkedHashMap<>(dataSource(databaseName));
        // Axon's check for new versions would try the network at start-up.
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        peer = AppProcess.start("stock-axon", "io.ledgerline.bench.stockaxon.StockAxonApplication", jar, freePort(),
                environment, jvmOptions, logDirectory).awaitReady(Duration.ofMinutes(3));
        return peer;
    }

    private Map<String, String> dataSource(String databaseName) {
        return Map.of("SPRING_DATASOURCE_URL", database.jdbcUrl(databaseName),
                "SPRING_DATASOURCE_USERNAME", database.username(),
                "SPRING_DATASOURCE_PASSWORD", database.password());
    }

    public synchronized void stopPeer() {
        if (peer != null) {
            peakRss.merge(peer.name(), ProcStats.peakRssMiB(peer.pid()), Math::max);
            peer.close();
            peer = null;
        }
    }

    private List<AppProcess> running() {
        List<AppProcess> running = new ArrayList<>(apps);
        if (peer != null) {
            running.add(peer);
        }
        return running;
    }

    public Database database() {
        return database;
    }

    public AppProcess commandSide() {
        return apps.get(0);
    }

    public AppProcess projections() {
        return apps.get(1);
    }

    public AppProcess querySide() {
        return apps.get(2);
    }

    public List<AppProcess> apps() {
        return List.copyOf(apps);
    }

    /**
     * CPU seconds used so far by each app, by PostgreSQL (all its processes), by this load
     * generator, and by the machine as a whole.
     */
    public Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (AppProcess app : running()) {
            seconds.put(app.name(), ProcStats.cpuSeconds(app.pid()));
        }
        seconds.put("postgres", ProcStats.treeCpuSeconds(database.postmasterPid()));
        seconds.put(LOAD_GENERATOR, ProcStats.cpuSeconds(ProcessHandle.current().pid()));
        seconds.put(MACHINE, ProcStats.machineBusySeconds());
        return seconds;
    }

    /** CPU seconds the apps' JIT compilers have used so far, all apps together. */
    public double jitCpuSeconds() {
        return running().stream().mapToDouble(app -> Math.max(0, ProcStats.jitCpuSeconds(app.pid()))).sum();
    }

    /** Resident memory now, in MiB: each app's RSS, PostgreSQL's PSS over all its processes. */
    public Map<String, Double> memoryNow() {
        Map<String, Double> memory = new LinkedHashMap<>();
        for (AppProcess app : running()) {
            memory.put(app.name(), ProcStats.rssMiB(app.pid()));
        }
        memory.put("postgres", ProcStats.treePssMiB(database.postmasterPid()));
        memory.put(LOAD_GENERATOR, ProcStats.rssMiB(ProcessHandle.current().pid()));
        return memory;
    }

    /** The highest RSS each app process has had, over every start of it in this run. */
    public Map<String, Double> peakRssMiB() {
        Map<String, Double> peaks = new LinkedHashMap<>(peakRss);
        for (AppProcess app : running()) {
            peaks.merge(app.name(), ProcStats.peakRssMiB(app.pid()), Math::max);
        }
        return peaks;
    }

    @Override
    public void close() {
        stopPeer();
        stopApps();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
