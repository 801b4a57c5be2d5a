package com.outsidein.journeys.event;

import java.sql.SQLException;

/** A database failure inside ingest (native or from a source); the problem mapper decides between 503 and 500. */
public final class IngestFailedException extends RuntimeException {

    public IngestFailedException(SQLException cause) {
        super(cause);
    }
}
