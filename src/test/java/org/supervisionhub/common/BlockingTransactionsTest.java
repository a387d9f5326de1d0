package org.supervisionhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;

/** The one place where transient database failures are retried, and where they are not. */
@QuarkusTest
class BlockingTransactionsTest {

    @Inject
    BlockingTransactions transactions;

    @Inject
    Db db;

    @Inject
    DatabaseConfig config;

    @Test
    void aSerializationFailureIsRetriedAndOnlyTheLastAttemptCommits() {
        String key = "retry-" + System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();

        String result = transactions.inTransaction(connection -> {
            connection
                    .preparedQuery("insert into callback_nonce (nonce) values ($1)")
                    .execute(Tuple.of(key + "-" + attempts.get()))
                    .await()
                    .indefinitely();
            if (attempts.incrementAndGet() == 1) {
                throw new PgException("could not serialize access", "ERROR", "40001", null);
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
        assertThat(db.count("select count(*) from callback_nonce where nonce like ?", key + "%"))
                .isEqualTo(1);
    }

    @Test
    void aLostConnectionBeforeTheCommitIsRetried() {
        AtomicInteger attempts = new AtomicInteger();

        transactions.inTransaction(connection -> {
            if (attempts.incrementAndGet() == 1) {
                throw io.vertx.sqlclient.ClosedConnectionException.INSTANCE;
            }
            return null;
        });

        assertThat(attempts).hasValue(2);
    }

    @Test
    void anErrorOfTheWorkItselfIsNotRetriedAndRollsBack() {
        String key = "no-retry-" + System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions.inTransaction(connection -> {
                    attempts.incrementAndGet();
                    connection
                            .preparedQuery("insert into callback_nonce (nonce) values ($1)")
                            .execute(Tuple.of(key))
                            .await()
                            .indefinitely();
                    throw new IllegalStateException("a failure of the work itself");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(attempts).hasValue(1);
        assertThat(db.count("select count(*) from callback_nonce where nonce = ?", key))
                .isZero();
    }

    @Test
    void aPersistentConflictGivesUpAfterTheConfiguredAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions.inTransaction(connection -> {
                    attempts.incrementAndGet();
                    throw new PgException("deadlock detected", "ERROR", "40P01", null);
                }))
                .isInstanceOf(PgException.class);

        assertThat(attempts).hasValue(config.retry().attempts());
    }

    @Test
    void aWriteRefusedByAReadOnlyServerIsRetriedAndCommitsOnce() {
        String key = "read-only-" + System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();

        transactions.inTransaction(connection -> {
            if (attempts.incrementAndGet() == 1) {
                // What a demoted primary or a standby answers: 25006 read_only_sql_transaction.
                connection.query("set transaction read only").execute().await().indefinitely();
            }
            return connection
                    .preparedQuery("insert into callback_nonce (nonce) values ($1)")
                    .execute(Tuple.of(key))
                    .await()
                    .indefinitely();
        });

        assertThat(attempts).hasValue(2);
        assertThat(db.count("select count(*) from callback_nonce where nonce = ?", key))
                .isEqualTo(1);
    }

    @Test
    void aSessionTheServerTerminatesBeforeTheCommitIsRetriedOnANewConnection() {
        String key = "terminated-" + System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();
        java.util.List<Integer> sessions = new java.util.ArrayList<>();

        transactions.inTransaction(connection -> {
            int pid = connection
                    .query("select pg_backend_pid()")
                    .execute()
                    .await()
                    .indefinitely()
                    .iterator()
                    .next()
                    .getInteger(0);
            sessions.add(pid);
            connection
                    .preparedQuery("insert into callback_nonce (nonce) values ($1)")
                    .execute(Tuple.of(key))
                    .await()
                    .indefinitely();
            if (attempts.incrementAndGet() == 1) {
                // The server goes away under the open transaction, as a primary does when it is killed.
                db.single("select pg_terminate_backend(?)", pid);
            }
            return connection.query("select 1").execute().await().indefinitely();
        });

        assertThat(attempts).hasValue(2);
        assertThat(sessions.get(1)).isNotEqualTo(sessions.get(0));
        assertThat(db.count("select count(*) from callback_nonce where nonce = ?", key))
                .isEqualTo(1);
    }

    @Test
    void aTransientFailureRaisedByTheCommitItselfIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        // A deferred constraint trigger fails the COMMIT with a serialization failure: had the commit been a lost
        // connection, whether it committed would be unknown, so the commit is never attempted twice.
        Throwable failure =
                org.assertj.core.api.Assertions.catchThrowable(() -> transactions.inTransaction(connection -> {
                    attempts.incrementAndGet();
                    connection
                            .query("create temp table commit_probe (id int) on commit drop")
                            .execute()
                            .await()
                            .indefinitely();
                    connection
                            .query("create function pg_temp.fail_at_commit() returns trigger language plpgsql as "
                                    + "$$ begin raise exception 'fails at commit' using errcode = '40001'; end $$")
                            .execute()
                            .await()
                            .indefinitely();
                    connection
                            .query("create constraint trigger fail_at_commit after insert on commit_probe "
                                    + "deferrable initially deferred for each row "
                                    + "execute function pg_temp.fail_at_commit()")
                            .execute()
                            .await()
                            .indefinitely();
                    return connection
                            .query("insert into commit_probe values (1)")
                            .execute()
                            .await()
                            .indefinitely();
                }));

        assertThat(failure).isInstanceOf(PgException.class);
        assertThat(((PgException) failure).getSqlState()).isEqualTo("40001");
        assertThat(attempts).hasValue(1);
    }
}
