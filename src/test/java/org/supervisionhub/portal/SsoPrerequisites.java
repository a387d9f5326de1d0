package org.supervisionhub.portal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the SSO end-to-end test needs beyond the rest of the suite: Chromium, playwright-core and the Keycloak
 * distribution (scripts/e2e-prereqs.sh installs them; scripts/test.sh runs it). Without them the test is skipped,
 * unless HUB_E2E_REQUIRED=true (as in CI), where their absence fails it.
 */
final class SsoPrerequisites {

    private SsoPrerequisites() {}

    static String nodePath() {
        String configured = System.getenv("HUB_E2E_NODE_PATH");
        return configured != null
                ? configured
                : Path.of(System.getProperty("user.home"), ".cache", "supervision-hub", "e2e", "node_modules")
                        .toString();
    }

    static boolean present() {
        return Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isDirectory(Path.of(nodePath(), "playwright-core"))
                && Files.isDirectory(Path.of(
                        System.getProperty("user.home"),
                        ".cache",
                        "supervision-hub",
                        "keycloak-" + System.getenv().getOrDefault("KEYCLOAK_VERSION", "26.0.7"),
                        "bin"));
    }

    static boolean required() {
        return "true".equals(System.getenv("HUB_E2E_REQUIRED"));
    }
}
