package org.supervisionhub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supervisionhub.security.Caller;
import org.supervisionhub.support.Db;

@QuarkusTest
class ReadAuditTrailTest {

    private static final Caller PUBLIC_READER =
            new Caller("public:192.0.2.7", Set.of(), Optional.empty(), Optional.empty());

    @Inject
    ReadAuditTrail readAudit;

    @Inject
    AuditChainVerifier verifier;

    @Inject
    Db db;

    private static String newMarker() {
        return "read-audit-" + UUID.randomUUID();
    }

    @Test
    void readsArrivingTogetherAreEachAuditedOnceInSharedCommitsAndTheChainStillVerifies() {
        String marker = newMarker();
        int reads = 300;
        List<Uni<Void>> appended = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            appended.add(appended(marker + ":" + i));
        }
        // Subscribe to all before waiting for any, as concurrent requests would.
        appended.forEach(uni -> uni.subscribe().with(ignored -> {}, ignored -> {}));
        appended.forEach(uni -> uni.await().atMost(Duration.ofSeconds(30)));

        assertThat(db.count(
                        "select count(distinct entity_id) from audit_log where entity_id like ? and actor = ?",
                        marker + ":%",
                        "public:192.0.2.7"))
                .isEqualTo(reads);
        assertThat(db.count("select count(*) from audit_log where entity_id like ?", marker + ":%"))
                .isEqualTo(reads);
        // Rows written by one transaction share its id (xmin): fewer transactions than reads means shared commits.
        assertThat(db.count("select count(distinct xmin::text) from audit_log where entity_id like ?", marker + ":%"))
                .isLessThan(reads);
        AuditChainReport report = verifier.verify().await().atMost(Duration.ofSeconds(30));
        assertThat(report.valid()).isTrue();
    }

    @Test
    void anEntryTheDatabaseRefusesFailsOnlyItsOwnReadNotTheReadsSharingItsBatch() {
        String marker = newMarker();
        String tooLongForTheEntityColumn = marker + ":" + "x".repeat(200);
        List<Uni<Void>> good = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            good.add(appended(marker + ":" + i));
        }
        Uni<Void> refused = appended(tooLongForTheEntityColumn);
        for (int i = 40; i < 80; i++) {
            good.add(appended(marker + ":" + i));
        }
        good.forEach(uni -> uni.subscribe().with(ignored -> {}, ignored -> {}));
        refused.subscribe().with(ignored -> {}, ignored -> {});

        good.forEach(uni -> uni.await().atMost(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> refused.await().atMost(Duration.ofSeconds(30))).hasMessageContaining("value too long");
        assertThat(db.count("select count(*) from audit_log where entity_id like ?", marker + ":%"))
                .isEqualTo(80);
    }

    private Uni<Void> appended(String entityId) {
        return readAudit
                .record(PUBLIC_READER, "CREDENTIAL_VERIFIED", "certificate", entityId, Map.of("result", "VALID"))
                .memoize()
                .indefinitely();
    }
}
