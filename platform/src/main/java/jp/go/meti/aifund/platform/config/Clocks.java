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

    /**
     * Instants are stored in UTC; the services convert to Japanese calendar days where a rule needs
     * one. {@code aifund.clock.start} (demo only: {@code deploy/run-local.sh --demo}) starts the
     * clock at that instant and lets it run, so a scenario years ahead can be played today.
     */
    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "aifund.clock.start") Optional<OffsetDateTime> start) {
        if (start.isEmpty()) {
            return Clock.systemUTC();
        }
        LOG.warnf("the clock starts at %s (aifund.clock.start): for demonstrations only", start.get());
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start.get().toInstant()));
    }
}
