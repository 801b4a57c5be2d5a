package com.outsidein.journeys.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Where a webhook may go, without Quarkus: IP literals, so that no DNS answer decides the test. */
class WebhookUrlsTest {

    @Test
    void onlyHttpsToPublicAddressesUnlessPrivateTargetsAreAllowed() {
        for (String refused : List.of("https://127.0.0.1/x", "https://[::1]/x", "https://10.1.2.3/x", "https://172.16.0.9/x",
                "https://192.168.1.1/x", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/x", "https://0.0.0.0/x",
                "https://224.0.0.1/x", "https://[fd00::1]/x", "https://[fe80::1]/x", "https://[::ffff:127.0.0.1]/x",
                "https://198.18.0.1/x", "https://255.255.255.255/x")) {
            Optional<String> why = WebhookUrls.refusal(refused, false);
            assertTrue(why.isPresent() && why.get().contains("not a public address"), refused + ": " + why);
        }
        assertEquals(Optional.of("must be an https URL"), WebhookUrls.refusal("http://93.184.216.34/x", false));
        assertEquals(Optional.of("must be an https URL"), WebhookUrls.refusal("ftp://93.184.216.34/x", false));
        assertEquals(Optional.of("must have a host, and neither user info nor a fragment"),
                WebhookUrls.refusal("https://user:pw@93.184.216.34/x", false));
        assertEquals(Optional.of("is not a URL"), WebhookUrls.refusal("https://exa mple.com/", false));
        assertEquals(Optional.empty(), WebhookUrls.refusal("https://93.184.216.34/hooks?team=1", false));
        assertEquals(Optional.empty(), WebhookUrls.refusal("https://[2606:2800:220:1:248:1893:25c8:1946]/x", false));
        assertEquals(Optional.empty(), WebhookUrls.refusal("http://127.0.0.1:8080/x", true));
    }
}
