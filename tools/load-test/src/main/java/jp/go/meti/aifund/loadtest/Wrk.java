package jp.go.meti.aifund.loadtest;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk (Debian package) against one URL. */
final class Wrk {

    record Result(double requestsPerSecond, String p99) {
    }

    static Result run(String url, String token, Duration run) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c32", "-d" + run.toSeconds() + "s", "--latency", "-H",
                "Authorization: Bearer " + token, url).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0 || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk failed or got errors:\n" + out);
        }
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher p99 = Pattern.compile("99%\\s+(\\S+)").matcher(out);
        if (!rps.find() || !p99.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        return new Result(Double.parseDouble(rps.group(1)), p99.group(1));
    }
}
