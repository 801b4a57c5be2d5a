package com.outsidein.journeys.common;

/** Strong entity tags made from a journey's version number. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Whether an {@code If-None-Match} header names this version, so a GET can answer 304. */
    public static boolean noneMatchHits(String ifNoneMatch, long version) {
        if (ifNoneMatch == null) {
            return false;
        }
        String tag = of(version);
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || trimmed.equals(tag) || trimmed.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }
}
