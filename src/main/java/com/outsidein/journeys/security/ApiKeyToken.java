package com.outsidein.journeys.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API key: {@code pjk_<id>_<secret>}. The prefix lets secret scanners recognise a
 * leaked key, the id finds the stored key without touching the secret, and the secret (238 random
 * bits) is kept only as a SHA-256 digest: with that much entropy a fast hash cannot be brute-forced.
 */
public final class ApiKeyToken {

    public static final String PREFIX = "pjk_";
    static final int ID_LENGTH = 16;
    static final int SECRET_LENGTH = 40;
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern FORMAT = Pattern.compile(
            "^" + PREFIX + "([a-z0-9]{" + ID_LENGTH + "})_([A-Za-z0-9]{" + SECRET_LENGTH + "})$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as it is shown once: its id, the whole text, and the digest that is stored. */
    public record Generated(String id, String token, byte[] secretSha256) {
    }

    /** The two parts of a well-formed key text. */
    record Parsed(String id, String secret) {
    }

    private ApiKeyToken() {
    }

    public static Generated generate() {
        String id = random(ID_ALPHABET, ID_LENGTH);
        String secret = random(SECRET_ALPHABET, SECRET_LENGTH);
        return new Generated(id, PREFIX + id + "_" + secret, sha256(secret));
    }

    static Optional<Parsed> parse(String token) {
        Matcher matcher = FORMAT.matcher(token);
        return matcher.matches() ? Optional.of(new Parsed(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    public static boolean isWellFormedId(String id) {
        return id != null && id.length() == ID_LENGTH && id.chars().allMatch(c -> ID_ALPHABET.indexOf(c) >= 0);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Compares digests in constant time, so response timing tells nothing about how much matched. */
    static boolean matches(byte[] expectedSha256, String presented) {
        return MessageDigest.isEqual(expectedSha256, sha256(presented));
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
