package io.ledgerline.bench.report;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a Java Flight Recording and says where the CPU time went: the hottest methods, the
 * libraries that spent it (JDK frames are charged to the library that called the JDK), the
 * application and Axon methods that were on the stack most often, what threads waited for in
 * native code, garbage collection and lock contention.
 */
public final class JfrSummary {

    private static final List<String> LIBRARIES = List.of("io.ledgerline", "org.axonframework", "org.postgresql",
            "com.fasterxml.jackson", "org.springframework", "org.apache", "com.zaxxer", "org.hibernate",
            "com.github.kagkarlsson", "io.micrometer", "org.flywaydb");
    private static final List<String> INCLUSIVE_OF = List.of("io.ledgerline", "org.axonframework");
    /** Places worth knowing the cost of, as (label, part of a frame's class and method name). */
    private static final Map<String, String> COST_CENTERS = costCenters();

    private JfrSummary() {
    }

    private static Map<String, String> costCenters() {
        Map<String, String> centers = new LinkedHashMap<>();
        centers.put("aggregate load (EventSourcingRepository.doLoadWithLock)", "EventSourcingRepository.doLoadWithLock");
        centers.put("event append (AbstractEventStorageEngine.appendEvents)", "AbstractEventStorageEngine.appendEvents");
        centers.put("hash chain (HashChainInterceptor)", "HashChainInterceptor.");
        centers.put("hash chain: reading the previous event", "HashChainInterceptor.storedHashBefore");
        centers.put("JWT decoding and signature check (NimbusJwtDecoder)", "NimbusJwtDecoder.");
        centers.put("OpenTelemetry", "io.opentelemetry.");
        centers.put("idempotency store (IdempotencyStore)", "IdempotencyStore.");
        centers.put("write position lookup (WritePositions)", "WritePositions.");
        centers.put("Axon handler time limit: stack capture (AxonTimeLimitedTask.start)", "AxonTimeLimitedTask.start");
        centers.put("meter lookups per command (Timer.Builder.register)", "Timer$Builder.register");
        centers.put("bean validation (Hibernate Validator)", "org.hibernate.validator.");
        centers.put("Jackson serialization of messages (JacksonSerializer)", "JacksonSerializer.");
        centers.put("JSON of HTTP bodies (Spring message converters)", "AbstractJackson2HttpMessageConverter.");
        centers.put("transaction commit (Spring)", "AbstractPlatformTransactionManager.commit");
        centers.put("read-model handlers (BatchingEventHandler)", "BatchingEventHandler.handle");
        centers.put("read-model batch writes (RowWrites.flush)", "RowWrites.flush");
        centers.put("dead-letter queue checks (JdbcSequencedDeadLetterQueue)", "JdbcSequencedDeadLetterQueue.");
        centers.put("token store (JdbcTokenStore)", "JdbcTokenStore.");
        centers.put("event reading (JdbcEventStorageEngine.fetchTrackedEvents)", "JdbcEventStorageEngine.fetchTrackedEvents");
        centers.put("event deserialization (Jackson readValue)", "ObjectMapper.readValue");
        return centers;
    }

    /** The key figures, and the full text for the results directory. */
    public record Summary(long samples, Map<String, Double> byLibraryPercent, Map<String, Double> hotMethodsPercent,
                          Map<String, Double> onStackPercent, Map<String, Long> nativeWaits,
                          Map<String, Double> byThreadPercent, Map<String, Double> costCentersPercent,
                          Map<String, Double> micrometerByCallerPercent,
                          double gcPauseMs,
                          long gcCount, double jvmCpuPercent, double machineCpuPercent,
                          @com.fasterxml.jackson.annotation.JsonIgnore String text) {
    }

    /** Summarizes the events of {@code recording} that started between {@code begin} and {@code end}. */
    public static Summary of(Path recording, Instant begin, Instant end) throws IOException {
        Map<String, Long> hot = new HashMap<>();
        Map<String, Long> library = new HashMap<>();
        Map<String, Long> onStack = new HashMap<>();
        Map<String, Long> nativeWaits = new HashMap<>();
        Map<String, Double> contention = new HashMap<>();
        Map<String, Double> threads = new HashMap<>();
        Map<String, Long> centers = new HashMap<>();
        Map<String, Long> micrometerCallers = new HashMap<>();
        long samples = 0;
        long gcCount = 0;
        double gcPause = 0;
        double jvmCpu = 0;
        double machineCpu = 0;
        long cpuReadings = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getStartTime().isBefore(begin) || event.getStartTime().isAfter(end)) {
                continue;
            }
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    hot.merge(method(stack.getFrames().get(0)), 1L, Long::sum);
                    String spentIn = libraryOf(stack);
                    library.merge(spentIn, 1L, Long::sum);
                    if (spentIn.equals("io.micrometer")) {
                        micrometerCallers.merge(callerOutside(stack, "io.micrometer"), 1L, Long::sum);
                    }
                    Set<String> seen = new HashSet<>();
                    Set<String> centersSeen = new HashSet<>();
                    for (RecordedFrame frame : stack.getFrames()) {
                        String method = method(frame);
                        COST_CENTERS.forEach((label, marker) -> {
                            if (method.contains(marker) && centersSeen.add(label)) {
                                centers.merge(label, 1L, Long::sum);
                            }
                        });
                        if (INCLUSIVE_OF.stream().anyMatch(method::startsWith) && seen.add(method)) {
                            onStack.merge(method, 1L, Long::sum);
                        }
                    }
                }
                case "jdk.NativeMethodSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        nativeWaits.merge(method(stack.getFrames().get(0)) + " ← " + libraryOf(stack), 1L, Long::sum);
                    }
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    gcPause += event.getDuration("sumOfPauses").toNanos() / 1e6;
                }
                case "jdk.CPULoad" -> {
                    jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    machineCpu += event.getFloat("machineTotal");
                    cpuReadings++;
                }
                case "jdk.ThreadCPULoad" -> {
                    if (event.getThread("eventThread") != null) {
                        threads.merge(threadGroup(event.getThread("eventThread").getJavaName()),
                                (double) event.getFloat("user") + event.getFloat("system"), Double::sum);
                    }
                }
                case "jdk.JavaMonitorEnter" -> contention.merge(event.getClass("monitorClass").getName() + " in "
                        + firstNonJdk(event.getStackTrace()), millis(event.getDuration()), Double::sum);
                default -> {
                }
            }
        }
        double jvmPercent = cpuReadings == 0 ? Double.NaN : 100 * jvmCpu / cpuReadings;
        double machinePercent = cpuReadings == 0 ? Double.NaN : 100 * machineCpu / cpuReadings;
        Map<String, Double> libraries = percentages(library, samples, 12);
        Map<String, Double> hotMethods = percentages(hot, samples, 20);
        Map<String, Double> stacks = percentages(onStack, samples, 30);
        Map<String, Double> costCenters = percentages(centers, samples, COST_CENTERS.size());
        Map<String, Long> waits = top(nativeWaits, 10);
        StringBuilder text = new StringBuilder();
        text.append("Execution samples: ").append(samples).append('\n');
        text.append(String.format("CPU (JFR jdk.CPULoad averages): this JVM %.0f%%, whole machine %.0f%% (100%% = all cores)%n",
                jvmPercent, machinePercent));
        text.append(String.format("GC: %d collections, %.0f ms of pauses%n", gcCount, gcPause));
        section(text, "CPU by library (JDK frames charged to their caller)", libraries);
        section(text, "Hottest methods (self time)", hotMethods);
        section(text, "Micrometer's own time, by the code that called it", percentages(micrometerCallers, samples, 10));
        section(text, "Cost centers (inclusive: samples with the place anywhere on the stack)", costCenters);
        section(text, "Ledgerline and Axon methods on the stack (inclusive)", stacks);
        double threadTotal = threads.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> threadShares = new LinkedHashMap<>();
        threads.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
                .forEach(e -> threadShares.put(e.getKey(), Math.round(1000 * e.getValue() / threadTotal) / 10.0));
        section(text, "CPU by thread (jdk.ThreadCPULoad, Java threads only: JIT compilers yes, GC no)", threadShares);
        text.append("\n## Threads in native code (top frame ← library that called it), samples\n");
        waits.forEach((name, count) -> text.append(String.format("%8d  %s%n", count, name)));
        text.append("\n## Lock contention (JavaMonitorEnter, total ms)\n");
        contention.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .forEach(entry -> text.append(String.format("%10.0f  %s%n", entry.getValue(), entry.getKey())));
        return new Summary(samples, libraries, hotMethods, stacks, waits, threadShares, costCenters,
                percentages(micrometerCallers, samples, 10), gcPause, gcCount, jvmPercent,
                machinePercent, text.toString());
    }

    /** Thread names without their numbers, so that pools add up: "http-nio-8081-exec-#". */
    private static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("\\d+", "#");
    }

    private static void section(StringBuilder text, String title, Map<String, Double> percentages) {
        text.append("\n## ").append(title).append(", % of samples\n");
        percentages.forEach((name, percent) -> text.append(String.format("%6.1f  %s%n", percent, name)));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The library of the topmost frame that is not the JDK's own. */
    private static String libraryOf(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (String library : LIBRARIES) {
                if (type.startsWith(library)) {
                    return library;
                }
            }
            if (!isJdk(type)) {
                return type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : type;
            }
        }
        return "JDK only";
    }

    /** The first frame, from the top, that is neither the JDK's nor {@code library}'s: who called into it. */
    private static String callerOutside(RecordedStackTrace stack, String library) {
        return stack.getFrames().stream().map(JfrSummary::method)
                .filter(method -> !isJdk(method) && !method.startsWith(library)).findFirst().orElse("?");
    }

    private static String firstNonJdk(RecordedStackTrace stack) {
        if (stack == null) {
            return "?";
        }
        return stack.getFrames().stream().map(JfrSummary::method).filter(method -> !isJdk(method)).findFirst().orElse("JDK");
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("com.sun.");
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static Map<String, Double> percentages(Map<String, Long> counts, long total, int limit) {
        return top(counts, limit).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> Math.round(1000.0 * entry.getValue() / Math.max(1, total)) / 10.0, (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, Long> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
