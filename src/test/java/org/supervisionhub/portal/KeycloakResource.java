package org.supervisionhub.portal;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;

/** Starts Keycloak with the demo realm (scripts/keycloak.sh) for the SSO end-to-end test, and stops it after. */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    static final int PORT = 8182;
    static final int HUB_PORT = 8281;
    static final String URL = "http://localhost:" + PORT + "/realms/supervision";

    @Override
    public Map<String, String> start() {
        if (!SsoPrerequisites.present()) {
            return Map.of();
        }
        run("start", String.valueOf(PORT), "http://localhost:" + HUB_PORT);
        return Map.of();
    }

    @Override
    public void stop() {
        if (SsoPrerequisites.present()) {
            run("stop", String.valueOf(PORT));
        }
    }

    private static void run(String... arguments) {
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = "scripts/keycloak.sh";
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("scripts/keycloak.sh " + String.join(" ", arguments) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
