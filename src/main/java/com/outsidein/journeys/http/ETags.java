package com.outsidein.journeys.http;

import jakarta.ws.rs.core.EntityTag;

/** Strong entity tags made from a journey's version number. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The header value, e.g. {@code "7"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }
}
