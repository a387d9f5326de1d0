package org.supervisionhub.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.Workers;
import org.supervisionhub.security.Caller;

/**
 * Processes queued upload jobs, one chunk per transaction: the chunk's records, their issues, the chunk's deletion
 * and the job's counters commit together, so after a crash the job resumes at the first chunk not yet committed.
 * A job is held by a lease that each chunk renews; a replica that dies leaves a lease that expires, and any replica
 * then takes the job over. A job whose receiving replica stopped before the body was complete fails with a clear
 * reason, and a job succeeds only when every chunk it received was committed (else it fails, saying how many were).
 */
@ApplicationScoped
public class UploadJobWorker {

    private static final Logger LOG = Logger.getLogger(UploadJobWorker.class);
    private static final int MAX_CHUNK_FAILURES = 3;

    // The receiving replica renews the lease while the request is open, so an expired one means that replica is gone.
    private static final String ABANDONED = """
            update upload_job set status = 'FAILED', finished_at = now(), lease_owner = null, lease_until = null,
                   updated_at = now(), failure_code = $1,
                   failure_reason = 'the replica receiving the upload stopped before its body was complete; nothing '
                                    || 'of it was processed, send it again'
            where status = 'RECEIVING' and lease_until < now() returning id""";
    private static final String CLAIM = """
            update upload_job set status = 'RUNNING', lease_owner = $1,
                   lease_until = now() + $2 * interval '1 millisecond',
                   started_at = coalesce(started_at, now()), updated_at = now()
            where id = (select id from upload_job
                        where status in ('QUEUED', 'RUNNING') and (lease_until is null or lease_until < now())
                        order by created_at limit 1 for update skip locked)
            returning id, department_code, caller""";
    private static final String NEXT_CHUNK = """
            select seq, first_index, records, line_numbers from upload_job_chunk where job_id = $1 order by seq limit 1""";
    private static final String ISSUES = """
            insert into upload_job_issue (job_id, record_index, line, source_record_id, severity, errors)
            select $1, i, l, s, v, cast(e as jsonb) from unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[])
                as t(i, l, s, v, e)
            on conflict do nothing""";
    private static final String CHUNK_DONE = """
            with removed as (delete from upload_job_chunk where job_id = $1 and seq = $2)
            update upload_job set chunks_done = chunks_done + 1, records_read = records_read + $3,
                   accepted = accepted + $4, updated = updated + $5, unchanged = unchanged + $6, deleted = deleted + $7,
                   rejected = rejected + $8, warnings = warnings + $9, chunk_failures = 0,
                   lease_until = now() + $10 * interval '1 millisecond', updated_at = now()
            where id = $1 and lease_owner = $11""";
    // No chunk is left: the job succeeded if every chunk (and record) it received was committed, else it failed.
    private static final String FINISH = """
            with job as (select id, chunks_done = chunks_total and records_read = records_total as complete
                         from upload_job where id = $1)
            update upload_job u set status = case when job.complete then 'SUCCEEDED' else 'FAILED' end,
                   failure_code = case when job.complete then null else $3 end,
                   failure_reason = case when job.complete then null
                       else 'only ' || u.chunks_done || ' of the ' || u.chunks_total || ' chunks received ('
                            || u.records_read || ' of ' || u.records_total || ' records) were committed; the others '
                            || 'were not processed: send the upload again (stored records come back UNCHANGED)' end,
                   finished_at = now(), lease_owner = null, lease_until = null, updated_at = now()
            from job where u.id = job.id and u.lease_owner = $2
            returning u.status""";
    private static final String CHUNK_FAILED = """
            update upload_job set chunk_failures = chunk_failures + 1, lease_owner = null,
                   lease_until = now() + (chunk_failures + 1) * interval '10 seconds',
                   updated_at = now()
            where id = $1 and lease_owner = $2 returning chunk_failures""";
    private static final String RELEASE = """
            update upload_job set lease_until = now(), lease_owner = null where lease_owner = $1 and status = 'RUNNING'""";

    private final String instanceId = "hub-" + UUID.randomUUID();

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Inject
    RecordUploads uploads;

    @Inject
    UploadJobs jobs;

    @Inject
    org.supervisionhub.common.BlockingTransactions transactions;

    @Inject
    UploadLimits limits;

    @Inject
    Workers workers;

    private volatile Workers.Worker worker;
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        if (!limits.jobs().enabled()) {
            return;
        }
        running = true;
        Duration pollInterval = limits.jobs().pollInterval();
        worker = workers.start(
                "upload-job-worker",
                () -> {
                    poll();
                    return pollInterval;
                },
                pollInterval,
                Duration.ofSeconds(20));
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker == null) {
            return;
        }
        // The chunk in progress finishes (or rolls back); then the lease is handed back so another replica resumes.
        worker.stop();
        try {
            pool.preparedQuery(RELEASE).execute(Tuple.of(instanceId)).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warn("could not hand back upload job leases; they expire on their own", e);
        }
    }

    /** Looks for work now instead of at the next poll. */
    void wake() {
        Workers.Worker current = worker;
        if (running && current != null) {
            current.wake();
        }
    }

    String instanceId() {
        return instanceId;
    }

    void poll() {
        try {
            for (Row row : pool.preparedQuery(ABANDONED)
                    .execute(Tuple.of(ErrorCode.UPLOAD_JOB_LOST.name()))
                    .await()
                    .indefinitely()) {
                UUID id = row.getUUID("id");
                jobs.dropChunks(id);
                LOG.warnf("upload job %s failed: its body never fully arrived", id);
            }
            Row job;
            while (running && (job = claim()) != null) {
                run(
                        job.getUUID("id"),
                        job.getString("department_code"),
                        UploadJobs.callerOf(job.getJsonObject("caller")));
            }
        } catch (RuntimeException e) {
            LOG.warn("upload job poll failed; retrying at the next poll", e);
        }
    }

    private Row claim() {
        RowSet<Row> rows = pool.preparedQuery(CLAIM)
                .execute(Tuple.of(instanceId, jobs.lease().toMillis()))
                .await()
                .indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    /**
     * Processes the job chunk by chunk: each chunk is read and validated outside any transaction, then written in one
     * short transaction with its issues, its deletion and the job's counters (which also checks the lease).
     */
    private void run(UUID id, String department, Caller caller) {
        while (running) {
            List<WrittenRecord> written;
            try {
                Chunk chunk = nextChunk(id);
                if (chunk == null) {
                    finish(id);
                    return;
                }
                List<RecordCheck> checks = uploads.check(department, chunk.records());
                written = transactions.inTransaction(
                        connection -> writeChunk(connection, id, chunk, department, caller, checks));
            } catch (LeaseLost e) {
                LOG.infof("upload job %s was taken over by another replica", id);
                return;
            } catch (RuntimeException | Error e) {
                // An Error too (a stack overflow on a pathological record): counted, so a poisoned chunk fails the job.
                chunkFailed(id, e);
                return;
            }
            uploads.recordQuality(department, written);
        }
    }

    private void finish(UUID id) {
        RowSet<Row> rows = pool.preparedQuery(FINISH)
                .execute(Tuple.of(id, instanceId, ErrorCode.UPLOAD_JOB_INCOMPLETE.name()))
                .await()
                .indefinitely();
        if (rows.size() == 0) {
            LOG.infof("upload job %s was taken over by another replica", id);
        } else if ("SUCCEEDED".equals(rows.iterator().next().getString("status"))) {
            LOG.infof("upload job %s finished", id);
        } else {
            LOG.errorf("upload job %s failed: not every chunk it received was committed", id);
        }
    }

    /** A stored chunk of a job, parsed. */
    private record Chunk(int seq, List<RawRecord> records) {}

    /** The job's first remaining chunk, parsed; null when none is left. Chunks never change once stored. */
    private Chunk nextChunk(UUID id) {
        RowSet<Row> chunks =
                pool.preparedQuery(NEXT_CHUNK).execute(Tuple.of(id)).await().indefinitely();
        if (chunks.size() == 0) {
            return null;
        }
        Row chunk = chunks.iterator().next();
        int firstIndex = chunk.getInteger("first_index");
        String[] records = chunk.getArrayOfStrings("records");
        Integer[] lines = chunk.getArrayOfIntegers("line_numbers");
        List<RawRecord> raws = new ArrayList<>(records.length);
        for (int i = 0; i < records.length; i++) {
            Integer line = lines == null ? null : lines[i];
            UploadSource.Line source = new UploadSource.Line(
                    line == null ? i + 1 : line,
                    records[i] == null ? null : records[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            raws.add(UploadSource.failureOf(mapper, UploadSource.parse(mapper, firstIndex + i, source))
                    .atLine(line));
        }
        return new Chunk(chunk.getInteger("seq"), raws);
    }

    /** Writes a validated chunk with its issues and counters; the chunk's deletion fails when the lease was lost. */
    private List<WrittenRecord> writeChunk(
            SqlConnection connection,
            UUID id,
            Chunk chunk,
            String department,
            Caller caller,
            List<RecordCheck> checks) {
        List<WrittenRecord> written =
                uploads.write(connection, caller, department, checks, "job:" + id + "#" + chunk.seq());
        storeIssues(connection, id, written);
        int[] counts = new int[RecordOutcome.values().length];
        int warned = 0;
        for (WrittenRecord record : written) {
            counts[record.outcome().ordinal()]++;
            if (record.outcome() != RecordOutcome.REJECTED
                    && !record.check().warnings().isEmpty()) {
                warned++;
            }
        }
        RowSet<Row> updated = connection
                .preparedQuery(CHUNK_DONE)
                .execute(Tuple.from(new Object[] {
                    id,
                    chunk.seq(),
                    written.size(),
                    counts[RecordOutcome.CREATED.ordinal()],
                    counts[RecordOutcome.UPDATED.ordinal()],
                    counts[RecordOutcome.UNCHANGED.ordinal()],
                    counts[RecordOutcome.DELETED.ordinal()],
                    counts[RecordOutcome.REJECTED.ordinal()],
                    warned,
                    jobs.lease().toMillis(),
                    instanceId
                }))
                .await()
                .indefinitely();
        if (updated.rowCount() == 0) {
            throw new LeaseLost();
        }
        return written;
    }

    private void storeIssues(SqlConnection connection, UUID id, List<WrittenRecord> written) {
        List<Integer> indexes = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> severities = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (WrittenRecord record : written) {
            RecordCheck check = record.check();
            addIssue(check, "ERROR", check.errors(), indexes, lines, sources, severities, errors);
            if (record.outcome() != RecordOutcome.REJECTED) {
                addIssue(check, "WARNING", check.warnings(), indexes, lines, sources, severities, errors);
            }
        }
        if (indexes.isEmpty()) {
            return;
        }
        connection
                .preparedQuery(ISSUES)
                .execute(Tuple.from(new Object[] {
                    id,
                    indexes.toArray(Integer[]::new),
                    lines.toArray(Integer[]::new),
                    sources.toArray(String[]::new),
                    severities.toArray(String[]::new),
                    errors.toArray(String[]::new)
                }))
                .await()
                .indefinitely();
    }

    private void addIssue(
            RecordCheck check,
            String severity,
            List<FieldError> issues,
            List<Integer> indexes,
            List<Integer> lines,
            List<String> sources,
            List<String> severities,
            List<String> errors) {
        if (issues.isEmpty()) {
            return;
        }
        indexes.add(check.index());
        lines.add(check.line());
        sources.add(check.sourceRecordId());
        severities.add(severity);
        try {
            errors.add(mapper.writeValueAsString(issues));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void chunkFailed(UUID id, Throwable cause) {
        LOG.warnf(cause, "upload job %s: a chunk failed; it is retried", id);
        try {
            RowSet<Row> rows = pool.preparedQuery(CHUNK_FAILED)
                    .execute(Tuple.of(id, instanceId))
                    .await()
                    .indefinitely();
            if (rows.size() > 0 && rows.iterator().next().getInteger("chunk_failures") >= MAX_CHUNK_FAILURES) {
                jobs.fail(
                        id,
                        ErrorCode.UPLOAD_JOB_CHUNK_FAILED.name(),
                        "processing failed " + MAX_CHUNK_FAILURES + " times at the same chunk; the records "
                                + "before it are stored (see the counters), the rest were not processed: "
                                + java.util.Objects.toString(cause.getMessage(), "an unexpected failure"));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record the failure; the lease expires on its own", e);
        }
    }

    /** The job's lease passed to another replica while this one was working on it. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }
}
