package io.ledgerline.bench.report;

import io.ledgerline.bench.db.Pgbench;
import io.ledgerline.bench.db.RawRead;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Renders the results as Markdown tables, and works out the targets of the issue from them. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** Compares the results with the targets and records the verdicts in {@code results.targets}. */
    public static void judge(Results results) {
        results.targets.clear();
        Results.Throughput ours = results.throughputAt(Results.SMALL_STORE, 16);
        Pgbench.Result limit = results.pgbenchAt(16, true);
        if (ours != null && limit != null && limit.tps() > 0) {
            double ratio = ours.run().commandsPerSecond() / limit.tps();
            results.targets.add(new Results.Target("REST commands at 16 clients ≥ 0.25 × pgbench (read 5 + append 1)",
                    String.format("%.0f / %.0f = %.3f×", ours.run().commandsPerSecond(), limit.tps(), ratio),
                    verdict(ratio >= 0.25, String.format("missed by %.1f×", 0.25 / ratio))));
        }
        if (ours != null && results.stockAxon != null && results.stockAxon.run().commandsPerSecond() > 0) {
            double peer = results.stockAxon.run().commandsPerSecond();
            double ratio = ours.run().commandsPerSecond() / peer;
            results.targets.add(new Results.Target("REST commands at 16 clients ≥ 2 × stock Axon on the same load",
                    String.format("%.0f / %.0f = %.2f×", ours.run().commandsPerSecond(), peer, ratio),
                    verdict(ratio >= 2, String.format("missed by %.1f×", 2 / ratio))));
        }
        if (ours != null) {
            double perCommand = 1000 * ours.cpuCores().getOrDefault("command-side", Double.NaN) / ours.run().commandsPerSecond();
            results.targets.add(new Results.Target("Command-side CPU per command at 16 clients ≤ 1.0 ms",
                    String.format("%.2f ms", perCommand),
                    verdict(perCommand <= 1.0, String.format("missed by %.1f×", perCommand))));
        }
        if (results.endToEnd != null) {
            double p99 = results.endToEnd.run().visibleAfter().p99Ms();
            double p50 = results.endToEnd.run().visibleAfter().p50Ms();
            results.targets.add(new Results.Target("End-to-end p99 ≤ 50 ms and p50 ≤ 10 ms at half load",
                    String.format("p50 %.0f ms, p99 %.0f ms at %.0f commands/s", p50, p99,
                            results.endToEnd.run().achievedPerSecond()),
                    verdict(p99 <= 50 && p50 <= 10, String.format("p50 %+.0f ms, p99 %+.0f ms", p50 - 10, p99 - 50))));
        }
        if (results.fulfilment != null && results.fulfilment.confirmedAfter().count() > 0) {
            double p50 = results.fulfilment.confirmedAfter().p50Ms();
            results.targets.add(new Results.Target("Automatic order placed → CONFIRMED visible, p50 ≤ 150 ms",
                    String.format("p50 %.0f ms, p99 %.0f ms (%d orders, %d not confirmed)", p50,
                            results.fulfilment.confirmedAfter().p99Ms(), results.fulfilment.orders(),
                            results.fulfilment.notConfirmed()),
                    verdict(p50 <= 150, String.format("missed by %.0f ms", p50 - 150))));
        }
        if (results.rebuild != null) {
            double rate = results.rebuild.run().eventsPerSecond();
            results.targets.add(new Results.Target("Rebuild of orders ≥ 50,000 events/s",
                    String.format("%.0f events/s (%,d events%s)", rate, results.rebuild.run().events(),
                            results.rebuild.run().finished() ? "" : ", rebuild not finished in the time allowed"),
                    verdict(rate >= 50_000, String.format("missed by %.1f×", 50_000 / rate))));
            double raw = results.rawRead.stream().mapToDouble(RawRead.Result::rowsPerSecond).max().orElse(Double.NaN);
            double ratio = rate / raw;
            results.targets.add(new Results.Target("Rebuild ≥ 0.3 × raw keyset read",
                    String.format("%.0f / %.0f = %.3f×", rate, raw, ratio),
                    verdict(ratio >= 0.3, String.format("missed by %.1f×", 0.3 / ratio))));
        }
        if (results.rebuildStatements != null) {
            double perEvent = results.rebuildStatements.statementsPerCommand();
            results.targets.add(new Results.Target("Statements per event during the rebuild well under 1",
                    String.format("%.2f statements per event", perEvent),
                    verdict(perEvent < 0.5, String.format("%.2f", perEvent))));
        }
        Results.Throughput small = results.throughputAt(Results.SMALL_STORE, 1);
        Results.Throughput large = results.throughputAt(Results.LARGE_STORE, 1);
        if (small != null && large != null) {
            double growth = large.run().latency().p50Ms() / small.run().latency().p50Ms();
            results.targets.add(new Results.Target("Flat command latency as the store grows (1 client, p50; ±20 %)",
                    String.format("%.2f ms at %,d events → %.2f ms at %,d events (%.2f×)", small.run().latency().p50Ms(),
                            small.eventsInStore(), large.run().latency().p50Ms(), large.eventsInStore(), growth),
                    verdict(growth <= 1.2, String.format("grew %.0f %%", 100 * (growth - 1)))));
        }
        if (results.longStream != null) {
            double longRatio = results.longStream.onLongStream().p50Ms() / results.longStream.onOrdinary().p50Ms();
            results.targets.add(new Results.Target("A command on a long-lived aggregate ≤ 2 × an ordinary one (p50)",
                    String.format("%.1f ms on a %,d-event aggregate vs %.1f ms (%.2f×)", results.longStream.onLongStream().p50Ms(),
                            results.longStream.longStreamEvents(), results.longStream.onOrdinary().p50Ms(), longRatio),
                    verdict(longRatio <= 2, String.format("%.1f× an ordinary command", longRatio))));
        }
    }

    private static String verdict(boolean met, String otherwise) {
        return met ? "met" : "missed (" + otherwise + ")";
    }

    public static String render(Results results) {
        StringBuilder md = new StringBuilder("# Ledgerline benchmark results\n\n");
        md.append("Run started ").append(results.startedAt).append(String.format(", took %.1f min. ", results.totalMinutes));
        md.append("Machine: ").append(results.machine).append(".  \nPostgreSQL: ").append(results.postgres)
                .append(".  \nSettings: ").append(results.settings).append(".\n\n");
        table(md, List.of("target", "measured", "verdict"), results.targets.stream()
                .map(t -> List.of(t.target(), t.measured(), t.verdict())).toList());
        md.append("\n## Command throughput over REST (mix of reserve-stock, place-order, capture-payment)\n\n");
        results.warmUps.forEach(w -> md.append(String.format("Warm-up (%s): %.0f s; JIT compilers at "
                + "%.2f cores in its last round.%n", w.when(), w.seconds(), w.jitCoresAtEnd())));
        md.append('\n');
        table(md, List.of("store", "events in store", "clients", "commands/s", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "failed", "read side behind after", "CPU cores: command / projections / query / postgres / load gen / other processes"),
                results.throughput.stream()
                .map(t -> List.of(t.store(), String.format("%,d", t.eventsInStore()), str(t.run().clients()),
                        num(t.run().commandsPerSecond(), 0), num(t.run().latency().p50Ms(), 1),
                        num(t.run().latency().p95Ms(), 1), num(t.run().latency().p99Ms(), 1),
                        num(t.run().latency().maxMs(), 0), t.run().failures().isEmpty() ? "0" : t.run().failures().toString(),
                        lagText(t.readSideLagAfter()), cores(t.cpuCores()))).toList());
        results.catchUps.forEach(c -> md.append(String.format("%nBefore a later phase, with read models behind by %s "
                + "events, orders/payments/inventory took %.1f s to catch up%s.", c.backlogEvents(), c.seconds(),
                c.caughtUp() ? "" : " (gave up waiting)")));
        md.append("\nBy command, 16 clients, small store (p50 / p99 ms): ");
        Results.Throughput sixteen = results.throughputAt(Results.SMALL_STORE, 16);
        if (sixteen != null) {
            sixteen.run().byKind().forEach((kind, s) -> md.append(String.format("%s %.1f / %.1f; ", kind, s.p50Ms(), s.p99Ms())));
        }
        md.append("\n\n## The database's own limit: pgbench, read an aggregate's events + append one\n\n");
        table(md, List.of("clients", "V3 audit trigger + indexes", "pgbench TPS", "avg latency ms", "REST commands/s",
                "ratio", "CPU cores: postgres / pgbench / other processes"), results.pgbench.stream().map(run -> {
                    Pgbench.Result p = run.run();
                    Results.Throughput t = results.throughputAt(Results.SMALL_STORE, p.clients());
                    double ours = t == null ? Double.NaN : t.run().commandsPerSecond();
                    return List.of(str(p.clients()), p.triggers() ? "yes" : "no", num(p.tps(), 0),
                            num(p.latencyAverageMs(), 2), num(ours, 0), num(ours / p.tps(), 3),
                            num(run.cpuCores().getOrDefault("postgres", Double.NaN), 2) + " / "
                                    + num(run.cpuCores().getOrDefault("load-generator", Double.NaN), 2) + " / "
                                    + num(run.cpuCores().getOrDefault("other processes", Double.NaN), 2));
                }).toList());
        cpuBudget(md, results);
        statements(md, "Database work per REST command at 16 clients", "command", results.statements);
        endToEnd(md, results);
        fulfilment(md, results);
        rebuild(md, results);
        growth(md, results);
        stockAxon(md, results);
        resources(md, results);
        profiles(md, results);
        md.append("\n## Not measured\n\n");
        results.notMeasured.forEach(item -> md.append("- ").append(item).append('\n'));
        return md.toString();
    }

    /**
     * On a machine where everything shares the same cores, throughput is bounded by the CPU each
     * unit of work costs: CPU milliseconds per command (or per pgbench transaction) by process.
     */
    private static void cpuBudget(StringBuilder md, Results results) {
        Results.Throughput ours = results.throughputAt(Results.SMALL_STORE, 16);
        Results.PgbenchRun theirs = results.pgbench.stream().filter(p -> p.run().clients() == 16 && p.run().triggers())
                .findFirst().orElse(null);
        if (ours == null) {
            return;
        }
        md.append("\nCPU per unit of work at 16 clients (ms of CPU time; the machine has ")
                .append(results.machine.get("nproc")).append(" cores):");
        ours.cpuCores().forEach((process, cores) -> md.append(String.format(" %s %.2f;", process,
                1000 * cores / ours.run().commandsPerSecond())));
        md.append(" per REST command");
        if (theirs != null) {
            md.append(String.format("; postgres %.2f and pgbench %.2f per pgbench transaction",
                    1000 * theirs.cpuCores().getOrDefault("postgres", Double.NaN) / theirs.run().tps(),
                    1000 * theirs.cpuCores().getOrDefault("load-generator", Double.NaN) / theirs.run().tps()));
        }
        md.append(".\n");
    }

    private static void statements(StringBuilder md, String title, String unit, Results.Statements s) {
        if (s == null) {
            return;
        }
        md.append(String.format("%n%s (pg_stat_statements, every app's SQL): %.1f statements, %.3f ms of execution "
                + "time per %s. Top statements by total time:%n%n", title, s.statementsPerCommand(), s.dbExecMsPerCommand(),
                unit));
        table(md, List.of("calls per " + unit, "total ms", "mean ms", "statement"), s.top().stream()
                .map(r -> List.of(num((double) r.calls() / Math.max(1, s.commands()), 2), num(r.totalMs(), 0),
                        num(r.meanMs(), 3), "`" + r.query().replace("|", "\\|") + "`")).toList());
    }

    private static void endToEnd(StringBuilder md, Results results) {
        if (results.endToEnd == null) {
            return;
        }
        md.append("\n## End-to-end latency (command answered → visible in the query API)\n\n");
        md.append("Open loop; each command's effect is read back with `?minVersion=` (the query side wakes when the ")
                .append("projections announce a committed batch).\n\n");
        table(md, List.of("load", "commands/s sent", "visible", "failed", "not visible in ~10 s", "command p50 / p99 ms",
                "visible after p50 ms", "p95 ms", "p99 ms", "max ms", "CPU cores"), Stream.of(
                        results.endToEnd, results.endToEndLight).filter(Objects::nonNull).map(run -> {
                    var e = run.run();
                    return List.of(num(e.commandsPerSecond(), 0) + "/s asked", num(e.achievedPerSecond(), 0),
                            str(e.completed()), str(e.failedCommands()), str(e.notVisible()),
                            num(e.commandLatency().p50Ms(), 1) + " / " + num(e.commandLatency().p99Ms(), 1),
                            num(e.visibleAfter().p50Ms(), 0), num(e.visibleAfter().p95Ms(), 0),
                            num(e.visibleAfter().p99Ms(), 0), num(e.visibleAfter().maxMs(), 0), cores(run.cpuCores()));
                }).toList());
        results.endToEnd.run().visibleAfterByKind().forEach((kind, s) -> md.append(String.format(
                "- at half load, %s: visible after p50 %.0f, p99 %.0f ms%n", kind, s.p50Ms(), s.p99Ms())));
    }

    private static void fulfilment(StringBuilder md, Results results) {
        if (results.fulfilment == null) {
            return;
        }
        var f = results.fulfilment;
        md.append("\n## Automatic order (placed with a payment-method token → CONFIRMED in the query API)\n\n");
        md.append("One client, one order at a time; three hops of the fulfilment process (reserve, authorize, confirm), ")
                .append("then the projection of the confirmation, read back with `?minVersion=1`.\n\n");
        table(md, List.of("orders", "failed", "not confirmed", "p50 ms", "p95 ms", "p99 ms", "max ms"), List.of(List.of(
                str(f.orders()), str(f.failedCommands()), str(f.notConfirmed()), num(f.confirmedAfter().p50Ms(), 0),
                num(f.confirmedAfter().p95Ms(), 0), num(f.confirmedAfter().p99Ms(), 0),
                num(f.confirmedAfter().maxMs(), 0))));
    }

    private static void rebuild(StringBuilder md, Results results) {
        md.append("\n## Rebuild speed\n\n");
        if (results.seeding != null) {
            var s = results.seeding;
            md.append(String.format("Seeded %,d OrderPlaced events and a %,d-event product in SQL in %.0f s (%.0f events/s); "
                    + "moved %d processor tokens past them. Check: %s%n%n", s.orders(), s.longStreamEvents(), s.seconds(),
                    s.eventsPerSecond(), s.tokensMoved(), results.seededEventCheck));
        }
        table(md, List.of("reader", "events", "seconds", "events/s"), results.rawRead.stream()
                .map(r -> List.of("raw JDBC keyset read, page " + r.pageSize(), String.format("%,d", r.rows()),
                        num(r.seconds(), 1), num(r.rowsPerSecond(), 0))).toList());
        if (results.rebuild != null) {
            var r = results.rebuild.run();
            md.append(r.finished()
                    ? String.format("| orders rebuild g%d → g%d, request to switch-over | %,d | %.1f | %.0f |%n",
                            r.fromGeneration(), r.toGeneration(), r.events(), r.seconds(), r.eventsPerSecond())
                    : String.format("| orders rebuild, NOT finished in the time allowed: position reached | %,d | %.1f | %.0f |%n",
                            r.events(), r.seconds(), r.eventsPerSecond()));
            md.append(String.format("| orders rebuild, steady progress only | | | %.0f |%n", r.steadyEventsPerSecond()));
            md.append("\nCPU cores during the rebuild: ").append(cores(results.rebuild.cpuCores())).append(".\n");
            statements(md, "Database work per event during the rebuild", "event", results.rebuildStatements);
        }
    }

    private static void growth(StringBuilder md, Results results) {
        md.append("\n## Cost growth\n\n");
        if (results.longStream != null) {
            var l = results.longStream;
            md.append(String.format("Reserve-stock one at a time (snapshots as the command side is configured): on `%s` (%,d events) p50 %.1f ms, "
                            + "p99 %.1f ms; on an ordinary product p50 %.1f ms. Replaying the long stream costs about %.0f ms "
                            + "per command.%n", l.longAggregate(), l.longStreamEvents(), l.onLongStream().p50Ms(),
                    l.onLongStream().p99Ms(), l.onOrdinary().p50Ms(), l.replayMs()));
        }
    }

    private static void stockAxon(StringBuilder md, Results results) {
        Results.PeerRun peer = results.stockAxon;
        if (peer == null) {
            return;
        }
        md.append("\n## Stock Axon peer (bench/stock-axon)\n\n");
        md.append("The same aggregates behind the same REST paths on Axon's defaults (event-sourcing repository without "
                + "cache or snapshots, JDBC store, Jackson serializer), and nothing else: no security, idempotency, hash "
                + "chain, metrics or tracing. Same load, same warm-up, in this run, on its own database of the same "
                + "server; the product's apps idle meanwhile.\n\n");
        Results.Throughput ours = results.throughputAt(Results.SMALL_STORE, 16);
        table(md, List.of("16 clients", "commands/s", "p50 ms", "p99 ms", "failed", "app CPU ms per command",
                "postgres CPU ms per command"), java.util.stream.Stream.of(
                        ours == null ? null : List.of("Ledgerline", num(ours.run().commandsPerSecond(), 0),
                                num(ours.run().latency().p50Ms(), 1), num(ours.run().latency().p99Ms(), 1),
                                ours.run().failures().isEmpty() ? "0" : ours.run().failures().toString(),
                                perCommand(ours.cpuCores(), "command-side", ours.run()),
                                perCommand(ours.cpuCores(), "postgres", ours.run())),
                        List.of("stock Axon", num(peer.run().commandsPerSecond(), 0), num(peer.run().latency().p50Ms(), 1),
                                num(peer.run().latency().p99Ms(), 1),
                                peer.run().failures().isEmpty() ? "0" : peer.run().failures().toString(),
                                perCommand(peer.cpuCores(), "stock-axon", peer.run()),
                                perCommand(peer.cpuCores(), "postgres", peer.run())))
                .filter(java.util.Objects::nonNull).toList());
        var l = peer.longStream();
        md.append(String.format("%nReserve-stock one at a time on the peer: on a %,d-event product p50 %.1f ms, on an "
                        + "ordinary one p50 %.1f ms (%.1f×).%n", l.longStreamEvents(), l.onLongStream().p50Ms(),
                l.onOrdinary().p50Ms(), l.onLongStream().p50Ms() / l.onOrdinary().p50Ms()));
        if (results.longStream != null) {
            md.append(String.format("Ledgerline on its %,d-event product: p50 %.1f ms, ordinary %.1f ms (%.1f×).%n",
                    results.longStream.longStreamEvents(), results.longStream.onLongStream().p50Ms(),
                    results.longStream.onOrdinary().p50Ms(),
                    results.longStream.onLongStream().p50Ms() / results.longStream.onOrdinary().p50Ms()));
        }
        md.append("CPU cores during the peer's run (").append(String.join(" / ", peer.cpuCores().keySet())).append("): ")
                .append(cores(peer.cpuCores())).append(".\n");
    }

    private static String perCommand(Map<String, Double> cores, String process, io.ledgerline.bench.load.ClosedLoop.Result run) {
        return num(1000 * cores.getOrDefault(process, Double.NaN) / run.commandsPerSecond(), 2);
    }

    private static void resources(StringBuilder md, Results results) {
        md.append("\n## Start-up and memory\n\n");
        table(md, List.of("when", "app", "events in store", "spawn → ready s", "Spring context s"), results.startUp.stream()
                .map(s -> List.of(s.when(), s.app(), String.format("%,d", s.eventsInStore()), num(s.readySeconds(), 1),
                        num(s.springSeconds(), 1))).toList());
        md.append("\nPeak RSS over the whole run (VmHWM), MiB: ").append(results.peakRssMiB)
                .append(String.format("; PostgreSQL, highest PSS sampled over all its processes: %.0f MiB.%n",
                        results.postgresPeakPssMiB));
        md.append("\nErrors in the PostgreSQL log over the run (all phases, pgbench included): ")
                .append(results.postgresErrors.isEmpty() ? "none" : results.postgresErrors)
                .append(". Events parked as dead letters by the read side at the end: ")
                .append(results.deadLetters.isEmpty() ? "none" : results.deadLetters).append(".\n");
    }

    private static void profiles(StringBuilder md, Results results) {
        results.profiles.forEach((name, profile) -> {
            md.append("\n## Profile: ").append(name).append("\n\n");
            md.append(String.format("%d samples; JVM CPU %.0f %%, machine CPU %.0f %% (of all cores); GC %d collections, "
                            + "%.0f ms paused.%n%nCPU by library: %s%n%nCPU by thread: %s%n%nCost centers (%% of samples "
                            + "with it on the stack): %s%n%nHottest methods: %s%n",
                    profile.samples(), profile.jvmCpuPercent(), profile.machineCpuPercent(), profile.gcCount(),
                    profile.gcPauseMs(), profile.byLibraryPercent(), first(profile.byThreadPercent(), 8),
                    profile.costCentersPercent(), first(profile.hotMethodsPercent(), 8)));
        });
    }

    private static Map<String, Double> first(Map<String, Double> map, int n) {
        Map<String, Double> top = new java.util.LinkedHashMap<>();
        map.entrySet().stream().limit(n).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static String lagText(Map<String, Long> lags) {
        StringBuilder text = new StringBuilder();
        lags.forEach((model, lag) -> {
            if (lag > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(model).append(' ').append(String.format("%,d", lag));
            }
        });
        return text.length() == 0 ? "0" : text.toString();
    }

    private static String cores(Map<String, Double> cpu) {
        if (cpu == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        cpu.forEach((name, value) -> text.append(text.length() == 0 ? "" : " / ").append(num(value, 2)));
        return text.toString();
    }

    private static void table(StringBuilder md, List<String> header, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
    }

    private static String str(long value) {
        return Long.toString(value);
    }

    static String num(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format("%,." + decimals + "f", value);
    }
}
