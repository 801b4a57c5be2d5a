package com.outsidein.journeys.database;

import java.sql.SQLException;
import java.util.List;

/** What a database failure means, read from its SQLSTATE: retryable, a timeout, a deadlock, or a lost server. */
public final class SqlStates {

    /** SQLSTATEs after which a retry can succeed: unreachable or shutting-down database, deadlock, serialization failure. */
    private static final List<String> UNAVAILABLE_SQLSTATES = List.of("08", "57P", "53", "40P01", "40001");
    /** PostgreSQL's query_canceled: here always the reports' statement timeout. */
    private static final String QUERY_CANCELED = "57014";
    private static final String DEADLOCK_DETECTED = "40P01";

    private SqlStates() {
    }

    /** A deadlock victim: it stored nothing, so running it again is safe. */
    public static boolean isDeadlock(Throwable e) {
        return DEADLOCK_DETECTED.equals(of(e));
    }

    /** Which locks and transactions met: PostgreSQL keeps the statements' text for its own log, so this quotes no SQL. */
    public static String deadlockDetail(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
                return String.valueOf(psql.getServerErrorMessage().getDetail());
            }
        }
        return "";
    }

    /** Agroal's pool-exhausted failure is a plain SQLException without a SQLSTATE; its message is all that tells. */
    public static boolean isPoolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() == null
                    && String.valueOf(sql.getMessage()).startsWith("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    public static boolean isStatementTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && UNAVAILABLE_SQLSTATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /** The first SQLSTATE in the cause chain, or null when no SQLException in it carries one. */
    public static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** What a log line may say of a database failure: its SQLSTATE, or the innermost exception's class. */
    public static String describe(Throwable e) {
        String state = of(e);
        if (state != null) {
            return "SQLSTATE " + state;
        }
        Throwable last = e;
        while (last.getCause() != null) {
            last = last.getCause();
        }
        return last.getClass().getSimpleName();
    }

}
