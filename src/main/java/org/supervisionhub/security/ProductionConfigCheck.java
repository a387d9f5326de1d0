package org.supervisionhub.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Refuses to start the hub outside the dev, test and demo profiles when its configuration is only fit for them:
 * <ul>
 *   <li>a key or secret (any property whose name holds password, secret, private-key, hmac-key, callback-keys or
 *       public-key, in either spelling: {@code hub.pii.hmac-key} or {@code HUB_PII_HMAC_KEY}) equals a known demo
 *       value. Known demo values are read from the configuration itself: every value such a property has in the dev,
 *       test, demo or keycloak profile, and every default written into a {@code ${VAR:default}} expression of one.
 *       So the demo signing keys, the offline demo token key ({@code scripts/demo-keys}), the demo PII key, the
 *       national simulator's callback secret, the realm's client secrets and the local database password all count,
 *       and a demo value added later counts without a change here;</li>
 *   <li>proxy address forwarding is on with no trusted proxy (Quarkus would then trust X-Forwarded-For from any
 *       peer, and clients could choose their own rate-limit bucket).</li>
 * </ul>
 * The log names the offending properties, never their values; the start fails, so the process exits non-zero.
 */
@ApplicationScoped
public class ProductionConfigCheck {

    private static final Logger LOG = Logger.getLogger(ProductionConfigCheck.class);

    /** Profiles whose configuration may hold demo values; every other profile is production. */
    static final Set<String> NON_PRODUCTION_PROFILES = Set.of("dev", "test", "demo", "keycloak");

    /** Names of properties that hold keys or secrets, in property or environment-variable spelling. */
    static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|secret|private[-_]key|hmac[-_]key|callback[-_]keys|public[-_]key).*");

    /** A {@code ${NAME:default}} expression; group 1 is the default. */
    private static final Pattern EXPRESSION_DEFAULT = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    void check(@Observes @Priority(1) StartupEvent event) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        if (!appliesTo(config.getProfiles())) {
            return;
        }
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            String message = "Refusing to start in profile " + config.getProfiles() + ": " + String.join("; ", problems)
                    + ". Supply production values from the secret store (k8s/base/secret.yaml lists them).";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** Whether the active profiles are production ones: none of them is dev, test, demo or keycloak. */
    static boolean appliesTo(List<String> activeProfiles) {
        return activeProfiles.stream().noneMatch(NON_PRODUCTION_PROFILES::contains);
    }

    /** What keeps this configuration from production; empty when nothing does. */
    static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        List<String> demo = demoValuedSecrets(configuredSecrets(config), knownDemoValues(rawEntries(config)));
        if (!demo.isEmpty()) {
            problems.add("these keys or secrets have known demo or test values: " + String.join(", ", demo));
        }
        boolean forwarding = config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class)
                .orElse(false);
        List<String> trusted = config.getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class)
                .orElse(List.of());
        if (forwarding && trusted.stream().allMatch(String::isBlank)) {
            problems.add(
                    "quarkus.http.proxy.proxy-address-forwarding is on with no quarkus.http.proxy.trusted-proxies, "
                            + "so any client could forge X-Forwarded-For");
        }
        return problems;
    }

    /**
     * Values known from the dev, test and demo configuration: from raw entries (property name as written, with its
     * profile prefix, and its unexpanded value), every value of a secret property of a non-production profile and
     * every default of a {@code ${VAR:default}} expression of a secret property of any profile.
     */
    static Set<String> knownDemoValues(Collection<Map.Entry<String, String>> rawEntries) {
        Set<String> values = new TreeSet<>();
        for (Map.Entry<String, String> entry : rawEntries) {
            String name = entry.getKey();
            String value = entry.getValue();
            if (value == null || !SECRET_NAME.matcher(name).matches()) {
                continue;
            }
            Matcher defaults = EXPRESSION_DEFAULT.matcher(value);
            boolean expression = false;
            while (defaults.find()) {
                expression = true;
                addIfSet(values, defaults.group(1));
            }
            if (!expression && isNonProductionProfile(name)) {
                addIfSet(values, value);
            }
        }
        return values;
    }

    /** The secret properties whose configured value is one of {@code demoValues}, by name. */
    static List<String> demoValuedSecrets(Map<String, String> configuredSecrets, Set<String> demoValues) {
        return configuredSecrets.entrySet().stream()
                .filter(entry -> entry.getValue() != null
                        && demoValues.contains(entry.getValue().strip()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Secret properties as the active profile sees them (names without a profile prefix), expanded. */
    static Map<String, String> configuredSecrets(Config config) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("%") || !SECRET_NAME.matcher(name).matches()) {
                continue;
            }
            try {
                config.getOptionalValue(name, String.class).ifPresent(value -> secrets.put(name, value));
            } catch (RuntimeException unresolvable) {
                // An expression without a value: nothing configured, so nothing to compare.
            }
        }
        return secrets;
    }

    private static List<Map.Entry<String, String>> rawEntries(Config config) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (ConfigSource source : config.getConfigSources()) {
            source.getProperties().forEach((name, value) -> entries.add(Map.entry(name, value == null ? "" : value)));
        }
        return entries;
    }

    /** Whether a raw property name carries a profile prefix naming only non-production profiles. */
    private static boolean isNonProductionProfile(String name) {
        if (!name.startsWith("%") || name.indexOf('.') < 0) {
            return false;
        }
        String[] profiles = name.substring(1, name.indexOf('.')).split(",");
        for (String profile : profiles) {
            if (!NON_PRODUCTION_PROFILES.contains(profile.strip())) {
                return false;
            }
        }
        return true;
    }

    private static void addIfSet(Set<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value.strip());
        }
    }
}
