package com.outsidein.journeys.database;

import java.sql.SQLException;

/** A database failure met by plain JDBC (ingest, sources, alerts); the problem mapper decides between 503 and 500 from its cause. */
public final class DatabaseFailure extends RuntimeException {

    public DatabaseFailure(SQLException cause) {
        super(cause);
    }
}
