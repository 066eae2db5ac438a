package io.ledgerline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ledgerline.bench.report.LatencyChart;
import io.ledgerline.bench.report.MarkdownReport;
import io.ledgerline.bench.report.Results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes a run's results: results.json, results.md (also printed), latency.png and the profiles as text. */
final class ResultsWriter {

    private ResultsWriter() {
    }

    static void write(Results results, Path directory, Path work) throws IOException {
        Files.createDirectories(directory);
        MarkdownReport.judge(results);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("results.json").toFile(), results);
        String markdown = MarkdownReport.render(results);
        Files.writeString(directory.resolve("results.md"), markdown);
        results.profiles.forEach((name, profile) -> {
            try {
                Files.writeString(directory.resolve("profile-" + name.replaceAll("[^a-z0-9]+", "-") + ".txt"),
                        profile.text());
            } catch (IOException e) {
                BenchMain.log("Could not write the profile " + name + ": " + e);
            }
        });
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        results.throughput.forEach(t -> series.put(String.format("command, %d client(s), %s store", t.run().clients(),
                t.store()), t.run().latency().cdf()));
        if (results.endToEnd != null) {
            series.put("visible after, half load", results.endToEnd.run().visibleAfter().cdf());
        }
        if (results.endToEndLight != null) {
            series.put("visible after, light load", results.endToEndLight.run().visibleAfter().cdf());
        }
        if (!series.isEmpty()) {
            LatencyChart.write(directory.resolve("latency.png"), "Ledgerline latency by percentile", series);
        }
        System.out.println();
        System.out.println(markdown);
        BenchMain.log("Results in " + directory.toAbsolutePath() + "; logs and recordings in " + work);
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
