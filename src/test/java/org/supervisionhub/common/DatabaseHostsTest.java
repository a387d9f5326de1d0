package org.supervisionhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.DatabaseConfig.TargetSessionAttrs;

/**
 * target_session_attrs=read-write over several servers, against the real test server: a server that refuses the
 * connection and one whose sessions are read-only (as a standby's are) are passed over for the one that takes writes.
 */
@QuarkusTest
class DatabaseHostsTest {

    @Inject
    DatabaseHosts hosts;

    @Inject
    DatabaseConfig config;

    @Inject
    Vertx vertx;

    @Test
    void anUnreachableServerIsPassedOverForTheNextOne() {
        PgConnectOptions writable = testServer();
        Supplier<Future<PgConnectOptions>> choice =
                DatabaseHosts.chooser(vertx, List.of(unreachable(), writable), TargetSessionAttrs.READ_WRITE);

        assertThat(await(choice.get())).isSameAs(writable);
    }

    @Test
    void aReadOnlyServerIsPassedOverForOneThatTakesWrites() {
        PgConnectOptions writable = testServer();
        Supplier<Future<PgConnectOptions>> choice =
                DatabaseHosts.chooser(vertx, List.of(readOnly(), writable), TargetSessionAttrs.READ_WRITE);

        assertThat(await(choice.get())).isSameAs(writable);
    }

    @Test
    void withoutAServerThatTakesWritesTheConnectionFailsAsUnavailableNamingEachServer() {
        Supplier<Future<PgConnectOptions>> choice =
                DatabaseHosts.chooser(vertx, List.of(unreachable(), readOnly()), TargetSessionAttrs.READ_WRITE);

        Throwable failure = catchThrowable(() -> await(choice.get()));

        assertThat(failure)
                .isInstanceOf(NoWritableDatabaseException.class)
                .hasMessageContaining(":1 failed")
                .hasMessageContaining("is read-only");
        assertThat(DatabaseFailures.classify(failure)).isEqualTo(DatabaseFailures.Kind.UNAVAILABLE);
    }

    @Test
    void targetSessionAttrsAnyTakesTheServersInTurnWithoutAsking() {
        PgConnectOptions first = readOnly();
        PgConnectOptions second = testServer();
        Supplier<Future<PgConnectOptions>> choice =
                DatabaseHosts.chooser(vertx, List.of(first, second), TargetSessionAttrs.ANY);

        assertThat(List.of(await(choice.get()), await(choice.get()), await(choice.get())))
                .containsExactly(first, second, first);
    }

    @Test
    void eachConfiguredHostTakesTheUrlsDatabaseCredentialsAndParameters() {
        PgConnectOptions url = testServer();
        url.getProperties().put(DatabaseHosts.TARGET_SESSION_ATTRS, "read-write");

        List<PgConnectOptions> servers =
                DatabaseHosts.servers(List.of(url), List.of("pg-a:5433", "[::1]", "pg-b"), config);

        assertThat(servers).extracting(PgConnectOptions::getHost).containsExactly("pg-a", "::1", "pg-b");
        assertThat(servers).extracting(PgConnectOptions::getPort).containsExactly(5433, 5432, 5432);
        assertThat(servers).allSatisfy(server -> {
            assertThat(server.getDatabase()).isEqualTo(url.getDatabase());
            assertThat(server.getUser()).isEqualTo(url.getUser());
            assertThat(server.getProperties())
                    .containsEntry("statement_timeout", url.getProperties().get("statement_timeout"))
                    .doesNotContainKey(DatabaseHosts.TARGET_SESSION_ATTRS);
            assertThat(server.getConnectTimeout())
                    .isEqualTo((int) config.connectTimeout().toMillis());
        });
    }

    @Test
    void aHostWithoutAValidPortIsRefusedAtStart() {
        assertThatThrownBy(() -> DatabaseHosts.port("pg-a:54x2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.db.hosts");
        assertThatThrownBy(() -> DatabaseHosts.port("pg-a:70000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseHosts.host(":5432")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void targetSessionAttrsTakesLibpqsSpelling() {
        assertThat(TargetSessionAttrs.parse("read-write")).isEqualTo(TargetSessionAttrs.READ_WRITE);
        assertThat(TargetSessionAttrs.parse("ANY")).isEqualTo(TargetSessionAttrs.ANY);
        assertThat(config.targetSessionAttrs()).isEqualTo(TargetSessionAttrs.READ_WRITE);
        assertThatThrownBy(() -> TargetSessionAttrs.parse("prefer-standby"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("any or read-write");
    }

    /** The test database as the hub's pool reaches it. */
    private PgConnectOptions testServer() {
        return new PgConnectOptions(hosts.hosts().get(0));
    }

    private PgConnectOptions unreachable() {
        return testServer().setPort(1);
    }

    /** The same server, with sessions that start read-only, as every session on a hot standby is. */
    private PgConnectOptions readOnly() {
        PgConnectOptions options = testServer();
        options.setProperties(new java.util.HashMap<>(options.getProperties()));
        options.getProperties().putAll(Map.of("default_transaction_read_only", "on"));
        return options;
    }

    private static PgConnectOptions await(Future<PgConnectOptions> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
