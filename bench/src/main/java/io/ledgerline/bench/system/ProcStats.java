package io.ledgerline.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time and memory of a process tree, read from Linux's {@code /proc}. Elsewhere every figure
 * is -1 and the harness says so instead of guessing.
 */
public final class ProcStats {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux the harness targets. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** CPU seconds (user + system) the process used, plus those of its children it has waited for. */
    public static double cpuSeconds(long pid) {
        String[] fields = statFields(pid);
        if (fields == null) {
            return -1;
        }
        // Field numbers as in proc(5), minus 3: fields[0] is the state (field 3).
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds the JVM's JIT compiler threads ({@code C1/C2 CompilerThread}) have used: while they
     * are busy, the JVM is not warm yet and its figures are not yet its steady state.
     */
    public static double jitCpuSeconds(long pid) {
        double total = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String name = Files.readString(task.resolve("comm")).trim();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                    total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return total;
    }

    /** CPU seconds the whole machine has been busy (all cores, every process), from the first line of /proc/stat. */
    public static double machineBusySeconds() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] cpu = lines.findFirst().orElseThrow().trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
                busy += Long.parseLong(cpu[field]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds of a process and of all its live descendants (PostgreSQL's backends). */
    public static double treeCpuSeconds(long pid) {
        double total = Math.max(0, cpuSeconds(pid));
        for (long child : descendants(pid)) {
            total += Math.max(0, cpuSeconds(child));
        }
        return total;
    }

    /** Resident set size now, in MiB. */
    public static double rssMiB(long pid) {
        return statusKiB(pid, "VmRSS:") / 1024.0;
    }

    /** The highest resident set size the process ever had ("high water mark"), in MiB. */
    public static double peakRssMiB(long pid) {
        return statusKiB(pid, "VmHWM:") / 1024.0;
    }

    /**
     * Proportional set size of a process tree in MiB: shared pages (PostgreSQL's shared buffers)
     * are divided among the processes that map them, so the sum does not count them many times.
     */
    public static double treePssMiB(long pid) {
        double total = Math.max(0, pssKiB(pid));
        for (long child : descendants(pid)) {
            total += Math.max(0, pssKiB(child));
        }
        return total / 1024.0;
    }

    private static List<Long> descendants(long pid) {
        return ProcessHandle.of(pid).map(handle -> handle.descendants().map(ProcessHandle::pid).toList())
                .orElse(List.of());
    }

    private static double pssKiB(long pid) {
        return kiB(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
    }

    private static double statusKiB(long pid, String key) {
        return kiB(Path.of("/proc", Long.toString(pid), "status"), key);
    }

    private static double kiB(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key))
                    .mapToDouble(line -> Double.parseDouble(line.substring(key.length()).trim().split("\\s+")[0]))
                    .findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may contain spaces.
            return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
