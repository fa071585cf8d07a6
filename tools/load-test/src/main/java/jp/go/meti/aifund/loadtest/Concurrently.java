package jp.go.meti.aifund.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/** Runs work on a number of client threads, as a load generator does. */
final class Concurrently {

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private Concurrently() {
    }

    /** {@code work} on {@code clients} threads while {@code more} holds, for at most {@code limit}; {@code midway} halfway. */
    static void run(int clients, Duration limit, BooleanSupplier more, Work work, Runnable midway) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + limit.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end && more.getAsBoolean()) {
                    work.run();
                }
                return null;
            }));
        }
        if (midway != null) {
            Thread.sleep(limit.toMillis() / 2);
            midway.run();
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
