package jp.go.meti.aifund.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

public class Clocks {

    private static final Logger LOG = Logger.getLogger(Clocks.class);
    /** PostgreSQL keeps instants to the microsecond: an answer shows what a later read will show. */
    private static final Duration MICROSECOND = Duration.ofNanos(1_000);

    /**
     * Instants are stored in UTC; the services convert to Japanese calendar days where a rule needs
     * one. {@code aifund.clock.start} (demo only: {@code deploy/run-local.sh --demo}) starts the
     * clock at that instant and lets it run, so a scenario years ahead can be played today; services
     * given the same {@code aifund.clock.started-at} (the real instant it stands for) show the same time.
     */
    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "aifund.clock.start") Optional<OffsetDateTime> start,
            @ConfigProperty(name = "aifund.clock.started-at") Optional<OffsetDateTime> startedAt) {
        if (start.isEmpty()) {
            return Clock.tick(Clock.systemUTC(), MICROSECOND);
        }
        Instant realStart = startedAt.map(OffsetDateTime::toInstant).orElseGet(Instant::now);
        LOG.warnf("the clock started at %s when it was really %s (aifund.clock.start, aifund.clock.started-at): "
                + "for demonstrations only", start.get(), realStart);
        return Clock.tick(Clock.offset(Clock.systemUTC(), Duration.between(realStart, start.get().toInstant())),
                MICROSECOND);
    }
}
