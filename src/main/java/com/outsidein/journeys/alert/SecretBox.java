package com.outsidein.journeys.alert;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.outsidein.journeys.problem.ProblemException;

/**
 * Subscription secrets at rest: AES-256-GCM under a key from configuration, so that they can sign and yet a
 * copy of the database alone reveals none. Each stored value starts with the first 4 bytes of its key's SHA-256,
 * so a rotated configuration still reads what an older key wrote.
 */
final class SecretBox {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private final List<byte[]> keys = new ArrayList<>();

    /** The first key writes; every key reads. Without a key, secrets can be neither made nor read. */
    SecretBox(List<String> base64Keys) {
        for (String key : base64Keys) {
            byte[] bytes = Base64.getDecoder().decode(key.trim());
            if (bytes.length != 32) {
                throw new IllegalArgumentException("A webhook encryption key is base64 of 32 bytes (openssl rand -base64 32)");
            }
            keys.add(bytes);
        }
    }

    /** A new secret as Standard Webhooks writes it: {@code whsec_} and base64 of 24 random bytes. */
    static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The bytes an HMAC signs with: the base64 after the prefix. */
    static byte[] signingKey(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    byte[] seal(String secret) {
        byte[] key = writingKey();
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return ByteBuffer.allocate(4 + NONCE + sealed.length).put(keyId(key)).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }

    String open(byte[] stored) {
        byte[] id = java.util.Arrays.copyOf(stored, 4);
        for (byte[] key : keys) {
            if (MessageDigest.isEqual(id, keyId(key))) {
                try {
                    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, stored, 4, NONCE));
                    return new String(cipher.doFinal(stored, 4 + NONCE, stored.length - 4 - NONCE),
                            java.nio.charset.StandardCharsets.UTF_8);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("A stored webhook secret does not open with its key", e);
                }
            }
        }
        throw new IllegalStateException("A webhook secret was sealed with key " + HexFormat.of().formatHex(id)
                + ", which is not configured (JOURNEYS_WEBHOOKS_PREVIOUS_ENCRYPTION_KEYS)");
    }

    private byte[] writingKey() {
        if (keys.isEmpty()) {
            throw new ProblemException(503, "webhooks-not-configured", "Webhooks are not configured",
                    "Set JOURNEYS_WEBHOOKS_ENCRYPTION_KEY (base64 of 32 bytes, e.g. openssl rand -base64 32) so that "
                            + "subscription secrets can be stored encrypted", List.of());
        }
        return keys.get(0);
    }

    private static byte[] keyId(byte[] key) {
        try {
            return java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
