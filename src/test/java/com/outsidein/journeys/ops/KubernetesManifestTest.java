package com.outsidein.journeys.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The manifests under k8s/ read into the Kubernetes types (a field the type does not know is an error,
 * not silently kept) and agree with the application's configuration: ports, probes, secrets, the
 * image's registry and the connection budget.
 */
class KubernetesManifestTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<? extends KubernetesResource>> TYPES = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class, "Secret", Secret.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "PodDisruptionBudget", PodDisruptionBudget.class);
    private static final Map<String, Object> BY_KIND = new HashMap<>();
    private static final Map<String, JsonNode> RAW = new HashMap<>();
    private static Properties config;

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                JsonNode doc = YAML.readTree(file.toFile());
                String kind = doc.get("kind").asText();
                String name = kind.equals("Secret") ? "Secret/" + doc.at("/metadata/name").asText() : kind;
                RAW.put(name, doc);
                Class<? extends KubernetesResource> type = TYPES.get(kind);
                if (type != null) {
                    BY_KIND.put(name, YAML.treeToValue(doc, type));
                }
            }
        }
        config = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            config.load(in);
        }
    }

    @Test
    void everyListedKindIsThereAndHoldsOnlyFieldsItsTypeKnows() {
        assertTrue(RAW.keySet().containsAll(List.of("Deployment", "Service", "ConfigMap", "Secret/journeys-db-app",
                "Secret/journeys-bootstrap-key", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Cluster")), RAW.keySet().toString());
        List<String> unknown = new ArrayList<>();
        BY_KIND.forEach((name, resource) -> collectUnknown(name, resource, unknown, new IdentityHashMap<>()));
        assertTrue(unknown.isEmpty(), "fields the Kubernetes types do not know: " + unknown);
        assertEquals("postgresql.cnpg.io/v1", RAW.get("Cluster").get("apiVersion").asText());
    }

    @Test
    void containerPortAndProbesMatchTheApplication() {
        Container container = container();
        assertEquals(Integer.parseInt(config.getProperty("quarkus.http.port")), container.getPorts().get(0).getContainerPort());
        String portName = container.getPorts().get(0).getName();
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath());
        for (var probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())) {
            assertEquals(portName, probe.getHttpGet().getPort().getStrVal());
        }
        assertEquals(portName, ((Service) BY_KIND.get("Service")).getSpec().getPorts().get(0).getTargetPort().getStrVal());
        assertEquals("false", config.getProperty("quarkus.datasource.health.enabled"),
                "readiness must not fail in a database outage, or every pod leaves the Service at once");
    }

    @Test
    void deploymentIsReplicatedBoundedNonRootAndPullsFromARegistry() {
        Deployment deployment = (Deployment) BY_KIND.get("Deployment");
        assertTrue(deployment.getSpec().getReplicas() >= 2);
        assertTrue(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        Container container = container();
        assertNotNull(container.getResources().getRequests().get("cpu"));
        assertNotNull(container.getResources().getLimits().get("memory"));
        assertTrue(((HorizontalPodAutoscaler) BY_KIND.get("HorizontalPodAutoscaler")).getSpec().getMinReplicas() >= 2);
        String registry = container.getImage().split("/")[0];
        assertTrue(container.getImage().contains("/") && (registry.contains(".") || registry.contains(":")),
                "nodes can only pull an image that names its registry: " + container.getImage());
    }

    @Test
    void theConnectionBudgetFitsTheDatabase() {
        Map<String, String> env = ((ConfigMap) BY_KIND.get("ConfigMap")).getData();
        int perPod = Integer.parseInt(env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"))
                + Integer.parseInt(env.get("QUARKUS_DATASOURCE_REPORTS_JDBC_MAX_SIZE"));
        int pods = ((HorizontalPodAutoscaler) BY_KIND.get("HorizontalPodAutoscaler")).getSpec().getMaxReplicas();
        int maxConnections = RAW.get("Cluster").at("/spec/postgresql/parameters/max_connections").asInt();
        // PostgreSQL keeps 3 for superusers; the operator and monitoring take a few more.
        assertTrue(pods * perPod <= maxConnections - 10, pods + " pods x " + perPod + " connections > " + maxConnections);
    }

    @Test
    void theWalCeilingFitsItsVolume() {
        JsonNode cluster = RAW.get("Cluster").get("spec");
        String maxWal = cluster.at("/postgresql/parameters/max_wal_size").asText();
        String volume = cluster.at("/walStorage/size").asText();
        assertTrue(maxWal.endsWith("GB") && volume.endsWith("Gi"), maxWal + " / " + volume);
        // PostgreSQL may pass max_wal_size between checkpoints; a quarter more leaves room for that and for the archiver.
        double walGiB = Double.parseDouble(maxWal.replace("GB", "")); // PostgreSQL's GB is 1024^3 bytes
        assertTrue(walGiB * 1.25 <= Double.parseDouble(volume.replace("Gi", "")), maxWal + " of WAL on a " + volume + " volume");
    }

    @Test
    void selectorsNamesAndSecretsLineUp() throws Exception {
        Deployment deployment = (Deployment) BY_KIND.get("Deployment");
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertEquals(labels, deployment.getSpec().getSelector().getMatchLabels());
        assertEquals(labels, ((Service) BY_KIND.get("Service")).getSpec().getSelector());
        assertEquals(labels, ((PodDisruptionBudget) BY_KIND.get("PodDisruptionBudget")).getSpec().getSelector().getMatchLabels());
        assertEquals(deployment.getMetadata().getName(),
                ((HorizontalPodAutoscaler) BY_KIND.get("HorizontalPodAutoscaler")).getSpec().getScaleTargetRef().getName());
        assertEquals(((ConfigMap) BY_KIND.get("ConfigMap")).getMetadata().getName(),
                container().getEnvFrom().get(0).getConfigMapRef().getName());
        String cluster = RAW.get("Cluster").at("/metadata/name").asText();
        assertTrue(((ConfigMap) BY_KIND.get("ConfigMap")).getData().get("QUARKUS_DATASOURCE_JDBC_URL")
                .contains("//" + cluster + "-rw:5432/" + RAW.get("Cluster").at("/spec/bootstrap/initdb/database").asText()));
        for (EnvVar variable : container().getEnv()) {
            assertTrue(variable.getValue() == null, variable.getName() + " is written into the manifest");
            var ref = variable.getValueFrom().getSecretKeyRef();
            Secret secret = (Secret) BY_KIND.get("Secret/" + ref.getName());
            assertTrue(ref.getName().equals(cluster + "-app") || secret != null, ref.getName());
            if (secret != null) {
                assertTrue(secret.getStringData().containsKey(ref.getKey()), ref.getName() + "/" + ref.getKey());
            }
        }
        assertTrue(container().getEnv().stream().anyMatch(v -> v.getName().equals("JOURNEYS_BOOTSTRAP_KEY")));
        String pom = Files.readString(Path.of("pom.xml"));
        if (((ConfigMap) BY_KIND.get("ConfigMap")).getData().keySet().stream().anyMatch(k -> k.startsWith("QUARKUS_LOG_CONSOLE_JSON"))) {
            assertTrue(pom.contains("<artifactId>quarkus-logging-json</artifactId>"), "the JSON switch needs its extension");
        }
    }

    private static Container container() {
        return ((Deployment) BY_KIND.get("Deployment")).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** Walks the typed model: every additionalProperties map that is not empty holds fields the type does not know. */
    private static void collectUnknown(String at, Object node, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, true) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(at + "[" + i++ + "]", item, unknown, seen);
            }
            return;
        }
        if (!(node instanceof KubernetesResource)) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(at + ": " + extra.keySet());
                    }
                } else if (value instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> collectUnknown(at + "." + k, v, unknown, seen));
                } else {
                    collectUnknown(at + "." + getter.getName().substring(3), value, unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        assertFalse(unknown.size() > 100);
    }
}
