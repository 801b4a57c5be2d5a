package com.outsidein.journeys.event;

import java.sql.SQLException;

/** A database failure inside ingest; the problem mapper decides between 503 and 500. */
final class IngestFailedException extends RuntimeException {

    IngestFailedException(SQLException cause) {
        super(cause);
    }
}
