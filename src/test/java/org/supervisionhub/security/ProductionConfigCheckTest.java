package org.supervisionhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start-up check that keeps demo and test secrets out of production, on configurations built from the real
 * {@code application.properties} (plain JUnit: a Quarkus test cannot start the prod profile).
 */
class ProductionConfigCheckTest {

    private static final Path APPLICATION_PROPERTIES = Path.of("src", "main", "resources", "application.properties");
    private static final Path DEMO_TOKEN_KEY = Path.of("scripts", "demo-keys", "demo-signing-key.pem");

    /** Secrets a production deployment supplies from its secret store, fresh and random. */
    private static Map<String, String> productionSecrets() {
        Map<String, String> secrets = new HashMap<>();
        secrets.put("quarkus.datasource.password", random());
        secrets.put("hub.pii.hmac-key", random());
        secrets.put("hub.credentials.signing-keys[0].kid", "prod-ecred-1");
        secrets.put("hub.credentials.signing-keys[0].private-key", random());
        secrets.put("hub.sync.national.callback-keys.gx-1", random());
        secrets.put("quarkus.oidc.auth-server-url", "https://sso.example.gov.cn/realms/supervision");
        return secrets;
    }

    private static String random() {
        return UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    /** The application's configuration in a profile, with the given values set on top (as the environment would). */
    private static SmallRyeConfig config(String profile, Map<String, String> overrides) throws IOException {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        APPLICATION_PROPERTIES.toUri().toURL(), 250))
                .withSources(new PropertiesConfigSource(overrides, "deployment", 400))
                .build();
    }

    private static List<Map.Entry<String, String>> rawApplicationProperties() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        properties.forEach((name, value) -> entries.add(Map.entry((String) name, (String) value)));
        return entries;
    }

    @Test
    void aProductionConfigurationWithItsOwnSecretsStarts() throws IOException {
        assertThat(ProductionConfigCheck.problems(config("prod", productionSecrets())))
                .isEmpty();
    }

    @Test
    void demoValuesInProductionAreRefusedNamingEveryPropertyButNoValue() throws IOException {
        Map<String, String> deployment = productionSecrets();
        deployment.put("hub.pii.hmac-key", "demo-only-pii-key-not-for-production-use");
        deployment.put("hub.sync.national.callback-keys.sim-1", "national-simulator-demo-secret-not-for-production");
        deployment.put("quarkus.oidc.portal.authentication.state-secret", "demo-only-state-secret-0123456789abcdef");
        deployment.remove("quarkus.datasource.password");

        List<String> problems = ProductionConfigCheck.problems(config("prod", deployment));

        assertThat(problems)
                .singleElement()
                .satisfies(problem -> assertThat(problem)
                        .contains(
                                "hub.pii.hmac-key",
                                "hub.sync.national.callback-keys.sim-1",
                                "quarkus.oidc.portal.authentication.state-secret",
                                "quarkus.datasource.password")
                        .doesNotContain("demo-only-pii-key", "national-simulator-demo-secret", "demo-only-state-secret")
                        .doesNotContain("hub.credentials.signing-keys[0].private-key"));
    }

    @Test
    void theDemoElectronicCredentialKeyAndTheDemoTokenKeyAreRefusedInProduction() throws IOException {
        SmallRyeConfig demo = config("demo", Map.of());
        Map<String, String> deployment = productionSecrets();
        deployment.put(
                "hub.credentials.signing-keys[0].private-key",
                demo.getValue("hub.credentials.signing-keys[0].private-key", String.class));
        deployment.put("quarkus.oidc.public-key", demo.getValue("quarkus.oidc.public-key", String.class));

        assertThat(ProductionConfigCheck.problems(config("prod", deployment)))
                .singleElement()
                .asString()
                .contains("hub.credentials.signing-keys[0].private-key", "quarkus.oidc.public-key");
    }

    @Test
    void theOfflineDemoTokenKeyOfScriptsDemoKeysIsAKnownDemoValue() throws Exception {
        String pem = Files.readString(DEMO_TOKEN_KEY)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey)
                rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String publicKey = Base64.getEncoder()
                .encodeToString(rsa.generatePublic(new RSAPublicKeySpec(
                                privateKey.getModulus(),
                                BigInteger.valueOf(
                                        privateKey.getPublicExponent().longValueExact())))
                        .getEncoded());

        assertThat(ProductionConfigCheck.knownDemoValues(rawApplicationProperties()))
                .as("the public half of the key scripts/demo-token.sh signs with")
                .contains(publicKey);
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "demo", "dev"})
    void everySecretOfTheTestDemoAndDevProfilesIsDetectedAsDemo(String profile) throws IOException {
        Map<String, String> secrets = ProductionConfigCheck.configuredSecrets(config(profile, Map.of()));
        secrets.values().removeIf(String::isBlank);

        assertThat(secrets.keySet())
                .as("secrets of the %s profile", profile)
                .contains("hub.pii.hmac-key", "quarkus.oidc.public-key", "quarkus.datasource.password")
                .anyMatch(name -> name.startsWith("hub.sync.national.callback-keys."))
                .anyMatch(name -> name.endsWith(".private-key") && name.startsWith("hub.credentials.signing-keys"));
        assertThat(ProductionConfigCheck.demoValuedSecrets(
                        secrets, ProductionConfigCheck.knownDemoValues(rawApplicationProperties())))
                .as("secrets of the %s profile known as demo values", profile)
                .containsExactlyInAnyOrderElementsOf(secrets.keySet());
    }

    @Test
    void theTestProfilesSecretsRunUnderTheProductionProfileAreRefused() throws IOException {
        SmallRyeConfig test = config("test", Map.of());
        Map<String, String> deployment = productionSecrets();
        deployment.put("hub.pii.hmac-key", test.getValue("hub.pii.hmac-key", String.class));
        deployment.put(
                "hub.sync.national.callback-keys.sim-1",
                test.getValue("hub.sync.national.callback-keys.sim-1", String.class));

        assertThat(ProductionConfigCheck.problems(config("prod", deployment)))
                .singleElement()
                .asString()
                .contains("hub.pii.hmac-key", "hub.sync.national.callback-keys.sim-1");
    }

    @Test
    void secretsGivenAsEnvironmentVariablesAreCheckedToo() throws IOException {
        Map<String, String> deployment = productionSecrets();
        deployment.put("HUB_SYNC_NATIONAL_CALLBACK_KEYS_SIM_1", "national-simulator-demo-secret-not-for-production");

        assertThat(ProductionConfigCheck.problems(config("prod", deployment)))
                .singleElement()
                .asString()
                .contains("HUB_SYNC_NATIONAL_CALLBACK_KEYS_SIM_1");
    }

    @Test
    void forwardedAddressesWithoutATrustedProxyAreRefused() throws IOException {
        Map<String, String> deployment = productionSecrets();
        deployment.put("quarkus.http.proxy.trusted-proxies", "");

        assertThat(ProductionConfigCheck.problems(config("prod", deployment)))
                .singleElement()
                .asString()
                .contains("quarkus.http.proxy.trusted-proxies");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test", "demo", "keycloak"})
    void theDevTestAndDemoProfilesAreNotChecked(String profile) {
        assertThat(ProductionConfigCheck.appliesTo(List.of(profile))).isFalse();
    }

    @Test
    void productionAndAnyOtherProfileAreChecked() {
        assertThat(ProductionConfigCheck.appliesTo(List.of("prod"))).isTrue();
        assertThat(ProductionConfigCheck.appliesTo(List.of("staging"))).isTrue();
        assertThat(ProductionConfigCheck.appliesTo(List.of("keycloak", "demo"))).isFalse();
        assertThat(Set.copyOf(ProductionConfigCheck.NON_PRODUCTION_PROFILES))
                .containsExactlyInAnyOrder("dev", "test", "demo", "keycloak");
    }
}
