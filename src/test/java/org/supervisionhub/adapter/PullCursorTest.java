package org.supervisionhub.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * Pulls by cursor (GET /api/v1/adapters/{system}/changes) never skip an event, whatever order the transactions that
 * wrote the events commit in.
 */
@QuarkusTest
class PullCursorTest {

    private static final String INSERT = """
            insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)
            values ('national', 'certificate', ?, 'certificate.upserted', cast(? as jsonb))""";

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventCommittedAfterALaterOneIsNotSkipped() throws Exception {
        RecordFixture.Department department = fixture.department();
        String held = "HELD-" + System.nanoTime();
        String later = "LATER-" + System.nanoTime();
        long since = caughtUp(department);
        long cursor;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, department, held);
            // A later id, committed while the first event's transaction is still open.
            db.update(INSERT, "GX_REC:" + later, payload(department, later));

            JsonPath page = pull(department, since);

            assertThat(certificates(page, held, later)).isEmpty();
            cursor = page.getLong("nextCursor");
            connection.commit();
        }

        assertThat(certificates(pull(department, cursor), held, later)).containsExactly(held, later);
    }

    @Test
    void anOlderTransactionsLaterIdIsDeliveredWithoutSkippingTheYoungerOneStillOpen() throws Exception {
        RecordFixture.Department department = fixture.department();
        String younger = "YOUNGER-" + System.nanoTime();
        String older = "OLDER-" + System.nanoTime();
        long since = caughtUp(department);
        long cursor;
        try (Connection first = dataSource.getConnection();
                Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            // The first transaction takes its id before the second; the second then writes the lower outbox id.
            first.createStatement().execute("select pg_current_xact_id()");
            insert(second, department, younger);
            insert(first, department, older);
            first.commit();

            JsonPath page = pull(department, since);

            assertThat(certificates(page, younger, older)).containsExactly(older);
            cursor = page.getLong("nextCursor");
            second.commit();
        }

        assertThat(certificates(pull(department, cursor), younger, older)).containsExactly(younger);
    }

    @Test
    void setBasedWritersAndTheFanOutRecordTheWritingTransaction() {
        RecordFixture.Department department = fixture.department();
        given().auth()
                .oauth2(department.systemToken())
                .contentType("application/json")
                .body(List.of(fixture.inspection(department), fixture.inspection(department)))
                .post("/api/v1/records")
                .then()
                .statusCode(200);

        // RecordWriter writes its events in its upload statement; the fan-out trigger copies them for subscribers.
        List<Map<String, Object>> rows = db.rows("""
                select o.target, o.xact_id::text::bigint % 4294967296 = r.xmin::text::bigint as same_transaction
                from behaviour_record r join outbox o on o.aggregate_type = 'record' and o.aggregate_id = r.id::text
                where r.department_code = ?""", department.code());
        assertThat(rows).extracting(row -> row.get("target")).contains("national", "test-push");
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.get("same_transaction")).isEqualTo(true));
    }

    private static String ssjToken(RecordFixture.Department department) {
        return Tokens.withRoles("system-ssj", List.of("system"), department.code(), department.regionCode());
    }

    private static JsonPath pull(RecordFixture.Department department, long since) {
        return given().auth()
                .oauth2(ssjToken(department))
                .get("/api/v1/adapters/ssj/changes?since={since}&limit=1000", since)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The cursor after every event already pulled. */
    private static long caughtUp(RecordFixture.Department department) {
        long since = 0;
        JsonPath page;
        do {
            page = pull(department, since);
            since = page.getLong("nextCursor");
        } while (page.getList("items").size() == 1000);
        return since;
    }

    /** The certificate numbers of the page that are among the given ones, in page order. */
    private static List<String> certificates(JsonPath page, String... numbers) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream()
                .filter(item -> "certificate".equals(item.get("event")))
                .map(item -> String.valueOf(((Map<?, ?>) item.get("data")).get("zjh")))
                .filter(List.of(numbers)::contains)
                .toList();
    }

    private static void insert(Connection connection, RecordFixture.Department department, String number)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, "GX_REC:" + number);
            statement.setString(2, payload(department, number));
            statement.executeUpdate();
        }
    }

    private static String payload(RecordFixture.Department department, String number) {
        return "{\"issuer\": \"GX_REC\", \"certNo\": \"" + number + "\", \"holderName\": \"甲\", \"status\": \"VALID\", "
                + "\"categories\": [\"SAMR\"], \"departmentCode\": \"" + department.code() + "\"}";
    }
}
