package org.supervisionhub.adapter.staging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supervisionhub.adapter.AdapterDescriptor;
import org.supervisionhub.adapter.AdapterRegistry;
import org.supervisionhub.adapter.AdapterView;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * 前置库 docking against a real MariaDB staging table (and one PostgreSQL one): rows arrive through the adapter's
 * mapping and the record validation exactly once, whatever order they commit in, with a receipt written back to each.
 * Every test has its own system id, table and department.
 */
@QuarkusTest
class StagingDbTest {

    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String DATABASE = "staging_test_"
            + System.getenv().getOrDefault("HUB_TEST_DB_NAME", "hub_test").replaceAll("[^A-Za-z0-9_]", "_");
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    @Inject
    StagingPoller poller;

    @Inject
    StagingStatus status;

    /** One test's docked system: its department, table and descriptor. */
    private record Docked(
            RecordFixture.Department department, String system, String table, AdapterDescriptor descriptor) {}

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(MARIADB, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create database if not exists " + DATABASE + " character set utf8mb4");
        }
    }

    private static Connection mariadb() throws SQLException {
        return DriverManager.getConnection(MARIADB + DATABASE, "root", "");
    }

    private static final String COLUMNS = """
            cd_id varchar(64), cd_time %s, cd_batch varchar(20), cd_operation char(1),
            jcbh varchar(64), sxbm varchar(32), qdbm varchar(64), jgmc varchar(100), jgdm varchar(18),
            dxmc varchar(100), dxdm varchar(18), xzqh varchar(12), jcry text, sbsj %s, jcmc varchar(100),
            jcrq date, jcjg varchar(4),
            hub_status varchar(16), hub_errors varchar(500), hub_id varchar(64), hub_time %s""";

    /** A new system docked through a new MariaDB table (and, with 回流, a table for the hub's records). */
    private Docked dock(int batchSize, boolean outbound) throws Exception {
        String suffix = RUN + "_" + NEXT.incrementAndGet();
        String table = "t_xzjc_" + suffix;
        try (Connection connection = mariadb();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "create table " + table + " (" + COLUMNS.formatted("datetime(3)", "datetime", "datetime") + ")");
            if (outbound) {
                statement.execute(
                        "create table " + table + "_back (cd_id varchar(64), cd_time datetime(3), "
                                + "cd_batch varchar(32), cd_operation char(1), record_id bigint, version int, kind varchar(16))");
            }
        }
        return descriptor(MARIADB + DATABASE, "root", null, table, batchSize, outbound);
    }

    private Docked descriptor(String url, String user, String secretRef, String table, int batchSize, boolean outbound)
            throws IOException {
        RecordFixture.Department department = fixture.department();
        String system = "stg-" + table.replace('_', '-').toLowerCase();
        Path folder = Files.createTempDirectory("staging").resolve(system);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("adapter.yaml"), """
                system: %s
                name: 前置库测试 (test only)
                ownerDepartment: %s
                auth: { type: none }
                stagingDb:
                  url: %s
                  user: %s
                  %s
                  batchSize: %d
                  receipt: { status: hub_status, errors: hub_errors, hubId: hub_id, time: hub_time }
                  jsonColumns: [jcry]
                inbound:
                  checks:
                    source: staging-db
                    table: %s
                    recordKind: INSPECTION
                    fields:
                      sourceRecordId: { path: jcbh }
                      itemCode: { path: sxbm }
                      implementationListCode: { path: qdbm }
                      implementingBody.name: { path: jgmc }
                      implementingBody.creditCode: { path: jgdm }
                      subject.type: { constant: ENTERPRISE }
                      subject.name: { path: dxmc }
                      subject.creditCode: { path: dxdm }
                      regionCode: { path: xzqh }
                      officers: { path: jcry, each: { name: { path: n }, issuer: { path: i }, certNo: { path: c } } }
                      reportedAt: { path: sbsj, dateTimeFormat: "yyyy-MM-dd HH:mm:ss" }
                      inspection.actionName: { path: jcmc }
                      inspection.actionNumber: { path: jcbh }
                      inspection.form: { constant: ON_SITE }
                      inspection.checkDate: { path: jcrq, dateFormat: yyyy-MM-dd }
                      inspection.resultCode: { path: jcjg }
                %s
                """.formatted(
                        system,
                        department.code(),
                        url,
                        user,
                        secretRef == null ? "" : "secretRef: " + secretRef,
                        batchSize,
                        table,
                        outbound ? """
                                        outbound:
                                          events:
                                            record: { record_id: { path: recordId }, version: { path: version }, kind: { path: kind } }
                                          stagingTables:
                                            record: %s_back
                                        """.formatted(table) : ""));
        AdapterRegistry.Loaded loaded =
                AdapterRegistry.loadAll(folder.getParent()).get(system);
        assertThat(loaded.problems()).isEmpty();
        return new Docked(department, system, table, loaded.descriptor());
    }

    /** The exchange row of a valid inspection of the department, written at {@code time}. */
    private Map<String, Object> row(Docked docked, String id, String batch, String operation, LocalDateTime time) {
        Map<String, Object> row = new LinkedHashMap<>();
        RecordFixture.Department department = docked.department();
        row.put("cd_id", department.code() + "-" + id);
        row.put("cd_time", Timestamp.valueOf(time));
        row.put("cd_batch", batch);
        row.put("cd_operation", operation);
        row.put("jcbh", id);
        row.put("sxbm", department.inspectionItem());
        row.put("qdbm", department.creditCode() + "3" + department.inspectionItem());
        row.put("jgmc", "测试局");
        row.put("jgdm", department.creditCode());
        row.put("dxmc", "南宁某某餐饮有限公司");
        row.put("dxdm", org.supervisionhub.support.CreditCodeGenerator.enterprise(department.regionCode()));
        row.put("xzqh", department.regionCode());
        row.put(
                "jcry",
                "[{\"n\":\"甲\",\"i\":\"GX_REC\",\"c\":\"" + department.officerA()
                        + "\"},{\"n\":\"乙\",\"i\":\"GX_REC\",\"c\":\"" + department.officerB() + "\"}]");
        row.put("sbsj", Timestamp.valueOf(LocalDateTime.now(RecordFixture.ZONE).minusMinutes(5)));
        row.put("jcmc", "食品经营日常检查");
        row.put("jcrq", java.sql.Date.valueOf(RecordFixture.TODAY.minusDays(1)));
        row.put("jcjg", "1");
        return row;
    }

    private static void insert(Connection connection, String table, Map<String, Object> row) throws SQLException {
        String sql = "insert into " + table + " (" + String.join(", ", row.keySet()) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = 1;
            for (Object value : row.values()) {
                statement.setObject(p++, value);
            }
            statement.executeUpdate();
        }
    }

    private static void insert(String table, Map<String, Object> row) throws SQLException {
        try (Connection connection = mariadb()) {
            insert(connection, table, row);
        }
    }

    /** The receipts of the table's rows: cd_id/cd_batch/cd_operation → status, errors, hub id. */
    private static Map<String, List<String>> receipts(String table) throws SQLException {
        Map<String, List<String>> receipts = new LinkedHashMap<>();
        try (Connection connection = mariadb();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select cd_id, cd_batch, cd_operation, hub_status, hub_errors, "
                        + "hub_id, hub_time from " + table + " order by cd_time, cd_id")) {
            while (rows.next()) {
                List<String> receipt = new ArrayList<>();
                receipt.add(rows.getString("hub_status"));
                receipt.add(rows.getString("hub_errors"));
                receipt.add(rows.getString("hub_id"));
                receipt.add(rows.getTimestamp("hub_time") == null ? null : "time");
                String id = rows.getString("cd_id");
                receipts.put(
                        (id == null ? "" : id.substring(id.indexOf('-') + 1)) + "/" + rows.getString("cd_batch") + "/"
                                + rows.getString("cd_operation"),
                        receipt);
            }
        }
        return receipts;
    }

    private StagingInbound.Poll poll(Docked docked) throws Exception {
        return poller.pollKind(docked.descriptor(), "checks").orElseThrow();
    }

    private Map<String, Object> record(Docked docked, String id) {
        return db.rows(
                        "select id, version, deleted, body->'inspection'->>'resultCode' as result from behaviour_record "
                                + "where source_system = ? and source_record_id = ?",
                        docked.system(),
                        id)
                .get(0);
    }

    private long records(Docked docked) {
        return db.count("select count(*) from behaviour_record where source_system = ?", docked.system());
    }

    private static LocalDateTime minutesAgo(int minutes) {
        return LocalDateTime.now(RecordFixture.ZONE).minusMinutes(minutes).withNano(0);
    }

    @Test
    void insertedRowsArriveOnceWithTheirReceipts() throws Exception {
        Docked docked = dock(100, false);
        insert(docked.table(), row(docked, "JC-1", "2026113000001", "i", minutesAgo(3)));
        insert(docked.table(), row(docked, "JC-2", "2026113000001", "i", minutesAgo(2)));

        StagingInbound.Poll first = poll(docked);
        StagingInbound.Poll second = poll(docked);

        assertThat(first.read()).isEqualTo(2);
        assertThat(first.applied()).isEqualTo(2);
        assertThat(second.read()).isZero();
        assertThat(records(docked)).isEqualTo(2);
        Map<String, Object> stored = record(docked, "JC-1");
        assertThat(stored.get("version")).isEqualTo(1);
        assertThat(receipts(docked.table()))
                .containsEntry(
                        "JC-1/2026113000001/i",
                        java.util.Arrays.asList(
                                "APPLIED", null, stored.get("id").toString(), "time"))
                .hasSize(2)
                .allSatisfy((key, receipt) -> assertThat(receipt.get(0)).isEqualTo("APPLIED"));
        assertThat(db.count(
                        "select count(*) from staging_row where system = ? and status = 'APPLIED'", docked.system()))
                .isEqualTo(2);
    }

    @Test
    void updatesAndDeletesByOperationArriveExactlyOnce() throws Exception {
        Docked docked = dock(100, false);
        insert(docked.table(), row(docked, "JC-1", "2026113000001", "i", minutesAgo(10)));
        poll(docked);
        Map<String, Object> update = row(docked, "JC-1", "2026113000002", "u", minutesAgo(9));
        update.put("jcjg", "6");
        insert(docked.table(), update);
        poll(docked);
        Map<String, Object> updated = record(docked, "JC-1");
        Map<String, Object> delete = new LinkedHashMap<>(row(docked, "JC-1", "2026113000003", "d", minutesAgo(8)));
        delete.keySet().retainAll(List.of("cd_id", "cd_time", "cd_batch", "cd_operation", "jcbh"));
        insert(docked.table(), delete);

        StagingInbound.Poll deleting = poll(docked);
        StagingInbound.Poll again = poll(docked);

        assertThat(updated).containsEntry("version", 2).containsEntry("result", "6");
        assertThat(deleting.applied()).isEqualTo(1);
        assertThat(again.read()).isZero();
        assertThat(record(docked, "JC-1")).containsEntry("version", 3).containsEntry("deleted", true);
        assertThat(receipts(docked.table()).values())
                .extracting(receipt -> receipt.get(0))
                .containsOnly("APPLIED");
    }

    @Test
    void aRowCommittedAfterNewerOnesWerePolledStillArrives() throws Exception {
        Docked docked = dock(100, false);
        try (Connection late = mariadb()) {
            late.setAutoCommit(false);
            insert(late, docked.table(), row(docked, "JC-OLD", "2026113000001", "i", minutesAgo(30)));
            insert(docked.table(), row(docked, "JC-NEW", "2026113000002", "i", minutesAgo(1)));

            StagingInbound.Poll beforeCommit = poll(docked);
            late.commit();
            StagingInbound.Poll afterCommit = poll(docked);

            assertThat(beforeCommit.applied()).isEqualTo(1);
            assertThat(afterCommit.applied()).isEqualTo(1);
        }
        assertThat(poll(docked).read()).isZero();
        assertThat(records(docked)).isEqualTo(2);
        assertThat(record(docked, "JC-OLD")).containsEntry("version", 1);
        assertThat(receipts(docked.table()).values())
                .extracting(receipt -> receipt.get(0))
                .containsOnly("APPLIED");
    }

    @Test
    void anOlderChangeCommittedAfterANewerOneIsSupersededNotApplied() throws Exception {
        Docked docked = dock(100, false);
        insert(docked.table(), row(docked, "JC-1", "2026113000001", "i", minutesAgo(30)));
        poll(docked);
        Map<String, Object> newer = row(docked, "JC-1", "2026113000003", "u", minutesAgo(5));
        newer.put("jcjg", "7");
        insert(docked.table(), newer);
        poll(docked);
        Map<String, Object> older = row(docked, "JC-1", "2026113000002", "u", minutesAgo(10));
        older.put("jcjg", "6");
        insert(docked.table(), older);

        StagingInbound.Poll late = poll(docked);

        assertThat(late.superseded()).isEqualTo(1);
        assertThat(record(docked, "JC-1")).containsEntry("version", 2).containsEntry("result", "7");
        assertThat(receipts(docked.table()).get("JC-1/2026113000002/u").get(0)).isEqualTo("SUPERSEDED");
    }

    @Test
    void aRestartResumesAtTheCursorWithoutDuplicates() throws Exception {
        Docked docked = dock(2, false);
        insert(docked.table(), row(docked, "JC-1", "2026113000001", "i", minutesAgo(3)));
        insert(docked.table(), row(docked, "JC-2", "2026113000001", "i", minutesAgo(2)));
        insert(docked.table(), row(docked, "JC-3", "2026113000001", "i", minutesAgo(1)));
        StagingInbound.Poll first = poll(docked);
        String hubId = receipts(docked.table()).get("JC-2/2026113000001/i").get(2);
        // The crash: the hub committed JC-2 and its ledger entry, its receipt never reached the staging table.
        try (Connection connection = mariadb();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("update " + docked.table()
                    + " set hub_status = null, hub_id = null, hub_time = null " + "where jcbh = 'JC-2'");
        }
        // The restart: the poller keeps nothing in memory; where to go on is in the hub's tables and the receipts.
        StagingInbound.Poll resumed = poll(docked);

        assertThat(first.full()).isTrue();
        assertThat(resumed.read()).isEqualTo(2);
        assertThat(resumed.applied()).isEqualTo(1);
        assertThat(resumed.receiptsRewritten()).isEqualTo(1);
        assertThat(records(docked)).isEqualTo(3);
        assertThat(record(docked, "JC-2")).containsEntry("version", 1);
        assertThat(receipts(docked.table()).get("JC-2/2026113000001/i"))
                .containsExactly("APPLIED", null, hubId, "time");
        assertThat(db.rows(
                        "select last_cd_id from staging_cursor where system = ? and route = 'in:checks'",
                        docked.system()))
                .extracting(row -> row.get("last_cd_id"))
                .containsExactly(docked.department().code() + "-JC-3");
    }

    @Test
    void aBrokenRowGetsItsReceiptAndDoesNotBlockTheRest() throws Exception {
        Docked docked = dock(100, false);
        insert(docked.table(), row(docked, "JC-1", "2026113000001", "i", minutesAgo(4)));
        Map<String, Object> unclaimed = row(docked, "JC-2", "2026113000001", "i", minutesAgo(3));
        unclaimed.put("sxbm", "99999999999999");
        insert(docked.table(), unclaimed);
        Map<String, Object> badDate = row(docked, "JC-3", "2026113000001", "i", minutesAgo(2));
        badDate.put("jcrq", null);
        insert(docked.table(), badDate);
        insert(docked.table(), row(docked, "JC-4", "2026113000001", "x", minutesAgo(1)));
        insert(docked.table(), row(docked, "JC-5", "2026113000001", "i", minutesAgo(0)));

        StagingInbound.Poll poll = poll(docked);

        assertThat(poll.applied()).isEqualTo(2);
        assertThat(poll.rejected()).isEqualTo(3);
        Map<String, List<String>> receipts = receipts(docked.table());
        assertThat(receipts.get("JC-1/2026113000001/i").get(0)).isEqualTo("APPLIED");
        assertThat(receipts.get("JC-5/2026113000001/i").get(0)).isEqualTo("APPLIED");
        assertThat(receipts.get("JC-2/2026113000001/i").subList(0, 1)).containsExactly("REJECTED");
        assertThat(receipts.get("JC-2/2026113000001/i").get(1)).contains("@itemCode");
        assertThat(receipts.get("JC-3/2026113000001/i").get(1)).contains("@inspection.checkDate");
        assertThat(receipts.get("JC-4/2026113000001/x"))
                .containsExactly("REJECTED", "STAGING_EXCHANGE_INVALID@cd_operation", null, "time");
        assertThat(records(docked)).isEqualTo(2);
        assertThat(poll(docked).read()).isZero();
        assertThat(status.routes(docked.descriptor())).singleElement().satisfies(route -> {
            assertThat(route.rowsApplied()).isEqualTo(2);
            assertThat(route.rowsRejected()).isEqualTo(3);
            assertThat(route.lagSeconds()).isZero();
            assertThat(route.lastError()).isNull();
        });
    }

    @Test
    void aRouteLeasedByAnotherReplicaIsNotPolled() throws Exception {
        Docked docked = dock(100, false);
        insert(docked.table(), row(docked, "JC-1", "2026113000001", "i", minutesAgo(1)));
        db.update(
                "insert into staging_cursor (system, route, lease_owner, lease_until) "
                        + "values (?, 'in:checks', 'another-replica', now() + interval '1 minute')",
                docked.system());

        assertThat(poller.pollKind(docked.descriptor(), "checks")).isEmpty();
        assertThat(receipts(docked.table()).get("JC-1/2026113000001/i").get(0)).isNull();
    }

    @Test
    void aFailingPollIsReportedInTheStatus() throws Exception {
        Docked docked = descriptor(MARIADB + DATABASE, "root", null, "t_missing_" + RUN, 10, false);

        assertThatThrownBy(() -> poll(docked)).isInstanceOf(SQLException.class);
        List<AdapterView.StagingRoute> routes = status.routes(docked.descriptor());

        assertThat(routes).singleElement().satisfies(route -> {
            assertThat(route.route()).isEqualTo("in:checks");
            assertThat(route.lastError()).contains("t_missing_");
            assertThat(route.failingSince()).isNotNull();
        });
    }

    @Test
    void hubRecordsFlowBackIntoTheLocalStagingTableOnce() throws Exception {
        Docked docked = dock(100, true);
        insert(docked.table(), row(docked, "JC-1", "2026113000001", "i", minutesAgo(1)));
        poll(docked);
        long recordId = ((Number) record(docked, "JC-1").get("id")).longValue();

        // The record's event gets its pull position once every older transaction has ended (snapshot-safe cursors):
        // in a busy hub that may take a moment, so push until it has gone out.
        StagingOutbound.Push first = poller.pushOutbound(docked.descriptor()).orElseThrow();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (first.written() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            first = poller.pushOutbound(docked.descriptor()).orElseThrow();
        }
        // A crash after the staging commit, before the hub's cursor moved: the same changes are written again.
        db.update("update staging_cursor set last_position = 0 where system = ? and route = 'out'", docked.system());
        poller.pushOutbound(docked.descriptor()).orElseThrow();

        assertThat(first.written()).isEqualTo(1);
        try (Connection connection = mariadb();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("select cd_id, cd_operation, cd_batch, record_id, version, kind from "
                                + docked.table() + "_back")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("cd_id")).isEqualTo(Long.toString(recordId));
            assertThat(rows.getString("cd_operation")).isEqualTo("i");
            assertThat(rows.getString("cd_batch")).hasSizeGreaterThanOrEqualTo(13);
            assertThat(rows.getLong("record_id")).isEqualTo(recordId);
            assertThat(rows.getString("kind")).isEqualTo("INSPECTION");
            assertThat(rows.next()).as("written once").isFalse();
        }
    }

    @Test
    void aPostgresqlStagingTableDocksTheSameWay() throws Exception {
        String table = "staging_pg_" + RUN + "_" + NEXT.incrementAndGet();
        db.update("create table " + table + " (" + COLUMNS.formatted("timestamp(3)", "timestamp", "timestamp") + ")");
        System.setProperty("HUB_TEST_STAGING_PG_PASSWORD", "hub");
        Docked docked = descriptor(
                "postgresql://127.0.0.1:5432/" + System.getenv().getOrDefault("HUB_TEST_DB_NAME", "hub_test"),
                "hub",
                "HUB_TEST_STAGING_PG_PASSWORD",
                table,
                100,
                false);
        Map<String, Object> row = row(docked, "JC-1", "2026113000001", "i", minutesAgo(1));
        String sql = "insert into " + table + " (" + String.join(", ", row.keySet()) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")";
        db.update(sql, row.values().toArray());

        StagingInbound.Poll poll = poll(docked);

        assertThat(poll.applied()).isEqualTo(1);
        assertThat(db.rows("select hub_status, hub_id from " + table))
                .singleElement()
                .satisfies(receipt -> {
                    assertThat(receipt.get("hub_status")).isEqualTo("APPLIED");
                    assertThat(receipt.get("hub_id"))
                            .isEqualTo(record(docked, "JC-1").get("id").toString());
                });
    }

    @Test
    void theAdapterStatusListsEveryStagingRouteOfTheExample() {
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/adapters/city-market-staging/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("stagingRoutes.route", contains("in:inspections", "in:penalties", "out"))
                .body("stagingRoutes.table", contains("t_xzjc", "t_xzcf", "t_hub_complaint"))
                .body("stagingRoutes[0].rowsApplied", equalTo(0));
    }

    @Test
    void aRegionAdminOfAnotherRegionDoesNotSeeTheExamplesStatus() {
        given().auth()
                .oauth2(Tokens.regionAdmin("450200"))
                .get("/api/v1/adapters/city-market-staging/health")
                .then()
                .statusCode(404)
                .body("code", equalTo("ADAPTER_NOT_FOUND"));
    }
}
