package org.supervisionhub.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;

/** Finished upload jobs and their issue reports are purged after the retention; recent and unfinished ones stay. */
@QuarkusTest
class UploadJobRetentionTest {

    @Inject
    UploadJobRetention retention;

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    /** A job in the given state, finished the given number of days ago (unfinished: created then), with issues. */
    private Object job(String department, String status, int daysAgo, int issues) {
        Object id = db.single("""
                insert into upload_job (department_code, created_by, caller, media_type, status, created_at,
                                        finished_at, lease_owner, lease_until)
                values (?, 'test', '{}'::jsonb, 'application/x-ndjson', ?, now() - make_interval(days => ?),
                        case when ? in ('SUCCEEDED', 'FAILED') then now() - make_interval(days => ?) end,
                        'another-replica', '2100-01-01')
                returning id""", department, status, daysAgo, status, daysAgo);
        db.update("""
                insert into upload_job_issue (job_id, record_index, severity, errors)
                select ?, i, 'ERROR', '[]'::jsonb from generate_series(0, ? - 1) i""", id, issues);
        return id;
    }

    private long issues(Object job) {
        return db.count("select count(*) from upload_job_issue where job_id = ?", job);
    }

    private boolean exists(Object job) {
        return db.count("select count(*) from upload_job where id = ?", job) == 1;
    }

    @Test
    void oldFinishedJobsGoWithTheirIssuesAndRecentOrUnfinishedOnesStay() {
        RecordFixture.Department department = fixture.department();
        Object oldSucceeded = job(department.code(), "SUCCEEDED", 31, 25);
        Object oldFailed = job(department.code(), "FAILED", 45, 3);
        Object recent = job(department.code(), "SUCCEEDED", 29, 4);
        Object running = job(department.code(), "RUNNING", 60, 2);
        Object receiving = job(department.code(), "RECEIVING", 60, 0);

        assertThat(retention.purge()).isGreaterThanOrEqualTo(2);

        assertThat(exists(oldSucceeded)).isFalse();
        assertThat(issues(oldSucceeded)).isZero();
        assertThat(exists(oldFailed)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(issues(recent)).isEqualTo(4);
        assertThat(exists(running)).isTrue();
        assertThat(issues(running)).isEqualTo(2);
        assertThat(exists(receiving)).isTrue();
        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/upload-jobs/" + oldSucceeded)
                .then()
                .statusCode(404);
    }
}
