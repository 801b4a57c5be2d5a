package com.outsidein.journeys.database;

import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.jboss.logging.Logger;

/**
 * Runs work in a new transaction, again (twice at most) when it was a deadlock victim: a victim has stored
 * nothing, so running it again is safe. Writers lock shared rows in one order, but another transaction
 * taking the same rows in another order still makes the database pick a victim (bench/notes, the 100 k growth run).
 */
public final class DeadlockRetry {

    private static final Logger LOG = Logger.getLogger(DeadlockRetry.class);
    static final int ATTEMPTS = 3;

    private DeadlockRetry() {
    }

    public static <T> T inNewTransaction(String what, Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !SqlStates.isDeadlock(e)) {
                    throw e;
                }
                LOG.infof("%s was a deadlock victim; running it again (attempt %d of %d). %s", what, attempt + 1, ATTEMPTS,
                        SqlStates.deadlockDetail(e));
            }
        }
    }
}
