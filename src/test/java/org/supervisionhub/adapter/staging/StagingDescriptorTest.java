package org.supervisionhub.adapter.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supervisionhub.adapter.AdapterProblem;
import org.supervisionhub.adapter.AdapterRegistry;

/** The stagingDb section is checked at load time: every problem is named by its field, before any SQL is built. */
class StagingDescriptorTest {

    private static AdapterRegistry.Loaded load(Path directory, String yaml) throws IOException {
        Files.createDirectories(directory.resolve("stg"));
        Files.writeString(directory.resolve("stg").resolve("adapter.yaml"), yaml);
        return AdapterRegistry.loadAll(directory).get("stg");
    }

    private static final String FIELDS = """
                fields:
                  sourceRecordId: { path: jcbh }
            """;

    @Test
    void aStagingKindNeedsNoOidcClientOnlyItsConnectionTableAndReceipt(@TempDir Path directory) throws IOException {
        AdapterRegistry.Loaded adapter = load(directory, """
                system: stg
                name: Staging
                ownerDepartment: GX_SAMR
                auth: { type: none }
                stagingDb: { url: "mysql://db.example:3306/exchange", user: hub, receipt: { status: hub_status } }
                inbound:
                  checks:
                    source: staging-db
                    table: exchange.t_xzjc
                    recordKind: INSPECTION
                """ + FIELDS);

        assertThat(adapter.problems()).isEmpty();
    }

    @Test
    void aStagingKindWithoutItsConnectionIsRefused(@TempDir Path directory) throws IOException {
        AdapterRegistry.Loaded adapter = load(directory, """
                system: stg
                name: Staging
                ownerDepartment: GX_SAMR
                auth: { type: none }
                inbound:
                  checks:
                    source: staging-db
                    recordKind: INSPECTION
                """ + FIELDS);

        assertThat(adapter.problems())
                .extracting(AdapterProblem::field)
                .containsExactlyInAnyOrder("inbound.checks.table", "stagingDb");
    }

    @Test
    void namesThatAreNotPlainIdentifiersNeverReachTheSql(@TempDir Path directory) throws IOException {
        AdapterRegistry.Loaded adapter = load(directory, """
                system: stg
                name: Staging
                ownerDepartment: GX_SAMR
                auth: { type: none }
                stagingDb:
                  url: "oracle://db.example/exchange"
                  user: hub
                  pollInterval: PT0.1S
                  batchSize: 5000
                  columns: { id: "cd_id; drop table x" }
                  receipt: { errors: hub_errors }
                inbound:
                  checks:
                    source: staging-db
                    table: "t_xzjc where 1=1"
                    recordKind: INSPECTION
                """ + FIELDS);

        assertThat(adapter.problems())
                .extracting(AdapterProblem::field)
                .containsExactlyInAnyOrder(
                        "inbound.checks.table",
                        "stagingDb.url",
                        "stagingDb.pollInterval",
                        "stagingDb.batchSize",
                        "stagingDb.columns.id",
                        "stagingDb.receipt.status");
    }

    @Test
    void aFlowBackTableNeedsASubscribedEvent(@TempDir Path directory) throws IOException {
        AdapterRegistry.Loaded adapter = load(directory, """
                system: stg
                name: Staging
                ownerDepartment: GX_SAMR
                auth: { type: none }
                stagingDb: { url: "jdbc:mariadb://db.example/exchange", user: hub }
                outbound:
                  events:
                    record: { "record id": { path: recordId } }
                  stagingTables:
                    record: t_back
                    subject: t_subject
                """);

        assertThat(adapter.problems())
                .extracting(AdapterProblem::field)
                .containsExactlyInAnyOrder("outbound.stagingTables.subject", "outbound.events.record.record id");
    }
}
