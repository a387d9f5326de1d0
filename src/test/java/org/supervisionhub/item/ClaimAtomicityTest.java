package org.supervisionhub.item;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Catalog;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** A claim, its audit entry and its outbox event commit together or not at all. */
@QuarkusTest
class ClaimAtomicityTest {

    @Inject
    Db db;

    @Inject
    Catalog catalog;

    @Test
    void failureWritingTheOutboxRollsBackTheClaimAndItsAuditEntry() {
        String item = catalog.subItem("SAMR", "INSPECTION");
        long auditBefore = db.count("select count(*) from audit_log");
        // Fail only this item's event, so concurrently running tests are unaffected.
        db.update("""
                create or replace function fail_outbox_for_test() returns trigger language plpgsql as $$
                begin
                    if new.aggregate_id like '%s:%%' then raise exception 'outbox unavailable'; end if;
                    return new;
                end $$""".formatted(item));
        db.update(
                "create trigger fail_outbox_for_test before insert on outbox for each row execute function fail_outbox_for_test()");
        try {
            given().auth()
                    .oauth2(Tokens.deptAdmin("NN_SCJGJ", "450100"))
                    .contentType(ContentType.JSON)
                    .post("/api/v1/items/{code}/claims", item)
                    .then()
                    .statusCode(500)
                    .contentType("application/problem+json")
                    .body("code", equalTo("INTERNAL_ERROR"))
                    .body("requestId", notNullValue())
                    .body("detail", not(containsString("outbox unavailable")));
        } finally {
            db.update("drop trigger fail_outbox_for_test on outbox");
            db.update("drop function fail_outbox_for_test()");
        }

        assertThat(db.count("select count(*) from item_claim where item_code = ?", item))
                .isZero();
        assertThat(db.count("select count(*) from audit_log where detail->>'itemCode' = ?", item))
                .isZero();
        assertThat(db.count("select count(*) from audit_log")).isEqualTo(auditBefore);
    }
}
