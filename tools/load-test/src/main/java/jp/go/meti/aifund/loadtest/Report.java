package jp.go.meti.aifund.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The figures, each with its limit, and the machine they were measured on. */
final class Report {

    private final Path root;
    private final Duration run;
    private final List<String> rows = new ArrayList<>();
    private final List<String> footprint = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(Path root, Duration run) {
        this.root = root;
        this.run = run;
    }

    void add(String figure, double value, double limit, String limitIs) {
        rows.add(String.format("| %s | %,.1f | %,.1f | %s | **%.0f %%** |", figure, value, limit, limitIs,
                100 * value / limit));
    }

    /** Latency: the ratio is the limit's p99 over the measured p99 (higher is better, as for throughput). */
    void latency(String figure, double p50, double p99, double limitP50, double limitP99, String limitIs) {
        rows.add(String.format("| %s | %.1f / %.1f | %.1f / %.1f | %s | **%.0f %%** |",
                figure, p50, p99, limitP50, limitP99, limitIs, 100 * limitP99 / p99));
    }

    /** Footprint against the goal (no limit to measure it against): goal over measured, higher is better. */
    void footprint(String figure, double value, double goal) {
        footprint.add(String.format("| %s | %,.1f | %,.1f | **%.0f %%** |", figure, value, goal, 100 * goal / value));
    }

    void note(String note) {
        notes.add("- " + note);
        System.out.println("[bench] " + note);
    }

    String table() {
        return String.join("\n", List.of(
                "Measured " + LocalDate.now() + " at commit `" + git("rev-parse", "--short", "HEAD") + "` on "
                        + Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", JDK "
                        + System.getProperty("java.version") + ", by `tools/load-test/run.sh` ("
                        + run.toSeconds() + " s per measurement).",
                "",
                "| figure | measured | limit | the limit is | ratio |",
                "|---|---|---|---|---|",
                String.join("\n", rows),
                "",
                "| footprint (JVM mode) | measured | goal | goal / measured |",
                "|---|---|---|---|",
                String.join("\n", footprint),
                "",
                String.join("\n", notes)));
    }

    void write(Path file) throws IOException {
        String begin = "<!-- results: written by tools/load-test/run.sh -->";
        String end = "<!-- /results -->";
        String text = Files.exists(file) ? Files.readString(file) : "# Performance\n\n" + begin + "\n" + end + "\n";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        Files.writeString(file, text.substring(0, from + begin.length()) + "\n" + table() + "\n" + text.substring(to));
    }

    private String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
            command.addAll(List.of(args));
            Process git = new ProcessBuilder(command).start();
            return new String(git.getInputStream().readAllBytes()).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB";
                }
            }
        } catch (IOException unknown) {
            // not Linux
        }
        return "unknown memory";
    }
}
