package org.supervisionhub.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Catalog;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class AuditChainTest {

    @Inject
    Db db;

    @Inject
    Catalog catalog;

    private final String admin = Tokens.hubAdmin();
    private final String nanning = Tokens.deptAdmin("NN_SCJGJ", "450100");

    private void claimAndRelease() {
        String item = catalog.subItem("SAMR", "INSPECTION");
        given().auth()
                .oauth2(nanning)
                .contentType(ContentType.JSON)
                .post("/api/v1/items/{code}/claims", item)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(nanning)
                .queryParam("reason", "审计测试")
                .delete("/api/v1/items/{code}/claims/NN_SCJGJ", item)
                .then()
                .statusCode(200);
    }

    @Test
    void chainVerifiesAfterASequenceOfChanges() {
        claimAndRelease();
        claimAndRelease();

        given().auth()
                .oauth2(admin)
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("firstBrokenSeq", nullValue());
        long rows = db.count("select count(*) from audit_log");
        long linked = db.count("""
                select count(*) from audit_log a join audit_log p on p.chain_seq = a.chain_seq - 1
                where a.prev_hash = p.hash""");
        assertThat(linked).isEqualTo(rows - 1);
    }

    @Test
    void alteredRowBreaksTheChainAtThatRow() {
        claimAndRelease();
        var row = db.rows("select chain_seq, actor from audit_log order by chain_seq desc limit 1 offset 1")
                .get(0);
        long seq = ((Number) row.get("chain_seq")).longValue();
        String actor = (String) row.get("actor");
        try {
            db.withTriggerDisabled(
                    "audit_log",
                    "audit_log_no_update",
                    "update audit_log set actor = 'someone-else' where chain_seq = " + seq);

            given().auth()
                    .oauth2(admin)
                    .get("/api/v1/audit/verification")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq));
        } finally {
            db.withTriggerDisabled(
                    "audit_log",
                    "audit_log_no_update",
                    "update audit_log set actor = '" + actor + "' where chain_seq = " + seq);
        }
        given().auth().oauth2(admin).get("/api/v1/audit/verification").then().body("valid", equalTo(true));
    }

    @Test
    void auditLogRefusesUpdatesAndDeletes() {
        claimAndRelease();

        assertThatThrownBy(() -> db.update("update audit_log set actor = 'x'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.update("delete from audit_log")).hasMessageContaining("append-only");
    }

    @Test
    void verificationIsForHubAdminsOnly() {
        given().auth().oauth2(nanning).get("/api/v1/audit/verification").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.token("n", List.of("national"), null, null))
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(403);
    }
}
