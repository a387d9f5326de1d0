package org.supervisionhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supervisionhub.common.DatabaseFailures.Kind;
import org.supervisionhub.support.Db;

/**
 * The one classification of database failures: what PostgreSQL and the client really raise in a failover is
 * unavailable (retried after a pause, 503 to a client), conflicts are retried at once, everything else is final.
 */
@QuarkusTest
class DatabaseFailuresTest {

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    DatabaseHosts hosts;

    @Inject
    Db db;

    @ParameterizedTest(name = "SQLSTATE {0} is {1}")
    @CsvSource({
        "40P01, CONFLICT", // deadlock_detected
        "40001, CONFLICT", // serialization_failure
        "25006, UNAVAILABLE", // read_only_sql_transaction: a standby, or a demoted primary
        "57P01, UNAVAILABLE", // admin_shutdown
        "57P02, UNAVAILABLE", // crash_shutdown
        "57P03, UNAVAILABLE", // cannot_connect_now: starting up, in recovery
        "53300, UNAVAILABLE", // too_many_connections
        "08000, UNAVAILABLE", // connection_exception
        "08001, UNAVAILABLE", // sqlclient_unable_to_establish_sqlconnection
        "08003, UNAVAILABLE", // connection_does_not_exist
        "08006, UNAVAILABLE", // connection_failure
        "08P01, UNAVAILABLE", // protocol_violation
        "23505, FINAL", // unique_violation
        "23503, FINAL", // foreign_key_violation
        "22001, FINAL", // string_data_right_truncation
        "42P01, FINAL", // undefined_table
        "57014, FINAL" // query_canceled: a statement timeout is no failover
    })
    void eachSqlStateHasOneKind(String state, Kind kind) {
        assertThat(DatabaseFailures.classify(new PgException("message", "ERROR", state, null)))
                .isEqualTo(kind);
    }

    @Test
    void aWriteOnAReadOnlyServerIsUnavailable() {
        Throwable failure = catchThrowable(() -> inTransactionOnce(connection -> {
            connection.query("set transaction read only").execute().await().indefinitely();
            connection
                    .preparedQuery("insert into callback_nonce (nonce) values ($1)")
                    .execute(Tuple.of("read-only-" + System.nanoTime()))
                    .await()
                    .indefinitely();
        }));

        assertThat(failure).isInstanceOf(PgException.class);
        assertThat(((PgException) failure).getSqlState()).isEqualTo("25006");
        assertThat(DatabaseFailures.classify(failure)).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aSessionTerminatedByTheServerIsUnavailable() {
        Throwable failure = catchThrowable(() -> inTransactionOnce(connection -> {
            int pid = connection
                    .query("select pg_backend_pid()")
                    .execute()
                    .await()
                    .indefinitely()
                    .iterator()
                    .next()
                    .getInteger(0);
            db.single("select pg_terminate_backend(?)", pid);
            connection.query("select 1").execute().await().atMost(Duration.ofSeconds(10));
        }));

        assertThat(failure).isNotNull();
        assertThat(DatabaseFailures.classify(failure)).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        PgConnectOptions nowhere = new PgConnectOptions(hosts.hosts().get(0)).setPort(1);

        Throwable failure = catchThrowable(() -> PgConnection.connect(vertx, nowhere)
                .toCompletionStage()
                .toCompletableFuture()
                .join());

        assertThat(failure).isInstanceOf(CompletionException.class);
        assertThat(DatabaseFailures.classify(failure)).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aDeadlockIsAConflict() throws Exception {
        long first = System.nanoTime();
        long second = first + 1;
        SqlConnection one = pool.getConnection().await().indefinitely();
        SqlConnection two = pool.getConnection().await().indefinitely();
        try {
            Transaction oneTx = one.begin().await().indefinitely();
            Transaction twoTx = two.begin().await().indefinitely();
            lock(one, first);
            lock(two, second);
            // Each now waits for the other's lock; PostgreSQL aborts one of them after deadlock_timeout.
            var oneWaits = one.preparedQuery("select pg_advisory_xact_lock($1)")
                    .execute(Tuple.of(second))
                    .subscribeAsCompletionStage();
            var twoWaits = two.preparedQuery("select pg_advisory_xact_lock($1)")
                    .execute(Tuple.of(first))
                    .subscribeAsCompletionStage();
            // Exactly one is the victim. Wait for both outcomes: the survivor's answer can arrive on its own
            // connection before the victim's error has been read from the other one.
            Throwable oneFailure = outcome(oneWaits.toCompletableFuture());
            Throwable twoFailure = outcome(twoWaits.toCompletableFuture());
            Throwable failure = oneFailure != null ? oneFailure : twoFailure;
            oneTx.rollback().await().indefinitely();
            twoTx.rollback().await().indefinitely();

            assertThat(failure).isNotNull();
            assertThat(DatabaseFailures.classify(failure)).isEqualTo(Kind.CONFLICT);
        } finally {
            one.close().await().indefinitely();
            two.close().await().indefinitely();
        }
    }

    private static Throwable outcome(java.util.concurrent.CompletableFuture<?> waiting) throws Exception {
        try {
            waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException failed) {
            return failed.getCause();
        }
    }

    @Test
    void aUniqueViolationIsFinal() {
        String nonce = "unique-" + System.nanoTime();
        db.update("insert into callback_nonce (nonce) values (?)", nonce);

        Throwable failure = catchThrowable(() -> inTransactionOnce(connection -> connection
                .preparedQuery("insert into callback_nonce (nonce) values ($1)")
                .execute(Tuple.of(nonce))
                .await()
                .indefinitely()));

        assertThat(DatabaseFailures.classify(failure)).isEqualTo(Kind.FINAL);
    }

    @Test
    void theKindIsFoundThroughWrappers() {
        Throwable wrapped = new CompletionException(
                new IllegalStateException("session failed", new RuntimeException(ClosedConnectionException.INSTANCE)));

        assertThat(DatabaseFailures.classify(wrapped)).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void noServerTakingWritesIsUnavailable() {
        assertThat(DatabaseFailures.classify(new NoWritableDatabaseException("none")))
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aConnectionResetByTheServerIsUnavailable() {
        // The JDK's native read reports a reset socket (a killed server) as a plain IOException.
        assertThat(DatabaseFailures.classify(new java.io.IOException("Connection reset by peer")))
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(DatabaseFailures.classify(new java.io.IOException("the upload broke off")))
                .isEqualTo(Kind.FINAL);
    }

    @Test
    void aCommandOnAConnectionTheServerClosedIsUnavailable() {
        // What Vert.x answers when a pooled connection's socket closed just before a command was given to it.
        Throwable closed = new java.util.concurrent.CompletionException(
                new io.vertx.core.impl.NoStackTraceThrowable("Connection is not active now, current status: CLOSED"));

        assertThat(DatabaseFailures.classify(closed)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(DatabaseFailures.classify(new io.vertx.core.impl.NoStackTraceThrowable("something else")))
                .isEqualTo(Kind.FINAL);
    }

    @Test
    void aFailureOfTheWorkItselfIsFinal() {
        assertThat(DatabaseFailures.classify(new IllegalArgumentException("bad input")))
                .isEqualTo(Kind.FINAL);
    }

    @Test
    void anUnavailableDatabaseAnswers503DatabaseUnavailableWithRetryAfter() {
        jakarta.ws.rs.core.Response response = new ProblemMapper()
                .unexpected(new RuntimeException(new PgException("read-only", "ERROR", "25006", null)), null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(response.getEntity()).isInstanceOfSatisfying(Problem.class, problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.DATABASE_UNAVAILABLE.name());
            assertThat(problem.detail()).doesNotContain("PgException").doesNotContain("25006");
        });
    }

    @Test
    void aConflictStillAnswers409ConcurrentUpdate() {
        jakarta.ws.rs.core.Response response =
                new ProblemMapper().unexpected(new PgException("deadlock", "ERROR", "40P01", null), null);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((Problem) response.getEntity()).code()).isEqualTo(ErrorCode.CONCURRENT_UPDATE.name());
    }

    private void inTransactionOnce(java.util.function.Consumer<SqlConnection> work) {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction transaction = connection.begin().await().indefinitely();
            work.accept(connection);
            transaction.commit().await().indefinitely();
        } finally {
            try {
                connection.close().await().indefinitely();
            } catch (RuntimeException ignored) {
                // a terminated session closes with an error of its own
            }
        }
    }

    private static void lock(SqlConnection connection, long key) {
        connection
                .preparedQuery("select pg_advisory_xact_lock($1)")
                .execute(Tuple.of(key))
                .await()
                .indefinitely();
    }
}
