package com.outsidein.journeys.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The manifests under k8s/ must agree with the application's own configuration. */
class KubernetesManifestTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, JsonNode> BY_KIND = new HashMap<>();
    private static Properties config;

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                JsonNode doc = YAML.readTree(file.toFile());
                BY_KIND.put(doc.get("kind").asText(), doc);
            }
        }
        config = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            config.load(in);
        }
    }

    @Test
    void everyListedKindIsThere() {
        assertTrue(BY_KIND.keySet().containsAll(List.of("Deployment", "Service", "ConfigMap", "Secret",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "Cluster")), BY_KIND.keySet().toString());
    }

    @Test
    void containerPortAndProbesMatchTheApplication() {
        JsonNode container = container();
        assertEquals(Integer.parseInt(config.getProperty("quarkus.http.port")),
                container.at("/ports/0/containerPort").asInt());
        String portName = container.at("/ports/0/name").asText();
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertEquals(portName, container.at("/" + probe + "/httpGet/port").asText(), probe);
        }
        assertEquals(portName, BY_KIND.get("Service").at("/spec/ports/0/targetPort").asText());
    }

    @Test
    void deploymentIsReplicatedBoundedAndNonRoot() {
        JsonNode deployment = BY_KIND.get("Deployment");
        assertTrue(deployment.at("/spec/replicas").asInt() >= 2);
        assertTrue(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean());
        JsonNode container = container();
        assertTrue(container.at("/resources/requests/cpu").isTextual());
        assertTrue(container.at("/resources/limits/memory").isTextual());
        assertTrue(BY_KIND.get("HorizontalPodAutoscaler").at("/spec/minReplicas").asInt() >= 2);
    }

    @Test
    void selectorsNamesAndSecretsLineUp() {
        JsonNode deployment = BY_KIND.get("Deployment");
        String name = deployment.at("/metadata/name").asText();
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertEquals(labels, deployment.at("/spec/selector/matchLabels"));
        assertEquals(labels, BY_KIND.get("Service").at("/spec/selector"));
        assertEquals(labels, BY_KIND.get("PodDisruptionBudget").at("/spec/selector/matchLabels"));
        assertEquals(name, BY_KIND.get("HorizontalPodAutoscaler").at("/spec/scaleTargetRef/name").asText());
        assertEquals(BY_KIND.get("ConfigMap").at("/metadata/name").asText(),
                container().at("/envFrom/0/configMapRef/name").asText());
        String cluster = BY_KIND.get("Cluster").at("/metadata/name").asText();
        assertTrue(BY_KIND.get("ConfigMap").at("/data/QUARKUS_DATASOURCE_JDBC_URL").asText()
                .contains("//" + cluster + "-rw:5432/" + BY_KIND.get("Cluster").at("/spec/bootstrap/initdb/database").asText()));
        assertEquals(cluster + "-app", container().at("/env/0/valueFrom/secretKeyRef/name").asText());
        assertEquals(cluster + "-app", BY_KIND.get("Secret").at("/metadata/name").asText());
    }

    private static JsonNode container() {
        return BY_KIND.get("Deployment").at("/spec/template/spec/containers/0");
    }
}
