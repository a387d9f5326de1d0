package org.supervisionhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Eventually;

/** Finished inbox messages are purged after the retention; unfinished ones stay, and duplicates stay recognised. */
@QuarkusTest
class InboxRetentionTest {

    @Inject
    InboxRetention retention;

    @Inject
    InboxProcessor inbox;

    @Inject
    Db db;

    /** A message in the given state, finished (or received) the given number of days ago; never due again. */
    private long message(String nationalId, int revision, String status, int daysAgo) {
        return ((Number) db.single("""
                        insert into inbox (kind, national_id, revision, payload, status, received_at, processed_at,
                                           next_attempt_at)
                        values ('complaints', ?, ?, '{}'::jsonb, ?, now() - make_interval(days => ?),
                                case when ? in ('PROCESSED', 'SUPERSEDED') then now() - make_interval(days => ?) end,
                                '2100-01-01')
                        returning id""", nationalId, revision, status, daysAgo, status, daysAgo)).longValue();
    }

    private boolean exists(long id) {
        return db.count("select count(*) from inbox where id = ?", id) == 1;
    }

    @Test
    void oldFinishedMessagesGoAndRecentOrUnfinishedOnesStay() {
        String prefix = "RET-" + System.nanoTime() + "-";
        long oldProcessed = message(prefix + "A", 2, "PROCESSED", 31);
        long oldSuperseded = message(prefix + "A", 1, "SUPERSEDED", 31);
        long recentProcessed = message(prefix + "B", 1, "PROCESSED", 29);
        long oldReceived = message(prefix + "C", 1, "RECEIVED", 60);
        long oldFailed = message(prefix + "D", 1, "FAILED", 60);

        assertThat(retention.purge()).isGreaterThanOrEqualTo(2);

        assertThat(exists(oldProcessed)).isFalse();
        assertThat(exists(oldSuperseded)).isFalse();
        assertThat(exists(recentProcessed)).isTrue();
        assertThat(exists(oldReceived)).isTrue();
        assertThat(exists(oldFailed)).isTrue();
        assertThat(db.single(
                        "select revision from inbox_processed_revision where kind = 'complaints' and national_id = ?",
                        prefix + "A"))
                .isEqualTo(2);
    }

    @Test
    void aDuplicateOfAPurgedMessageIsStillRecognisedAndNotProcessedAgain() {
        String nationalId = "RET-" + System.nanoTime();
        message(nationalId, 3, "PROCESSED", 31);
        retention.purge();

        // The platform sends revision 3 again, and then an older revision late: neither is processed again.
        assertThat(inbox.store("complaints", nationalId, 3, "{}")).isTrue();
        assertThat(inbox.store("complaints", nationalId, 2, "{}")).isTrue();

        Eventually.await(
                "both were handled",
                () -> db.count("select count(*) from inbox where national_id = ? and status <> 'RECEIVED'", nationalId)
                        == 2);
        assertThat(db.count(
                        "select count(*) from inbox where national_id = ? and status = 'SUPERSEDED' and attempts = 1",
                        nationalId))
                .isEqualTo(2);
    }
}
