package org.supervisionhub.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;

/** A multi-host configuration whose first server is down: the hub starts, migrates and writes on the second. */
@QuarkusTest
@TestProfile(MultiHostProfile.class)
class MultiHostConnectionTest {

    @Inject
    DatabaseHosts hosts;

    @Inject
    BlockingTransactions transactions;

    @Inject
    Db db;

    @Test
    void eachConfiguredHostIsAServerOfThePoolInOrder() {
        assertThat(hosts.hosts()).extracting(PgConnectOptions::getPort).first().isEqualTo(1);
        assertThat(hosts.hosts()).hasSize(2);
        assertThat(hosts.hosts())
                .allSatisfy(server -> assertThat(server.getProperties()).doesNotContainKey("target_session_attrs"));
    }

    @Test
    void writesGoToTheServerThatTakesThemWhenTheFirstListedIsDown() {
        String nonce = "multi-host-" + System.nanoTime();

        transactions.inTransaction(connection -> connection
                .preparedQuery("insert into callback_nonce (nonce) values ($1)")
                .execute(Tuple.of(nonce))
                .await()
                .indefinitely());

        // Read back through Flyway's datasource, whose JDBC URL lists the same two servers.
        assertThat(db.count("select count(*) from callback_nonce where nonce = ?", nonce))
                .isEqualTo(1);
    }

    @Test
    void theHubIsReadyAndServesTheApi() {
        given().get("/q/health/ready").then().statusCode(200);
        given().auth()
                .oauth2(org.supervisionhub.support.Tokens.hubAdmin())
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200);
    }
}
