package org.supervisionhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;

/**
 * The Panache features' transactions retry what PostgreSQL certainly did not commit, with a fresh transaction each
 * time, and nothing else. The failures are raised by PostgreSQL itself ({@code RAISE ... ERRCODE}), so they travel
 * through the real driver and Hibernate Reactive's wrapping.
 */
@QuarkusTest
class ReactiveTransactionsTest {

    @Inject
    ReactiveTransactions transactions;

    @Inject
    Db db;

    @Test
    void aSerializationFailureIsRetriedInANewTransactionAndOnlyTheLastAttemptCommits() throws Throwable {
        String key = "reactive-retry-" + System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();

        String result = VertxContextSupport.subscribeAndAwait(() ->
                transactions.inTransaction(() -> insertNonce(key + "-" + attempts.get())
                        .chain(() -> attempts.incrementAndGet() == 1
                                ? raise("40001")
                                : Uni.createFrom().item("done"))));

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
        assertThat(db.count("select count(*) from callback_nonce where nonce like ?", key + "%"))
                .isEqualTo(1);
    }

    @Test
    void aDeadlockVictimIsRetried() throws Throwable {
        AtomicInteger attempts = new AtomicInteger();

        VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(() -> attempts.incrementAndGet() == 1
                ? raise("40P01")
                : Uni.createFrom().item("done")));

        assertThat(attempts).hasValue(2);
    }

    @Test
    void aConstraintViolationIsNotRetriedAndRollsBack() {
        String key = "reactive-no-retry-" + System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(() -> {
                    attempts.incrementAndGet();
                    return insertNonce(key).chain(() -> raise("23505"));
                })))
                .hasStackTraceContaining("23505");

        assertThat(attempts).hasValue(1);
        assertThat(db.count("select count(*) from callback_nonce where nonce = ?", key))
                .isZero();
    }

    @Test
    void onlyFailuresThatCertainlyCommittedNothingAreRetried() {
        assertThat(DatabaseFailures.committedNothing(new java.net.ConnectException("refused")))
                .isTrue();
        assertThat(DatabaseFailures.committedNothing(io.vertx.sqlclient.ClosedConnectionException.INSTANCE))
                .as("a connection lost mid-way may have been lost during the commit")
                .isFalse();
        assertThatThrownBy(() -> {
                    throw new IllegalStateException("x");
                })
                .matches(failure -> !DatabaseFailures.committedNothing(failure));
    }

    private static Uni<Void> insertNonce(String nonce) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("insert into callback_nonce (nonce) values (:nonce)")
                        .setParameter("nonce", nonce)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static <T> Uni<T> raise(String sqlState) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "do $$ begin raise exception 'raised by the test' using errcode = '" + sqlState
                                        + "'; end $$")
                        .executeUpdate())
                .replaceWith(Uni.createFrom().nullItem());
    }
}
