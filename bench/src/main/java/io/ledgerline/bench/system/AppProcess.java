package io.ledgerline.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One app in its own JVM, as in production: started from the launcher's jar with Spring Boot's
 * {@code PropertiesLauncher} and the app's own main class, logging to a file.
 */
public final class AppProcess implements AutoCloseable {

    private static final String RECORDING = "bench";
    private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final long spawnedAt;
    private double readySeconds = -1;

    private AppProcess(String name, int port, Process process, Path log, long spawnedAt) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.spawnedAt = spawnedAt;
    }

    /** Starts {@code mainClass} from {@code jar}; {@code environment} adds to the harness's own. */
    public static AppProcess start(String name, String mainClass, Path jar, int port, Map<String, String> environment,
                                   List<String> jvmOptions, Path logDirectory) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dloader.main=" + mainClass);
        command.add("-cp");
        command.add(jar.toString());
        command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        command.add("--server.port=" + port);
        Path log = logDirectory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(logDirectory.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            long spawnedAt = System.nanoTime();
            return new AppProcess(name, port, builder.start(), log, spawnedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Waits until the app reports itself ready; the time from spawning the JVM to that is its start-up time. */
    public AppProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(readiness, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    readySeconds = (System.nanoTime() - spawnedAt) / 1e9;
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(50);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Seconds from spawning the JVM to the first ready answer (-1 before). */
    public double readySeconds() {
        return readySeconds;
    }

    /** What Spring Boot logged as its own start-up time (the context, without JVM start), -1 if not found. */
    public double springStartedSeconds() {
        try {
            Matcher started = STARTED.matcher(Files.readString(log));
            double last = -1;
            while (started.find()) {
                last = Double.parseDouble(started.group(1));
            }
            return last;
        } catch (IOException e) {
            return -1;
        }
    }

    public Path log() {
        return log;
    }

    /**
     * The JVM option that records the app with Java Flight Recorder from its start, with the JDK's
     * "default" settings (about one per cent overhead). Starting a recording later, mid-run, makes
     * the JVM recompile a lot of code, which on two cores costs more than the recording itself.
     */
    public static String recordingOption() {
        return "-XX:StartFlightRecording=name=" + RECORDING + ",settings=default,maxage=3h";
    }

    /** Writes what the recording holds between {@code begin} and {@code end} to {@code file}; false without jcmd. */
    public boolean dumpRecording(Path file, Instant begin, Instant end) {
        return jcmd("JFR.dump", "name=" + RECORDING, "filename=" + file.toAbsolutePath(), "begin=" + begin, "end=" + end);
    }

    private boolean jcmd(String... arguments) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return false;
        }
        List<String> command = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid())));
        command.addAll(List.of(arguments));
        try {
            Process run = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return run.waitFor(60, TimeUnit.SECONDS) && run.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the app gracefully (SIGTERM), and forcibly if it takes longer than half a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
