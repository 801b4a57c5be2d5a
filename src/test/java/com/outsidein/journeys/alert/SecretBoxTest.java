package com.outsidein.journeys.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.problem.ProblemException;
import com.standardwebhooks.Webhook;

/** Secrets sealed at rest and the signature they make, without Quarkus; the signature checked by the reference library. */
class SecretBoxTest {

    private static final String OLD = Base64.getEncoder().encodeToString("old-key-old-key-old-key-old-key!".getBytes(StandardCharsets.UTF_8));
    private static final String NEW = Base64.getEncoder().encodeToString("new-key-new-key-new-key-new-key!".getBytes(StandardCharsets.UTF_8));

    @Test
    void aSealedSecretOpensWithItsKeyAfterARotationAndRevealsNothing() {
        String secret = SecretBox.newSecret();
        assertTrue(secret.startsWith("whsec_") && Base64.getDecoder().decode(secret.substring(6)).length == 24);
        byte[] sealed = new SecretBox(List.of(OLD)).seal(secret);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(secret.substring(6)));
        assertEquals(secret, new SecretBox(List.of(OLD)).open(sealed));
        // Rotated configuration: new key first, old one still read; what it seals now opens with the new key alone.
        SecretBox rotated = new SecretBox(List.of(NEW, OLD));
        assertEquals(secret, rotated.open(sealed));
        assertEquals(secret, new SecretBox(List.of(NEW)).open(rotated.seal(secret)));
        assertThrows(IllegalStateException.class, () -> new SecretBox(List.of(NEW)).open(sealed));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(List.of("c2hvcnQ=")));
        ProblemException unconfigured = assertThrows(ProblemException.class, () -> new SecretBox(List.of()).seal(secret));
        assertEquals(503, unconfigured.status());
    }

    @Test
    void theSignatureIsStandardWebhooks() throws Exception {
        String secret = SecretBox.newSecret();
        long now = java.time.Instant.now().getEpochSecond();
        String body = "{\"type\":\"webhook.test\",\"data\":{}}";
        String signature = DeliveryWorker.sign(secret, "msg_1", now, body);
        assertEquals(new Webhook(secret).sign("msg_1", now, body), signature);
        new Webhook(secret).verify(body, java.util.Map.of("webhook-id", List.of("msg_1"), "webhook-timestamp",
                List.of(Long.toString(now)), "webhook-signature", List.of(signature)));
    }
}
