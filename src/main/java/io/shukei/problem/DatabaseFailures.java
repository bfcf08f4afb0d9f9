package io.shukei.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.agroal.pool.ConnectionPool;

import org.hibernate.exception.JDBCConnectionException;

/** Tells a failure of the database (out of reach, out of connections) from any other, wherever it surfaced. */
final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Whether the pool refused a connection (see {@link #refusedByPool}), as the failure or one of its causes. */
    static boolean isPoolRefusal(Throwable e) {
        return causes(e).anyMatch(DatabaseFailures::refusedByPool);
    }

    /**
     * Agroal's pool could not hand out a connection: none came free, or none could be opened, within
     * the acquisition timeout (or the pool is closing). The pool says so with a plain SQLException
     * without SQL state that it throws itself, or passes on the driver's failure to open a connection,
     * which its connection-opening task raised; a timeout while waiting for a new connection also
     * leaves a TimeoutException as the cause. So the signal is where the exception was raised: in
     * the pool. A failure of a statement on a connection already handed out is raised by the driver
     * under the pool's wrappers, never in the pool.
     */
    private static boolean refusedByPool(Throwable t) {
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        if (sql.getCause() instanceof TimeoutException) {
            return true;
        }
        String pool = ConnectionPool.class.getName();
        for (StackTraceElement frame : sql.getStackTrace()) {
            if (frame.getClassName().equals(pool) || frame.getClassName().startsWith(pool + "$")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the failure is the database being unreachable, also when it surfaced at commit (the
     * transaction manager then reports it as a suppressed XA error rather than as a cause).
     */
    static boolean isUnavailable(Throwable e) {
        return causes(e).anyMatch(t -> t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                // 08: connection exceptions (a socket read that timed out among them); 53: the server lacks
                // resources (too many connections, disk full); 57: a statement cancelled by the statement
                // timeout, or the server shutting down, restarting or not yet accepting
                || t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                        || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("57"))
                || t instanceof javax.transaction.xa.XAException xa && xa.errorCode == javax.transaction.xa.XAException.XAER_RMFAIL);
    }

    /** The failure, its causes and what they suppressed, each once. */
    static Stream<Throwable> causes(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return all.stream();
    }
}
