package jp.go.meti.aifund.platform.repository;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * A database failure that says nothing about the request: the server is unreachable or restarting,
 * or a lock or statement waited past its timeout. The transaction was rolled back whole, so the
 * same request can simply be tried again.
 */
public final class TransientFailure {

    /**
     * SQLSTATEs of that kind: connection exceptions (class 08), serialization failure, deadlock,
     * lock not available, statement cancelled by its timeout, too many connections, and the server
     * shutting down, crashed or starting up.
     */
    private static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "57014", "53300", "57P01", "57P02",
            "57P03");

    private TransientFailure() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof LockAcquisitionException
                    || cause instanceof SQLTransientException || cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.QueryTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isTransient(suppressed)) { // a failed commit: JTA's RollbackException carries the reason so
                    return true;
                }
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }
}
