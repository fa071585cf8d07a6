package jp.go.meti.aifund.platform.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

public class Clocks {

    /** Instants are stored in UTC; the services convert to Japanese calendar days where a rule needs one. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
