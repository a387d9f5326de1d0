package org.supervisionhub.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Specification of the Kubernetes manifests in {@code k8s/} (kustomize base and overlays).
 * <p>
 * Plain JUnit: reads the YAML files relative to the Maven working directory (the repository root),
 * no cluster and no Quarkus application needed.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final Path OVERLAYS = K8S.resolve("overlays");
    private static final Path PRODUCTION_OVERLAY = OVERLAYS.resolve("production");
    private static final String KUSTOMIZATION = "kustomization.yaml";
    private static final Path APPLICATION_PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    private static final String APP = "supervision-hub";
    private static final Map<String, String> APP_LABELS = Map.of(
            "app.kubernetes.io/name", APP,
            "app.kubernetes.io/part-of", APP,
            "app.kubernetes.io/component", "api");
    private static final String CONFIG_MAP = "supervision-hub-config";
    private static final String SECRET = "supervision-hub-secrets";
    private static final int HTTP_PORT = 8080;
    /** The management interface: health and metrics, never reachable through the Service. */
    private static final int MANAGEMENT_PORT = 9000;
    /** UID of the {@code jboss} user in the Quarkus/UBI OpenJDK base images. */
    private static final int QUARKUS_IMAGE_USER = 185;

    private static final String NODE_TOPOLOGY_KEY = "kubernetes.io/hostname";

    private static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXPECTED_STARTUP_TIME = Duration.ofSeconds(60);

    private static final Set<String> KNOWN_TYPES = Set.of(
            "apps/v1 Deployment",
            "v1 Service",
            "v1 ConfigMap",
            "v1 Secret",
            "v1 ServiceAccount",
            "policy/v1 PodDisruptionBudget",
            "autoscaling/v2 HorizontalPodAutoscaler",
            "networking.k8s.io/v1 NetworkPolicy",
            "kustomize.config.k8s.io/v1beta1 Kustomization");

    /** DNS-1123 label: lower-case alphanumerics and '-', alphanumeric at both ends, 1-63 characters. */
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private static final List<String> CREDENTIAL_WORDS = List.of("PASSWORD", "SECRET", "USERNAME", "KEY");
    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("://[^/@\\s]+:[^/@\\s]*@");
    private static final Pattern QUANTITY =
            Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE]?)");
    private static final Pattern SLEEP_COMMAND = Pattern.compile("\\bsleep\\s+([0-9]+)\\b");
    private static final Pattern QUARKUS_SHORT_DURATION = Pattern.compile("([0-9]+)(ms|s|m|h|d)?");
    /** Properties holding keys or secrets (as the production start-up check names them). */
    private static final Pattern SECRET_PROPERTY =
            Pattern.compile("(?i).*(password|secret|private-key|hmac-key|callback-keys).*");

    private static final Pattern HUB_VARIABLE = Pattern.compile("\\$\\{(HUB_[A-Z0-9_]+)");
    private static final Pattern SECRET_REF = Pattern.compile("secretRef:\\s*([A-Z0-9_]+)");

    private static List<Manifest> baseManifests;
    private static List<Manifest> overlayManifests;

    @BeforeAll
    static void loadManifests() throws IOException {
        baseManifests = load(BASE);
        overlayManifests = load(OVERLAYS);
    }

    // ---------------------------------------------------------------------------------------------
    // Structure
    // ---------------------------------------------------------------------------------------------

    @Test
    void everyManifestIsAKubernetesObjectWithApiVersionKindAndName() {
        assertThat(baseManifests).as("YAML documents in %s", BASE).hasSizeGreaterThanOrEqualTo(8);
        assertThat(overlayManifests).as("YAML documents in %s", OVERLAYS).isNotEmpty();

        for (Manifest manifest : allManifests()) {
            assertThat(manifest.root().value())
                    .as("%s is a YAML mapping", manifest.file())
                    .isInstanceOf(Map.class);
            assertThat(manifest.apiVersion() + " " + manifest.kind())
                    .as("apiVersion and kind of %s", manifest.file())
                    .isIn(KNOWN_TYPES);
            assertThat(manifest.name()).as("metadata.name of %s", manifest).matches(DNS_1123_LABEL);
        }
    }

    @Test
    void kustomizationListsEveryBaseManifest() throws IOException {
        Set<String> listed = new TreeSet<>(resourcesOf(kustomizationIn(BASE)));
        Set<String> manifestFiles = yamlFilesIn(BASE).stream()
                .map(file -> BASE.relativize(file).toString().replace('\\', '/'))
                .filter(name -> !name.equals(KUSTOMIZATION))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(manifestFiles).as("manifests in %s", BASE).isNotEmpty();
        assertThat(listed).as("resources of %s", BASE.resolve(KUSTOMIZATION)).containsAll(manifestFiles);
        assertThat(listed)
                .allSatisfy(resource -> assertThat(BASE.resolve(resource))
                        .as("listed resource %s", resource)
                        .isRegularFile());
    }

    @Test
    void everyBaseManifestCarriesTheApplicationLabels() {
        for (Manifest manifest : baseManifests) {
            if (!manifest.kind().equals("Kustomization")) {
                assertThat(manifest.get("metadata", "labels").strings())
                        .as("labels of %s", manifest)
                        .containsAllEntriesOf(APP_LABELS);
            }
        }
    }

    @Test
    void everyOverlayBuildsOnTheBase() {
        List<Manifest> overlays = kustomizations(overlayManifests);
        assertThat(PRODUCTION_OVERLAY.resolve(KUSTOMIZATION)).isRegularFile();
        assertThat(overlays).as("overlay kustomizations").isNotEmpty();

        for (Manifest overlay : overlays) {
            Path dir = overlay.file().getParent();
            List<String> resources = resourcesOf(overlay);
            assertThat(resources)
                    .as("resources of %s", overlay.file())
                    .allSatisfy(resource -> assertThat(isKustomizeResource(dir.resolve(resource)))
                            .as("%s resolves to a file or a kustomization directory", resource)
                            .isTrue())
                    .anySatisfy(resource ->
                            assertThat(dir.resolve(resource).normalize()).isEqualTo(BASE.normalize()));
        }
    }

    @Test
    void overlayImageOverridesApplyToTheBaseImageAndPinAVersion() {
        Set<String> baseImages = containers().stream()
                .map(container -> imageRepository(container.get("image").text()))
                .collect(Collectors.toSet());

        List<Node> overrides = kustomizations(overlayManifests).stream()
                .flatMap(overlay -> overlay.get("images").items().stream())
                .toList();
        assertThat(overrides).as("image overrides in the overlays").isNotEmpty();

        for (Node override : overrides) {
            // kustomize silently ignores an override whose name matches no container image.
            assertThat(override.get("name").text()).as(override.where()).isIn(baseImages);
            assertThat(override.get("newTag").exists() || override.get("digest").exists())
                    .as("%s pins a tag or digest", override.where())
                    .isTrue();
            if (override.get("newTag").exists()) {
                assertThat(override.get("newTag").text())
                        .as(override.where())
                        .isNotBlank()
                        .isNotEqualTo("latest");
            }
        }
    }

    @Test
    void overlayPatchesTargetResourcesThatExistInTheBase() throws IOException {
        for (Manifest overlay : kustomizations(overlayManifests)) {
            for (Node replicas : overlay.get("replicas").items()) {
                assertThat(namesOf(baseManifests, "Deployment"))
                        .as("%s names a base Deployment", replicas.where())
                        .contains(replicas.get("name").text());
            }
            for (Node patch : overlay.get("patches").items()) {
                for (Node target : patchTargets(overlay, patch)) {
                    String kind = target.get("kind").text();
                    Pattern name = Pattern.compile(
                            target.get("name").exists() ? target.get("name").text() : ".*");
                    assertThat(namesOf(baseManifests, kind))
                            .as("%s targets an existing base %s", patch.where(), kind)
                            .anyMatch(existing -> name.matcher(existing).matches());
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Deployment
    // ---------------------------------------------------------------------------------------------

    @Test
    void deploymentRunsTwoReplicasWithProbesOnTheHealthEndpoints() {
        Node container = appContainer();

        assertThat(deployment().get("spec", "replicas").integer()).isEqualTo(2);
        assertThat(probePath(container, "livenessProbe"))
                .as("livenessProbe path")
                .isEqualTo("/q/health/live");
        assertThat(probePath(container, "readinessProbe"))
                .as("readinessProbe path")
                .isEqualTo("/q/health/ready");
        assertThat(probePath(container, "startupProbe")).as("startupProbe path").isEqualTo("/q/health/started");
        assertThat(startupAllowance(container.get("startupProbe")))
                .as("time the startup probe allows before the pod is restarted")
                .isGreaterThanOrEqualTo(EXPECTED_STARTUP_TIME);
    }

    @Test
    void rollingUpdateKeepsEveryReplicaServingUntilItsReplacementIsReady() {
        Node strategy = deployment().get("spec", "strategy");

        assertThat(strategy.get("type").text()).isEqualTo("RollingUpdate");
        assertThat(strategy.get("rollingUpdate", "maxUnavailable").text()).isIn("0", "0%");
        assertThat(isPositiveIntOrPercent(strategy.get("rollingUpdate", "maxSurge")))
                .as("maxSurge lets a new pod start next to the old ones")
                .isTrue();
    }

    @Test
    void deploymentDeclaresRequestsNotAboveLimits() {
        for (Node container : containers()) {
            for (String resource : List.of("cpu", "memory")) {
                BigDecimal request = quantity(container.get("resources", "requests", resource));
                BigDecimal limit = quantity(container.get("resources", "limits", resource));
                assertThat(request)
                        .as("%s request of %s", resource, container.where())
                        .isPositive();
                assertThat(request)
                        .as("%s request of %s", resource, container.where())
                        .isLessThanOrEqualTo(limit);
            }
        }
    }

    @Test
    void deploymentTakesConfigFromTheConfigMapAndSecretThatExist() {
        List<Node> envFrom = appContainer().get("envFrom").items();
        List<String> configMaps = referencedNames(envFrom, "configMapRef");
        List<String> secrets = referencedNames(envFrom, "secretRef");

        assertThat(configMaps).contains(CONFIG_MAP);
        assertThat(secrets).contains(SECRET);
        assertThat(namesOf(baseManifests, "ConfigMap")).containsAll(configMaps);
        assertThat(namesOf(baseManifests, "Secret")).containsAll(secrets);
        assertThat(envFrom)
                .as("configuration sources are mandatory, so a missing one stops the pod from starting")
                .noneMatch(source -> source.get("configMapRef", "optional").isTrue()
                        || source.get("secretRef", "optional").isTrue());
    }

    @Test
    void secretHoldsTheCredentialsAndConfigMapHoldsNone() {
        Set<String> secretKeys =
                new LinkedHashSet<>(manifest("Secret", SECRET).get("stringData").keys());
        secretKeys.addAll(manifest("Secret", SECRET).get("data").keys());
        Map<String, String> config =
                manifest("ConfigMap", CONFIG_MAP).get("data").strings();

        assertThat(secretKeys)
                .contains(
                        "QUARKUS_DATASOURCE_USERNAME",
                        "QUARKUS_DATASOURCE_PASSWORD",
                        "QUARKUS_OIDC_CREDENTIALS_SECRET",
                        "HUB_PII_HMAC_KEY",
                        "HUB_CREDENTIALS_SIGNING_KEYS_0__KID",
                        "HUB_CREDENTIALS_SIGNING_KEYS_0__PRIVATE_KEY");
        assertThat(config.keySet())
                .contains(
                        "QUARKUS_DATASOURCE_REACTIVE_URL",
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        "QUARKUS_OIDC_AUTH_SERVER_URL",
                        "QUARKUS_OIDC_CLIENT_ID",
                        "QUARKUS_OIDC_TOKEN_AUDIENCE",
                        "HUB_SECURITY_DEPARTMENT_CLAIM",
                        "HUB_SECURITY_REGION_CLAIM");
        assertThat(config.keySet()).as("ConfigMap keys").noneMatch(KubernetesManifestsTest::namesACredential);
        assertThat(config.values())
                .as("ConfigMap values")
                .noneMatch(value -> CREDENTIALS_IN_URL.matcher(value).find());
        assertThat(config.keySet())
                .as("keys defined in both ConfigMap and Secret")
                .doesNotContainAnyElementsOf(secretKeys);
    }

    @Test
    void secretTemplateListsEverySecretTheHubReads() throws IOException {
        Set<String> secretKeys =
                new LinkedHashSet<>(manifest("Secret", SECRET).get("stringData").keys());
        secretKeys.addAll(manifest("Secret", SECRET).get("data").keys());
        Map<String, String> config =
                manifest("ConfigMap", CONFIG_MAP).get("data").strings();
        List<String> needed = new ArrayList<>();

        // Secret properties of application.properties: supplied as the variable their expression names, or as
        // the property's own environment variable.
        Properties properties = applicationProperties();
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name);
            if (name.startsWith("%") || !SECRET_PROPERTY.matcher(name).matches()) {
                continue;
            }
            Matcher variable = HUB_VARIABLE.matcher(value);
            String environmentName = name.toUpperCase().replaceAll("[^A-Z0-9]", "_");
            if (variable.find()) {
                assertThat(secretKeys)
                        .as("Secret entry for %s (%s or %s)", name, variable.group(1), environmentName)
                        .containsAnyOf(variable.group(1), environmentName);
                needed.add(name);
            }
        }
        // Secrets the docked systems' descriptors name.
        try (Stream<Path> descriptors = Files.list(Path.of("adapters"))) {
            for (Path descriptor : descriptors
                    .map(dir -> dir.resolve("adapter.yaml"))
                    .filter(Files::isRegularFile)
                    .toList()) {
                Matcher reference = SECRET_REF.matcher(Files.readString(descriptor));
                while (reference.find()) {
                    assertThat(secretKeys).as("secretRef of %s", descriptor).contains(reference.group(1));
                    needed.add(reference.group(1));
                }
            }
        }

        assertThat(needed).as("secrets found to check").hasSizeGreaterThanOrEqualTo(7);
        assertThat(secretKeys)
                .contains(
                        "QUARKUS_DATASOURCE_PASSWORD",
                        "HUB_PII_HMAC_KEY",
                        "HUB_CREDENTIALS_SIGNING_KEYS_0__PRIVATE_KEY",
                        "QUARKUS_REDIS_PASSWORD",
                        "QUARKUS_OIDC_CREDENTIALS_SECRET")
                .anyMatch(key -> key.startsWith("HUB_SYNC_NATIONAL_CALLBACK_KEYS_"));
        assertThat(manifest("Secret", SECRET).get("stringData").strings().values())
                .as("the template holds placeholders only")
                .allMatch(value -> value.startsWith("CHANGE-ME"));
        assertThat(config.keySet()).contains("QUARKUS_REDIS_HOSTS", "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
        assertThat(config.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"))
                .as("forwarded addresses are trusted from named proxies only")
                .isNotBlank();
    }

    @Test
    void networkPolicyAdmitsTheIngressToTheApiAndMonitoringToTheManagementPortOnly() {
        Manifest policy = theBase("NetworkPolicy");
        assertSelectsThePods(
                "NetworkPolicy podSelector",
                policy.get("spec", "podSelector", "matchLabels").strings());
        assertThat(policy.get("spec", "policyTypes").texts()).containsExactlyInAnyOrder("Ingress", "Egress");

        List<Node> rules = policy.get("spec", "ingress").items();
        assertThat(rules).hasSize(2);
        Map<Integer, String> sourceNamespaceByPort = new LinkedHashMap<>();
        for (Node rule : rules) {
            List<Node> sources = rule.get("from").items();
            assertThat(sources).as("%s names its sources", rule.where()).isNotEmpty();
            for (Node port : rule.get("ports").items()) {
                for (Node source : sources) {
                    sourceNamespaceByPort.put(
                            port.get("port").integer(),
                            source.get("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")
                                    .text());
                }
            }
        }
        assertThat(sourceNamespaceByPort)
                .containsExactly(Map.entry(HTTP_PORT, "ingress-nginx"), Map.entry(MANAGEMENT_PORT, "monitoring"));
    }

    @Test
    void networkPolicyLetsThePodsReachDnsTheDatabaseRedisAndHttpsOnly() {
        List<Integer> ports = theBase("NetworkPolicy").get("spec", "egress").items().stream()
                .peek(rule -> assertThat(rule.get("to").items())
                        .as("%s names its destinations", rule.where())
                        .isNotEmpty())
                .flatMap(rule -> rule.get("ports").items().stream())
                .map(port -> port.get("port").integer())
                .distinct()
                .toList();

        assertThat(ports).containsExactlyInAnyOrder(53, 5432, 6379, 443);
    }

    @Test
    void serviceAndDisruptionBudgetSelectThePodsOfTheDeployment() {
        assertThat(podLabels()).containsAllEntriesOf(APP_LABELS);

        assertSelectsThePods(
                "Deployment selector",
                deployment().get("spec", "selector", "matchLabels").strings());
        assertSelectsThePods(
                "Service selector", theBase("Service").get("spec", "selector").strings());
        assertSelectsThePods(
                "PodDisruptionBudget selector",
                theBase("PodDisruptionBudget")
                        .get("spec", "selector", "matchLabels")
                        .strings());
    }

    @Test
    void disruptionBudgetStillAllowsANodeDrain() {
        int fewestReplicas = Math.min(
                deployment().get("spec", "replicas").integer(),
                theBase("HorizontalPodAutoscaler").get("spec", "minReplicas").integer());

        assertThat(theBase("PodDisruptionBudget").get("spec", "minAvailable").integer())
                .as("minAvailable leaves at least one pod evictable")
                .isPositive()
                .isLessThan(fewestReplicas);
    }

    @Test
    void autoscalerScalesTheDeploymentBetweenTwoAndSixReplicasOnCpu() {
        Manifest hpa = theBase("HorizontalPodAutoscaler");
        Node target = hpa.get("spec", "scaleTargetRef");
        List<Node> cpuTargets = hpa.get("spec", "metrics").items().stream()
                .filter(metric -> metric.get("type").text().equals("Resource"))
                .filter(metric -> metric.get("resource", "name").text().equals("cpu"))
                .map(metric -> metric.get("resource", "target"))
                .toList();

        assertThat(target.get("apiVersion").text()).isEqualTo("apps/v1");
        assertThat(target.get("kind").text()).isEqualTo("Deployment");
        assertThat(target.get("name").text()).isEqualTo(deployment().name());
        assertThat(hpa.get("spec", "minReplicas").integer()).isEqualTo(2);
        assertThat(hpa.get("spec", "maxReplicas").integer()).isEqualTo(6);
        assertThat(deployment().get("spec", "replicas").integer())
                .as("Deployment replicas, reset on every apply, match the autoscaler's floor")
                .isEqualTo(hpa.get("spec", "minReplicas").integer());
        assertThat(cpuTargets).as("CPU metrics").singleElement().satisfies(cpu -> {
            assertThat(cpu.get("type").text()).isEqualTo("Utilization");
            assertThat(cpu.get("averageUtilization").integer()).isEqualTo(70);
        });
    }

    @Test
    void probesUseTheManagementPortAndTheServiceOnlyTheApiPort() throws IOException {
        Node container = appContainer();
        Map<String, Integer> ports = containerPorts(container);

        assertThat(ports).containsEntry("http", HTTP_PORT).containsEntry("management", MANAGEMENT_PORT);
        assertThat(applicationProperty("quarkus.management.port"))
                .as("the management port the application listens on")
                .isEqualTo(String.valueOf(MANAGEMENT_PORT));
        assertThat(applicationProperty("quarkus.management.enabled")).isEqualTo("true");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(resolvePort(container.get(probe, "httpGet", "port"), ports))
                    .as(probe)
                    .isEqualTo(MANAGEMENT_PORT);
        }

        List<Node> servicePorts = theBase("Service").get("spec", "ports").items();
        assertThat(servicePorts).as("Service ports").singleElement().satisfies(port -> {
            assertThat(port.get("port").integer()).isEqualTo(80);
            Node targetPort = port.get("targetPort").exists() ? port.get("targetPort") : port.get("port");
            assertThat(resolvePort(targetPort, ports)).as("Service targetPort").isEqualTo(HTTP_PORT);
        });
    }

    @Test
    void podIsScrapedByPrometheusOnTheMetricsEndpoint() {
        Map<String, String> annotations =
                deployment().get("spec", "template", "metadata", "annotations").strings();

        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/q/metrics");
        assertThat(annotations.get("prometheus.io/port"))
                .as("scrape port is the management port")
                .isEqualTo(String.valueOf(containerPorts(appContainer()).get("management")));
    }

    @Test
    void terminationGraceExceedsTheAppShutdownTimeout() throws IOException {
        Duration shutdownTimeout = appShutdownTimeout();
        Duration preStopSleep = preStopSleep(appContainer());
        Duration grace = Duration.ofSeconds(
                podSpec().get("terminationGracePeriodSeconds").integer());

        assertThat(preStopSleep).as("preStop sleep that lets endpoints drain").isPositive();
        assertThat(grace)
                .as(
                        "terminationGracePeriodSeconds covers preStop sleep %s + shutdown timeout %s",
                        preStopSleep, shutdownTimeout)
                .isGreaterThan(preStopSleep.plus(shutdownTimeout));
    }

    // ---------------------------------------------------------------------------------------------
    // Pod security and placement
    // ---------------------------------------------------------------------------------------------

    @Test
    void containerRunsAsNonRootWithReadOnlyRootFilesystem() {
        for (Node container : containers()) {
            assertThat(effectiveSecurity(container, "runAsNonRoot").isTrue())
                    .as("runAsNonRoot")
                    .isTrue();
            assertThat(effectiveSecurity(container, "runAsUser").integer())
                    .as("runAsUser")
                    .isEqualTo(QUARKUS_IMAGE_USER);
            assertThat(container
                            .get("securityContext", "readOnlyRootFilesystem")
                            .isTrue())
                    .as("readOnlyRootFilesystem of %s", container.where())
                    .isTrue();
            assertThat(volumeMountedAt(container, "/tmp").get("emptyDir").exists())
                    .as("/tmp of %s is a writable emptyDir", container.where())
                    .isTrue();
        }
    }

    @Test
    void containerCannotGainPrivileges() {
        for (Node container : containers()) {
            Node security = container.get("securityContext");
            assertThat(security.get("allowPrivilegeEscalation").isFalse())
                    .as("allowPrivilegeEscalation: false")
                    .isTrue();
            assertThat(security.get("privileged").isTrue()).as("privileged").isFalse();
            assertThat(security.get("capabilities", "drop").texts())
                    .as("dropped capabilities")
                    .contains("ALL");
            assertThat(security.get("capabilities", "add").texts())
                    .as("added capabilities")
                    .isEmpty();
            assertThat(effectiveSecurity(container, "seccompProfile")
                            .get("type")
                            .text())
                    .isEqualTo("RuntimeDefault");
        }
    }

    @Test
    void podRunsUnderItsOwnServiceAccountWithoutAnApiToken() {
        String accountName = podSpec().get("serviceAccountName").text();

        assertThat(accountName).isEqualTo(APP);
        assertThat(manifest("ServiceAccount", accountName)
                        .get("automountServiceAccountToken")
                        .isFalse())
                .as("ServiceAccount automountServiceAccountToken: false")
                .isTrue();
        assertThat(podSpec().get("automountServiceAccountToken").isTrue())
                .as("pod spec re-enabling the token mount")
                .isFalse();
    }

    @Test
    void podsPreferToSpreadAcrossNodes() {
        List<Node> nodeSpreads = new ArrayList<>();
        for (Node constraint : podSpec().get("topologySpreadConstraints").items()) {
            if (constraint.get("topologyKey").text().equals(NODE_TOPOLOGY_KEY)) {
                assertThat(constraint.get("whenUnsatisfiable").text())
                        .as("spreading is preferred, so a small cluster can still schedule the surge pod")
                        .isEqualTo("ScheduleAnyway");
                nodeSpreads.add(constraint.get("labelSelector", "matchLabels"));
            }
        }
        for (Node term : podSpec()
                .get("affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution")
                .items()) {
            if (term.get("podAffinityTerm", "topologyKey").text().equals(NODE_TOPOLOGY_KEY)) {
                nodeSpreads.add(term.get("podAffinityTerm", "labelSelector", "matchLabels"));
            }
        }

        assertThat(nodeSpreads)
                .as("node spreading rules (topologySpreadConstraints or preferred podAntiAffinity)")
                .isNotEmpty()
                .allSatisfy(selector -> assertSelectsThePods(selector.where(), selector.strings()));
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers: loading
    // ---------------------------------------------------------------------------------------------

    private static List<Manifest> load(Path root) throws IOException {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : yamlFilesIn(root)) {
            for (Object document : parseAll(file)) {
                manifests.add(new Manifest(file, new Node(file.toString(), document)));
            }
        }
        return manifests;
    }

    private static List<Object> parseAll(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return parseAll(reader);
        }
    }

    private static List<Object> parseAll(Reader reader) {
        List<Object> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    private static List<Path> yamlFilesIn(Path root) throws IOException {
        assertThat(root)
                .as("manifest directory (tests run from the repository root)")
                .isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file ->
                            file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Manifest> allManifests() {
        return Stream.concat(baseManifests.stream(), overlayManifests.stream()).toList();
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers: finding manifests
    // ---------------------------------------------------------------------------------------------

    private static Manifest theBase(String kind) {
        List<Manifest> found = baseManifests.stream()
                .filter(manifest -> manifest.kind().equals(kind))
                .toList();
        assertThat(found).as("%s manifests in %s", kind, BASE).hasSize(1);
        return found.get(0);
    }

    private static Manifest manifest(String kind, String name) {
        return baseManifests.stream()
                .filter(manifest ->
                        manifest.kind().equals(kind) && manifest.name().equals(name))
                .findFirst()
                .orElseGet(() -> fail("no %s named %s in %s", kind, name, BASE));
    }

    private static List<String> namesOf(List<Manifest> manifests, String kind) {
        return manifests.stream()
                .filter(manifest -> manifest.kind().equals(kind))
                .map(Manifest::name)
                .toList();
    }

    private static List<Manifest> kustomizations(List<Manifest> manifests) {
        return manifests.stream()
                .filter(manifest -> manifest.kind().equals("Kustomization"))
                .filter(manifest -> manifest.file().getFileName().toString().equals(KUSTOMIZATION))
                .toList();
    }

    private static Manifest kustomizationIn(Path dir) {
        Path file = dir.resolve(KUSTOMIZATION);
        return allManifests().stream()
                .filter(manifest -> manifest.file().equals(file))
                .findFirst()
                .orElseGet(() -> fail("missing %s", file));
    }

    private static List<String> resourcesOf(Manifest kustomization) {
        return kustomization.get("resources").texts();
    }

    private static boolean isKustomizeResource(Path path) {
        return Files.isRegularFile(path) || Files.isRegularFile(path.resolve(KUSTOMIZATION));
    }

    /** What a kustomize patch applies to: its explicit target, or the objects named in its body. */
    private static List<Node> patchTargets(Manifest overlay, Node patch) throws IOException {
        if (patch.get("target").exists()) {
            return List.of(patch.get("target"));
        }
        List<Object> bodies = patch.get("path").exists()
                ? parseAll(overlay.file().getParent().resolve(patch.get("path").text()))
                : parseAll(new StringReader(patch.get("patch").text()));
        assertThat(bodies).as("%s has a body", patch.where()).isNotEmpty();
        return bodies.stream()
                .map(body -> {
                    Node node = new Node(patch.where(), body);
                    return new Node(
                            patch.where(),
                            Map.of(
                                    "kind", node.get("kind").text(),
                                    "name",
                                            Pattern.quote(
                                                    node.get("metadata", "name").text())));
                })
                .toList();
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers: the pod
    // ---------------------------------------------------------------------------------------------

    private static Manifest deployment() {
        return theBase("Deployment");
    }

    private static Node podSpec() {
        return deployment().get("spec", "template", "spec");
    }

    private static Map<String, String> podLabels() {
        return deployment().get("spec", "template", "metadata", "labels").strings();
    }

    private static List<Node> containers() {
        List<Node> containers = podSpec().get("containers").items();
        assertThat(containers).as("containers of the Deployment").isNotEmpty();
        return containers;
    }

    private static Node appContainer() {
        return containers().stream()
                .filter(container -> container.get("name").text().equals(APP))
                .findFirst()
                .orElseGet(() -> fail("no container named %s in the Deployment", APP));
    }

    private static void assertSelectsThePods(String selectorName, Map<String, String> selector) {
        assertThat(selector).as(selectorName).isNotEmpty();
        assertThat(podLabels())
                .as("pod template labels matched by %s", selectorName)
                .containsAllEntriesOf(selector);
    }

    private static Map<String, Integer> containerPorts(Node container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Node port : container.get("ports").items()) {
            ports.put(port.get("name").text(), port.get("containerPort").integer());
        }
        return ports;
    }

    /** A port given by name must be a declared container port; a number must be one of the declared ones. */
    private static int resolvePort(Node port, Map<String, Integer> containerPorts) {
        if (port.value() instanceof Integer number) {
            assertThat(containerPorts.values())
                    .as("%s is a declared container port", port.where())
                    .contains(number);
            return number;
        }
        String name = port.text();
        assertThat(containerPorts)
                .as("%s names a declared container port", port.where())
                .containsKey(name);
        return containerPorts.get(name);
    }

    private static String probePath(Node container, String probe) {
        return container.get(probe, "httpGet", "path").text();
    }

    /** initialDelaySeconds + periodSeconds x failureThreshold, with the Kubernetes defaults. */
    private static Duration startupAllowance(Node probe) {
        int initialDelay = probe.get("initialDelaySeconds").integerOr(0);
        int period = probe.get("periodSeconds").integerOr(10);
        int failureThreshold = probe.get("failureThreshold").integerOr(3);
        return Duration.ofSeconds(initialDelay + (long) period * failureThreshold);
    }

    private static boolean isPositiveIntOrPercent(Node value) {
        if (value.value() instanceof Integer number) {
            return number > 0;
        }
        Matcher percent = Pattern.compile("([0-9]+)%").matcher(value.text());
        return percent.matches() && Integer.parseInt(percent.group(1)) > 0;
    }

    private static List<String> referencedNames(List<Node> envFrom, String referenceType) {
        return envFrom.stream()
                .map(source -> source.get(referenceType, "name"))
                .filter(Node::exists)
                .map(Node::text)
                .toList();
    }

    private static boolean namesACredential(String key) {
        return CREDENTIAL_WORDS.stream().anyMatch(key.toUpperCase()::contains);
    }

    /** A container-level securityContext field, falling back to the pod-level one as Kubernetes does. */
    private static Node effectiveSecurity(Node container, String field) {
        Node own = container.get("securityContext", field);
        return own.exists() ? own : podSpec().get("securityContext", field);
    }

    private static Node volumeMountedAt(Node container, String mountPath) {
        String volumeName = container.get("volumeMounts").items().stream()
                .filter(mount -> mount.get("mountPath").text().equals(mountPath))
                .map(mount -> mount.get("name").text())
                .findFirst()
                .orElseGet(() -> fail("%s mounts nothing at %s", container.where(), mountPath));
        return podSpec().get("volumes").items().stream()
                .filter(volume -> volume.get("name").text().equals(volumeName))
                .findFirst()
                .orElseGet(() -> fail("volume %s is not defined in the pod", volumeName));
    }

    private static Duration preStopSleep(Node container) {
        Node preStop = container.get("lifecycle", "preStop");
        if (preStop.get("sleep", "seconds").exists()) {
            return Duration.ofSeconds(preStop.get("sleep", "seconds").integer());
        }
        String command = String.join(" ", preStop.get("exec", "command").texts());
        Matcher sleep = SLEEP_COMMAND.matcher(command);
        assertThat(sleep.find()).as("%s sleeps: '%s'", preStop.where(), command).isTrue();
        return Duration.ofSeconds(Long.parseLong(sleep.group(1)));
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers: values
    // ---------------------------------------------------------------------------------------------

    /** A Kubernetes resource quantity in base units (cores, bytes): 250m, 1, 0.5, 384Mi, 1Gi, 1e3, 500M. */
    static BigDecimal quantity(Node node) {
        String text = node.text();
        Matcher matcher = QUANTITY.matcher(text);
        assertThat(matcher.matches())
                .as("%s = '%s' is a Kubernetes quantity", node.where(), text)
                .isTrue();
        BigDecimal number = new BigDecimal(matcher.group(1));
        String suffix = matcher.group(2);
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            return number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        }
        if (suffix.endsWith("i")) {
            int power = "KMGTPE".indexOf(suffix.charAt(0)) + 1;
            return number.multiply(BigDecimal.valueOf(1024).pow(power));
        }
        int exponent = switch (suffix) {
            case "n" -> -9;
            case "u" -> -6;
            case "m" -> -3;
            case "k" -> 3;
            case "M" -> 6;
            case "G" -> 9;
            case "T" -> 12;
            case "P" -> 15;
            case "E" -> 18;
            default -> 0;
        };
        return number.scaleByPowerOfTen(exponent);
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        }
        return properties;
    }

    private static String applicationProperty(String name) throws IOException {
        return applicationProperties().getProperty(name);
    }

    /** {@code quarkus.shutdown.timeout} as the prod profile sees it; 30s if the file or key is absent. */
    private static Duration appShutdownTimeout() throws IOException {
        if (!Files.isRegularFile(APPLICATION_PROPERTIES)) {
            return DEFAULT_SHUTDOWN_TIMEOUT;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        }
        String value = properties.getProperty(
                "%prod.quarkus.shutdown.timeout", properties.getProperty("quarkus.shutdown.timeout"));
        return value == null ? DEFAULT_SHUTDOWN_TIMEOUT : quarkusDuration(value.trim());
    }

    /** Quarkus duration syntax: plain seconds, 500ms, 30s, 2m, 1h, 1d, or ISO-8601 (PT30S). */
    static Duration quarkusDuration(String value) {
        Matcher shortForm = QUARKUS_SHORT_DURATION.matcher(value);
        if (!shortForm.matches()) {
            return Duration.parse(value);
        }
        long amount = Long.parseLong(shortForm.group(1));
        String unit = shortForm.group(2) == null ? "s" : shortForm.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static String imageRepository(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int tag = withoutDigest.lastIndexOf(':');
        return tag > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, tag) : withoutDigest;
    }

    // ---------------------------------------------------------------------------------------------
    // Model
    // ---------------------------------------------------------------------------------------------

    /** One YAML document of a manifest file. */
    record Manifest(Path file, Node root) {

        String apiVersion() {
            return root.get("apiVersion").text();
        }

        String kind() {
            return root.get("kind").text();
        }

        String name() {
            return root.get("metadata", "name").text();
        }

        Node get(String... keys) {
            return root.get(keys);
        }

        @Override
        public String toString() {
            return root.get("kind").value() + " " + root.get("metadata", "name").value() + " (" + file + ")";
        }
    }

    /**
     * A position in a parsed YAML tree; {@code where} names it for assertion messages. Missing keys give a node
     * whose value is null, so that navigation never throws and reading a missing value fails with its path.
     */
    record Node(String where, Object value) {

        Node get(String... keys) {
            Node node = this;
            for (String key : keys) {
                Object child = node.value instanceof Map<?, ?> map ? map.get(key) : null;
                node = new Node(node.where + "." + key, child);
            }
            return node;
        }

        boolean exists() {
            return value != null;
        }

        String text() {
            assertThat(value).as("%s is present", where).isNotNull();
            assertThat(value).as("%s is a scalar", where).isNotInstanceOfAny(Map.class, List.class);
            return String.valueOf(value);
        }

        int integer() {
            assertThat(value).as("%s is an integer", where).isInstanceOf(Integer.class);
            return (Integer) value;
        }

        int integerOr(int defaultValue) {
            return exists() ? integer() : defaultValue;
        }

        boolean isTrue() {
            return Boolean.TRUE.equals(value);
        }

        boolean isFalse() {
            return Boolean.FALSE.equals(value);
        }

        /** Elements of a list; empty when absent. */
        List<Node> items() {
            if (value == null) {
                return List.of();
            }
            assertThat(value).as("%s is a list", where).isInstanceOf(List.class);
            List<Node> items = new ArrayList<>();
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                items.add(new Node(where + "[" + i + "]", list.get(i)));
            }
            return items;
        }

        List<String> texts() {
            return items().stream().map(Node::text).toList();
        }

        /** Keys of a mapping; empty when absent. */
        Set<String> keys() {
            return strings().keySet();
        }

        /** A mapping with scalar values as strings; empty when absent. */
        Map<String, String> strings() {
            if (value == null) {
                return Map.of();
            }
            assertThat(value).as("%s is a mapping", where).isInstanceOf(Map.class);
            Map<String, String> strings = new LinkedHashMap<>();
            ((Map<?, ?>) value)
                    .forEach((key, item) -> strings.put(String.valueOf(key), new Node(where + "." + key, item).text()));
            return strings;
        }
    }
}
