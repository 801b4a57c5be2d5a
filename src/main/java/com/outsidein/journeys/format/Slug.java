package com.outsidein.journeys.format;

import java.util.regex.Pattern;

/** The key format of every resource: lower-case letters, digits and dashes, at most 63 characters. */
public final class Slug {

    public static final String REGEX = "^[a-z0-9][a-z0-9-]{0,62}$";
    public static final String MESSAGE = "must be a slug: lower-case letters, digits and '-', starting with a letter or digit, at most 63 characters";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private Slug() {
    }

    public static boolean isValid(String key) {
        return key != null && PATTERN.matcher(key).matches();
    }
}
