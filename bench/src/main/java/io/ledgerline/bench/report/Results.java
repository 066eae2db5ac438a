package io.ledgerline.bench.report;

import io.ledgerline.bench.db.Pgbench;
import io.ledgerline.bench.db.RawRead;
import io.ledgerline.bench.db.StatementStats;
import io.ledgerline.bench.load.ClosedLoop;
import io.ledgerline.bench.load.EndToEnd;
import io.ledgerline.bench.load.LongStream;
import io.ledgerline.bench.ops.Projections;
import io.ledgerline.bench.ops.Rebuild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, written as results.json as it stands (public fields, so the JSON
 * is the same shape as this class) and rendered as results.md.
 */
public final class Results {

    /** The store as the run starts (setup and warm-up events only), and after the seeding. */
    public static final String SMALL_STORE = "small";
    public static final String LARGE_STORE = "large";

    public String startedAt;
    public double totalMinutes;
    public Map<String, Object> machine = new LinkedHashMap<>();
    public Map<String, String> postgres = new LinkedHashMap<>();
    public Map<String, Object> settings = new LinkedHashMap<>();
    public List<StartUp> startUp = new ArrayList<>();
    public List<WarmUp> warmUps = new ArrayList<>();
    public List<Throughput> throughput = new ArrayList<>();
    /** Backlogs the read side had to work off before a phase could start. */
    public List<Projections.CatchUp> catchUps = new ArrayList<>();
    public Statements statements;
    public EndToEndRun endToEnd;
    public EndToEndRun endToEndLight;
    public io.ledgerline.bench.load.Fulfilment.Result fulfilment;
    public List<PgbenchRun> pgbench = new ArrayList<>();
    public Seeding seeding;
    public String seededEventCheck;
    public List<RawRead.Result> rawRead = new ArrayList<>();
    public RebuildRun rebuild;
    /** Database time during the rebuild, per event of the store (all apps, mostly the rebuild). */
    public Statements rebuildStatements;
    public LongStream.Result longStream;
    /** The stock-Axon peer on the same 16-client load, and on a long-lived product. */
    public PeerRun stockAxon;
    public Map<String, Double> peakRssMiB = new LinkedHashMap<>();
    public double postgresPeakPssMiB;
    /** Errors in the PostgreSQL server log over the whole run (write conflicts, deadlocks), by message. */
    public Map<String, Long> postgresErrors = new LinkedHashMap<>();
    /** Events parked in the read side's dead-letter queue by the end of the run, by processor. */
    public Map<String, Long> deadLetters = new LinkedHashMap<>();
    public Map<String, JfrSummary.Summary> profiles = new LinkedHashMap<>();
    public List<String> notMeasured = new ArrayList<>();
    public List<Target> targets = new ArrayList<>();

    /** A warm-up: how long it ran and how busy the JIT compilers still were in its last round (cores). */
    public record WarmUp(String when, double seconds, double jitCoresAtEnd) {
    }

    /** Start-up of one app: from spawning its JVM to its first ready answer, and Spring's own figure. */
    public record StartUp(String when, String app, long eventsInStore, double readySeconds, double springSeconds) {
    }

    /**
     * One closed-loop run with what each process used meanwhile: CPU in cores (1.0 = one core busy
     * all the time), the highest memory sampled (RSS; PSS for PostgreSQL) and how many events the
     * slowest read model was behind when the run ended.
     */
    public record Throughput(String store, long eventsInStore, ClosedLoop.Result run, Map<String, Long> readSideLagAfter,
                             Map<String, Double> cpuCores, Map<String, Double> memoryMiB) {
    }

    /** Database time during a phase per unit of work (a command, or an event for the rebuild). */
    public record Statements(long commands, double statementsPerCommand, double dbExecMsPerCommand,
                             List<StatementStats.Row> top) {
    }

    /** A pgbench run; its own CPU counts as the load generator's (pgbench is the harness's child process). */
    public record PgbenchRun(Pgbench.Result run, Map<String, Double> cpuCores) {
    }

    public record EndToEndRun(EndToEnd.Result run, Map<String, Double> cpuCores) {
    }

    public record Seeding(long orders, int longStreamEvents, double seconds, double eventsPerSecond, int tokensMoved) {
    }

    public record RebuildRun(Rebuild.Result run, Map<String, Double> cpuCores) {
    }

    /** The stock-Axon peer's 16-client run, what each process used meanwhile, and its long-stream commands. */
    public record PeerRun(ClosedLoop.Result run, Map<String, Double> cpuCores, LongStream.Result longStream) {
    }

    /** A target from the issue, what was measured, and whether it was met. */
    public record Target(String target, String measured, String verdict) {
    }

    public Throughput throughputAt(String store, int clients) {
        return throughput.stream().filter(t -> t.store().equals(store) && t.run().clients() == clients).findFirst()
                .orElse(null);
    }

    public Pgbench.Result pgbenchAt(int clients, boolean triggers) {
        return pgbench.stream().map(PgbenchRun::run).filter(p -> p.clients() == clients && p.triggers() == triggers)
                .findFirst().orElse(null);
    }
}
