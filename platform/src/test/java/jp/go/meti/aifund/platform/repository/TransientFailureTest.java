package jp.go.meti.aifund.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

import jakarta.transaction.RollbackException;

class TransientFailureTest {

    @Test
    void aServerShuttingDownIsTransientWhereverItIsFound() {
        assertThat(TransientFailure.isTransient(new IllegalStateException(shutdown()))).isTrue();
    }

    @Test
    void aCommitRolledBackBecauseTheConnectionWasTerminatedIsTransient() {
        // what Narayana throws when the server goes down under a commit: the reason is suppressed, not a cause
        RollbackException rolledBack = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(shutdown());
        rolledBack.addSuppressed(xa);

        assertThat(TransientFailure.isTransient(new RuntimeException(rolledBack))).isTrue();
    }

    @Test
    void aConstraintViolationIsNot() {
        RollbackException rolledBack = new RollbackException("could not commit");
        rolledBack.addSuppressed(new SQLException("duplicate key value", "23505"));

        assertThat(TransientFailure.isTransient(rolledBack)).isFalse();
        assertThat(TransientFailure.isTransient(new IllegalArgumentException("amount must be positive"))).isFalse();
    }

    private static SQLException shutdown() {
        return new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    }
}
