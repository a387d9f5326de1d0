package org.supervisionhub.record;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Purges finished upload jobs (succeeded or failed) older than the retention with their issue reports, hourly: the
 * issues in slices of 10,000 rows, each its own short statement (so no long lock), then the jobs themselves. A purged
 * job is answered like an unknown one (404). Jobs still receiving, queued or running are never purged.
 */
@ApplicationScoped
public class UploadJobRetention {

    private static final Logger LOG = Logger.getLogger(UploadJobRetention.class);
    static final int SLICE = 10_000;
    private static final int JOBS = 100;
    private static final String FINISHED = """
            select id from upload_job where status in ('SUCCEEDED', 'FAILED')
              and finished_at < now() - $1 * interval '1 second'
            order by finished_at limit $2""";
    private static final String ISSUES = """
            delete from upload_job_issue where (job_id, record_index, severity) in (
                select job_id, record_index, severity from upload_job_issue where job_id = any($1) limit $2)""";
    // A failed job's chunks were dropped when it failed; any left over go with it, a slice at a time too.
    private static final String CHUNKS = """
            delete from upload_job_chunk where (job_id, seq) in (
                select job_id, seq from upload_job_chunk where job_id = any($1) limit $2)""";
    private static final String JOB = "delete from upload_job where id = any($1)";

    @Inject
    Pool pool;

    @Inject
    UploadLimits limits;

    /** Hourly (first run 20 s after start); a purge still running when the next is due is not started twice. */
    @Scheduled(
            identity = "upload-job-retention",
            every = "1h",
            delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeHourly() {
        purge();
    }

    /** Deletes finished jobs past the retention, with their issues; returns how many jobs. Blocking. */
    public long purge() {
        long jobs = 0;
        long issues = 0;
        List<UUID> batch;
        do {
            batch = new ArrayList<>();
            for (Row row : pool.preparedQuery(FINISHED)
                    .execute(Tuple.of(limits.jobs().retention().toSeconds(), JOBS))
                    .await()
                    .indefinitely()) {
                batch.add(row.getUUID("id"));
            }
            if (batch.isEmpty()) {
                break;
            }
            UUID[] ids = batch.toArray(UUID[]::new);
            issues += inSlices(ISSUES, ids);
            inSlices(CHUNKS, ids);
            jobs += pool.preparedQuery(JOB)
                    .execute(Tuple.of(ids))
                    .await()
                    .indefinitely()
                    .rowCount();
        } while (batch.size() == JOBS);
        if (jobs > 0) {
            LOG.infof(
                    "purged %d upload jobs finished more than %s ago, with %d issues",
                    jobs, limits.jobs().retention(), issues);
        }
        return jobs;
    }

    private long inSlices(String delete, UUID[] ids) {
        long total = 0;
        int deleted;
        do {
            deleted = pool.preparedQuery(delete)
                    .execute(Tuple.of(ids, SLICE))
                    .await()
                    .indefinitely()
                    .rowCount();
            total += deleted;
        } while (deleted == SLICE);
        return total;
    }
}
