package org.supervisionhub.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plain JUnit: key parsing, public key derivation and the configuration's environment variable names. */
class CredentialKeysTest {

    private static KeyPair ecKeyPair(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static String pemBody(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    private static CredentialsConfig.SigningKey key(String kid, String privateKey) {
        return new CredentialsConfig.SigningKey() {
            @Override
            public String kid() {
                return kid;
            }

            @Override
            public String privateKey() {
                return privateKey;
            }
        };
    }

    @Test
    void derivedPublicKeyIsThePublicHalfOfThePrivateKey() throws Exception {
        for (int i = 0; i < 5; i++) {
            KeyPair pair = ecKeyPair("secp256r1");

            ECPublicKey derived =
                    CredentialKeys.derivePublicKey(CredentialKeys.parsePrivateKey(pemBody(pair), "key"), "key");

            assertThat(derived.getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
        }
    }

    @Test
    void armouredPemIsAccepted() throws Exception {
        KeyPair pair = ecKeyPair("secp256r1");
        String armoured = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        ECPrivateKey parsed = CredentialKeys.parsePrivateKey(armoured, "key");

        assertThat(parsed.getS()).isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
    }

    @Test
    void firstConfiguredKeyIsTheActiveSigner() throws Exception {
        List<CredentialKeys.KeyPair> keys = CredentialKeys.load(List.of(
                key("second-in-time", pemBody(ecKeyPair("secp256r1"))),
                key("first-in-time", pemBody(ecKeyPair("secp256r1")))));

        assertThat(keys).extracting(CredentialKeys.KeyPair::kid).containsExactly("second-in-time", "first-in-time");
    }

    @Test
    void otherCurvesRsaKeysAndGarbageAreRefusedWithoutEchoingTheKey() throws Exception {
        String p384 = pemBody(ecKeyPair("secp384r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaKey = Base64.getEncoder()
                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded());

        for (String bad : List.of(p384, rsaKey, "not base64 !", "AAAA")) {
            assertThatThrownBy(() -> CredentialKeys.load(List.of(key("k1", bad))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("hub.credentials.signing-keys[0].private-key")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void noKeysRepeatedKidsAndBadKidsAreRefused() throws Exception {
        String pem = pemBody(ecKeyPair("secp256r1"));

        assertThatThrownBy(() -> CredentialKeys.load(List.of())).hasMessageContaining("at least one key");
        assertThatThrownBy(() -> CredentialKeys.load(List.of(key("a", pem), key("a", pem))))
                .hasMessageContaining("repeats");
        assertThatThrownBy(() -> CredentialKeys.load(List.of(key("with space", pem))))
                .hasMessageContaining(".kid");
    }

    @Test
    void environmentVariablesNameTheKeysByIndex() throws Exception {
        String first = pemBody(ecKeyPair("secp256r1"));
        String second = pemBody(ecKeyPair("secp256r1"));
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(
                        Map.of(
                                "HUB_CREDENTIALS_SIGNING_KEYS_0__KID", "k-2026",
                                "HUB_CREDENTIALS_SIGNING_KEYS_0__PRIVATE_KEY", first,
                                "HUB_CREDENTIALS_SIGNING_KEYS_1__KID", "k-2025",
                                "HUB_CREDENTIALS_SIGNING_KEYS_1__PRIVATE_KEY", second,
                                "HUB_CREDENTIALS_VERIFY_BASE_URL", "https://hub.example.gov.cn"),
                        300))
                .withMapping(CredentialsConfig.class)
                .build();

        CredentialsConfig mapped = config.getConfigMapping(CredentialsConfig.class);

        assertThat(mapped.signingKeys())
                .extracting(CredentialsConfig.SigningKey::kid)
                .containsExactly("k-2026", "k-2025");
        assertThat(mapped.signingKeys().get(1).privateKey()).isEqualTo(second);
        assertThat(mapped.verifyBaseUrl()).contains("https://hub.example.gov.cn");
        assertThat(mapped.verifyRateLimit().requests()).isEqualTo(30);
        assertThat(mapped.tokenTtl()).hasMinutes(5);
    }
}
