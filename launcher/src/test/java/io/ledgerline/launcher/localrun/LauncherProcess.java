package io.ledgerline.launcher.localrun;

import io.ledgerline.launcher.LocalLauncher;
import io.ledgerline.testsupport.HttpJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * The README's local run ({@link LocalLauncher}) as a process of its own, as a user starts it:
 * embedded PostgreSQL in a data directory, the four apps, the printed banner. Its output is
 * kept, line by line, for the test to read.
 */
final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final Path dataDirectory;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;
    final int postgresPort;
    final int commandPort;
    final int projectionsPort;
    final int queryPort;
    final int mcpPort;

    private LauncherProcess(Path dataDirectory, int postgresPort, int[] appPorts) throws IOException {
        this.dataDirectory = dataDirectory;
        this.postgresPort = postgresPort;
        this.commandPort = appPorts[0];
        this.projectionsPort = appPorts[1];
        this.queryPort = appPorts[2];
        this.mcpPort = appPorts[3];
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                LocalLauncher.class.getName()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove("SPRING_DATASOURCE_URL");
        environment.put("LEDGERLINE_DATA_DIR", dataDirectory.toString());
        environment.put("LEDGERLINE_EMBEDDED_POSTGRES_PORT", Integer.toString(postgresPort));
        environment.put("LEDGERLINE_COMMAND_PORT", Integer.toString(commandPort));
        environment.put("LEDGERLINE_PROJECTIONS_PORT", Integer.toString(projectionsPort));
        environment.put("LEDGERLINE_QUERY_PORT", Integer.toString(queryPort));
        environment.put("LEDGERLINE_MCP_PORT", Integer.toString(mcpPort));
        process = builder.start();
        reader = new Thread(this::readOutput, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the local run on {@code dataDirectory} and waits for its banner. */
    static LauncherProcess start(Path dataDirectory) {
        try {
            LauncherProcess launcher = new LauncherProcess(dataDirectory, freePort(), new int[] {freePort(), freePort(), freePort(), freePort()});
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .until(() -> launcher.printed("Ledgerline is up") || !launcher.process.isAlive());
            if (!launcher.printed("Ledgerline is up")) {
                throw new IllegalStateException("The local run did not start:\n" + launcher.output());
            }
            return launcher;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpJson commands() {
        return new HttpJson("http://localhost:" + commandPort, null);
    }

    HttpJson queries() {
        return new HttpJson("http://localhost:" + queryPort, null);
    }

    /** A token from the local issuer for one of its built-in users (password {@code <name>-password}). */
    String token(String user) {
        HttpJson.Response response = commands().post("/auth/token",
                "{\"username\":\"" + user + "\",\"password\":\"" + user + "-password\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("No token for " + user + ": " + response);
        }
        return response.field("access_token");
    }

    boolean printed(String text) {
        return output.stream().anyMatch(line -> line.contains(text));
    }

    List<String> lines() {
        return List.copyOf(output);
    }

    String output() {
        return String.join("\n", output);
    }

    /** Everything the process printed, once it has exited and its output has been read to the end. */
    List<String> finalLines() throws InterruptedException {
        reader.join(Duration.ofSeconds(30).toMillis());
        return lines();
    }

    Process process() {
        return process;
    }

    /** The embedded server's processes: the postmaster (from its pid file) and every process it started. */
    List<ProcessHandle> postgresProcesses() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        List<ProcessHandle> processes = new ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(handle -> {
            processes.add(handle);
            handle.descendants().forEach(processes::add);
        });
        return processes;
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            // the process has gone; what it printed so far is kept
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
