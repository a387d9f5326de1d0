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
    void aPersistentTransientFailureGivesUpAfterThreeAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions.inTransaction(connection -> {
                    attempts.incrementAndGet();
                    throw new PgException("deadlock detected", "ERROR", "40P01", null);
                }))
                .isInstanceOf(PgException.class);

        assertThat(attempts).hasValue(3);
    }
}
