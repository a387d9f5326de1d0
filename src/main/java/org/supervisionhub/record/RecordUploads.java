package org.supervisionhub.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.Workers;
import org.supervisionhub.security.Caller;

/**
 * Runs uploads: reads records in batches, validates each batch against one reference snapshot and writes it with
 * a few multi-row statements. Without {@code atomic} every batch commits on its own (valid records are stored even
 * when others are rejected); with it the whole upload is one transaction, rolled back if any record is rejected.
 * Blocking: runs on worker threads.
 */
@ApplicationScoped
public class RecordUploads {

    private static final Logger LOG = Logger.getLogger(RecordUploads.class);
    private static final String QUALITY = """
            insert into record_quality_daily as q (department_code, day, received, rejected) values ($1, $2, $3, $4)
            on conflict (department_code, day) do update
                set received = q.received + excluded.received, rejected = q.rejected + excluded.rejected""";
    private static final String REJECTIONS = """
            insert into record_rejection_daily as q (department_code, day, error_code, records)
            select $1, $2, code, records from unnest($3::text[], $4::bigint[]) as t(code, records) order by code
            on conflict (department_code, day, error_code) do update set records = q.records + excluded.records""";

    @Inject
    BlockingTransactions transactions;

    @Inject
    ObjectMapper mapper;

    @Inject
    ReferenceData reference;

    @Inject
    RecordValidator validator;

    @Inject
    RecordWriter writer;

    @Inject
    UploadLimits limits;

    /**
     * Where a batch is written while the request's thread reads the next: a pool of its own, not Quarkus' worker pool
     * the uploads themselves run on, so that however many uploads wait for their writes, a write never waits for a
     * thread that such an upload holds. As many threads as the reactive pool has connections: more could not write.
     */
    private ExecutorService writers;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int connections;

    @Inject
    Workers workers;

    @PostConstruct
    void startWriters() {
        writers = workers.taskPool("upload-batch-writer", connections);
    }

    @Inject
    org.supervisionhub.audit.AuditTrail audit;

    /**
     * An upload answered in the request: batches commit one by one, or all at once when atomic. Every batch is read
     * and validated before its transaction opens, so no transaction ever waits for the client's next bytes.
     */
    public UploadResult run(
            Caller caller,
            String department,
            Iterator<RawRecord> source,
            boolean atomic,
            boolean perRecordResults,
            String reference) {
        UploadTally tally = new UploadTally(limits.maxReportedIssues(), perRecordResults);
        if (atomic) {
            runAtomically(caller, department, source, tally, reference);
        } else {
            runInBatches(caller, department, source, tally, reference);
        }
        if (tally.received() == 0) {
            throw HubException.badRequest("BODY_EMPTY", "the upload holds no records");
        }
        return tally.result();
    }

    /**
     * Batches commit one by one, in the order they were sent. While one batch is written (on a worker of its own),
     * this thread reads and validates the next, so reading the client and writing to the database overlap: the upload
     * goes at the pace of the slower of the two instead of their sum. At most one write is in flight, so a batch never
     * commits before the one sent ahead of it, and every write has ended when this returns or throws (a body that
     * breaks off keeps the batches committed before it, as without the overlap).
     */
    private void runInBatches(
            Caller caller, String department, Iterator<RawRecord> source, UploadTally tally, String reference) {
        CompletableFuture<List<WrittenRecord>> writing = null;
        int batchNumber = 0;
        try {
            while (source.hasNext()) {
                List<RecordCheck> checks = check(department, nextBatch(source));
                String batchReference = reference + "#" + ++batchNumber;
                if (writing != null) {
                    CompletableFuture<List<WrittenRecord>> previous = writing;
                    writing = null;
                    tally.add(joined(previous));
                }
                writing = writeBehind(caller, department, checks, batchReference);
            }
        } catch (RuntimeException | Error failed) {
            // Reading or validating failed while a write was in flight: that write ends (and counts) first.
            if (writing != null) {
                try {
                    tally.add(joined(writing));
                } catch (RuntimeException writeFailed) {
                    failed.addSuppressed(writeFailed);
                }
            }
            throw failed;
        }
        if (writing != null) {
            tally.add(joined(writing));
        }
    }

    /** Writes a validated batch and its data-quality figures on a worker, with the request's id for its audit entry. */
    private CompletableFuture<List<WrittenRecord>> writeBehind(
            Caller caller, String department, List<RecordCheck> checks, String batchReference) {
        Object requestId = MDC.get("requestId");
        return CompletableFuture.supplyAsync(
                () -> {
                    if (requestId != null) {
                        MDC.put("requestId", requestId);
                    }
                    try {
                        List<WrittenRecord> written = transactions.inTransaction(
                                connection -> writer.write(connection, caller, department, checks, batchReference));
                        recordQuality(department, written);
                        return written;
                    } finally {
                        MDC.remove("requestId");
                    }
                },
                writers);
    }

    /** The batch's outcome, or its failure as it was thrown on the worker. */
    private static List<WrittenRecord> joined(CompletableFuture<List<WrittenRecord>> writing) {
        try {
            return writing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Records mapped by an adapter, through the same validation and writes as an upload (batches commit one by one). */
    public UploadResult runMapped(
            Caller caller, String department, java.util.List<MappedRecord> records, String reference) {
        return run(caller, department, raws(records).iterator(), false, true, reference);
    }

    /**
     * 试运行: reads and validates the upload exactly as {@link #run} does, batch by batch against the same reference
     * snapshots, and judges each valid record as the write would (new, new version, unchanged, tombstone, or rejected
     * by its stored key) by reading the department's records, but writes nothing: no record, no event, no data-quality
     * figure. Only one audit entry ({@code action}, with the counts) is written, in its own short transaction.
     */
    public DryRunResult dryRun(
            Caller caller,
            String department,
            Iterator<RawRecord> source,
            boolean perRecordResults,
            String action,
            Map<String, Object> auditDetail) {
        UploadTally tally = new UploadTally(limits.maxReportedIssues(), false);
        List<DryRunResult.DryRunRecord> records = perRecordResults ? new ArrayList<>() : null;
        Map<String, RecordWriter.Stored> stored = new java.util.HashMap<>();
        while (source.hasNext()) {
            List<RawRecord> batch = nextBatch(source);
            List<RecordCheck> checks = check(department, batch);
            List<WrittenRecord> verdicts =
                    transactions.inTransaction(connection -> writer.preview(connection, department, checks, stored));
            tally.add(verdicts);
            if (records != null) {
                for (int i = 0; i < batch.size(); i++) {
                    WrittenRecord verdict = verdicts.get(i);
                    CanonicalRecord record = verdict.check().record();
                    records.add(new DryRunResult.DryRunRecord(
                            verdict.check().index(),
                            verdict.check().line(),
                            verdict.check().sourceRecordId(),
                            verdict.outcome(),
                            batch.get(i).node(),
                            record == null || record.body() == null ? null : readTree(record.body())));
                }
            }
        }
        if (tally.received() == 0) {
            throw HubException.badRequest("BODY_EMPTY", "the upload holds no records");
        }
        UploadResult counts = tally.result();
        Map<String, Object> detail = new java.util.LinkedHashMap<>(auditDetail);
        detail.put("department", department);
        detail.put("received", counts.received());
        detail.put("valid", counts.received() - counts.rejected());
        detail.put("rejected", counts.rejected());
        detail.put("warned", counts.warned());
        transactions.inTransaction(connection -> {
            audit.record(connection, caller, action, "dry-run", department, detail);
            return null;
        });
        return new DryRunResult(
                true,
                counts.received(),
                counts.accepted(),
                counts.updated(),
                counts.unchanged(),
                counts.deleted(),
                counts.rejected(),
                counts.warned(),
                counts.errorCounts(),
                counts.issues(),
                counts.issuesTruncated(),
                records == null ? null : List.copyOf(records));
    }

    /** A dry run of records mapped by an adapter (see {@link #runMapped}), every record answered with its mapping. */
    public DryRunResult dryRunMapped(
            Caller caller,
            String department,
            List<MappedRecord> records,
            String action,
            Map<String, Object> auditDetail) {
        return dryRun(caller, department, raws(records).iterator(), true, action, auditDetail);
    }

    /**
     * A dry run of a sheet's rows (a file import's records, see {@link UploadJobs#receiveRecords}): each row goes
     * through the same text form and parsing as a job's stored chunk, so it is judged exactly as the import would judge
     * it, and is answered with its row number as its line.
     */
    public DryRunResult dryRunRows(
            Caller caller,
            String department,
            List<UploadJobs.SourcedRecord> rows,
            String action,
            Map<String, Object> auditDetail) {
        List<RawRecord> raws = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            UploadJobs.SourcedRecord row = rows.get(i);
            String text =
                    UploadSource.text(mapper, row.canonical(), row.failure()).replace('\u0000', '\uFFFD');
            UploadSource.Line line =
                    new UploadSource.Line(row.line(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            raws.add(UploadSource.failureOf(mapper, UploadSource.parse(mapper, i, line))
                    .atLine(row.line()));
        }
        return dryRun(caller, department, raws.iterator(), true, action, auditDetail);
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a canonical body is not JSON", e);
        }
    }

    private static List<RawRecord> raws(List<MappedRecord> records) {
        List<RawRecord> raws = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            raws.add(new RawRecord(
                    i, null, records.get(i).canonical(), records.get(i).failure(), 0));
        }
        return raws;
    }

    /**
     * Validates one batch against one reference snapshot. Runs outside any transaction: it may read reference data
     * from the pool, and no caller may hold a transaction's connection while it takes another.
     */
    List<RecordCheck> check(String department, List<RawRecord> batch) {
        ReferenceData.Snapshot snapshot = this.reference.snapshot(department);
        List<RecordValidator.Bound> bound = new ArrayList<>(batch.size());
        for (RawRecord raw : batch) {
            bound.add(
                    raw.unreadable() != null
                            ? new RecordValidator.Bound(null, List.of(raw.unreadable()))
                            : validator.bind(raw));
        }
        List<RecordInput> inputs =
                bound.stream().map(RecordValidator.Bound::input).toList();
        RecordValidator.Context context = new RecordValidator.Context(
                department,
                snapshot,
                this.reference.existingItems(RecordValidator.unclaimedItemCodes(inputs, snapshot)),
                Instant.now());
        List<RecordCheck> checks = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            RawRecord raw = batch.get(i);
            RecordValidator.Bound record = bound.get(i);
            checks.add(
                    record.input() == null
                            ? RecordCheck.rejected(raw.index(), raw.line(), sourceRecordIdOf(raw), record.errors())
                            : validator.validate(raw.index(), raw.line(), record.input(), context));
        }
        return checks;
    }

    /** Writes validated records in the caller's transaction. */
    List<WrittenRecord> write(
            SqlConnection connection, Caller caller, String department, List<RecordCheck> checks, String reference) {
        return writer.write(connection, caller, department, checks, reference);
    }

    /** Adds a batch's received and rejected counts to the department's daily data-quality figures. */
    void recordQuality(String department, List<WrittenRecord> written) {
        int rejected = 0;
        Map<String, Long> byCode = new TreeMap<>();
        for (WrittenRecord record : written) {
            if (record.outcome() == RecordOutcome.REJECTED) {
                rejected++;
                UploadTally.errorCodes(record.check().errors()).forEach(code -> byCode.merge(code, 1L, Long::sum));
            }
        }
        LocalDate today = LocalDate.now(WireTime.ZONE);
        int rejectedRecords = rejected;
        try {
            transactions.inTransaction(connection -> {
                connection
                        .preparedQuery(QUALITY)
                        .execute(Tuple.of(department, today, (long) written.size(), (long) rejectedRecords))
                        .await()
                        .indefinitely();
                if (!byCode.isEmpty()) {
                    connection
                            .preparedQuery(REJECTIONS)
                            .execute(Tuple.of(
                                    department,
                                    today,
                                    byCode.keySet().toArray(String[]::new),
                                    byCode.values().toArray(Long[]::new)))
                            .await()
                            .indefinitely();
                }
                return null;
            });
        } catch (RuntimeException e) {
            // The figures are statistics: losing one batch's increment must not fail an upload that committed.
            LOG.warnf(e, "data-quality figures of department %s not recorded", department);
        }
    }

    /** The next batch: up to {@code batchSize} records, ended early once its records reach the batch's byte budget. */
    List<RawRecord> nextBatch(Iterator<RawRecord> source) {
        List<RawRecord> batch = new ArrayList<>(limits.batchSize());
        long bytes = 0;
        while (batch.size() < limits.batchSize() && bytes < limits.maxBatchBytes() && source.hasNext()) {
            RawRecord record = source.next();
            bytes += record.bytes();
            batch.add(record);
        }
        return batch;
    }

    /**
     * All or nothing. The whole body is read and validated first (at most {@code maxAtomicRecords} records, so it
     * fits in memory): a rejected record answers 422 without a transaction ever being opened. Only then does one
     * short transaction write every batch, with one audit entry at its end; a record the write itself rejects (a
     * key of another department) rolls it all back.
     */
    private void runAtomically(
            Caller caller, String department, Iterator<RawRecord> source, UploadTally tally, String reference) {
        List<List<RecordCheck>> checked = new ArrayList<>();
        int records = 0;
        boolean rejected = false;
        long bytes = 0;
        while (source.hasNext()) {
            List<RawRecord> batch = nextBatch(source);
            bytes += batch.stream().mapToLong(RawRecord::bytes).sum();
            records += batch.size();
            if (records > limits.maxAtomicRecords() || bytes > limits.maxAtomicBytes()) {
                throw new HubException(
                        413,
                        "ATOMIC_UPLOAD_TOO_LARGE",
                        "Atomic upload too large",
                        "an atomic upload holds at most " + limits.maxAtomicRecords() + " records and "
                                + limits.maxAtomicBytes() + " bytes of records; send larger ones without atomic=true",
                        List.of());
            }
            List<RecordCheck> checks = check(department, batch);
            rejected |= checks.stream().anyMatch(check -> !check.accepted());
            checked.add(checks);
        }
        List<List<WrittenRecord>> batches = new ArrayList<>();
        if (rejected) {
            checked.forEach(checks ->
                    batches.add(checks.stream().map(WrittenRecord::notWritten).toList()));
        } else {
            try {
                batches.addAll(transactions.inTransaction(connection -> {
                    List<List<WrittenRecord>> written =
                            writer.writeAll(connection, caller, department, checked, reference);
                    if (written.stream().flatMap(List::stream).anyMatch(w -> w.outcome() == RecordOutcome.REJECTED)) {
                        throw new AtomicUploadRejected(written);
                    }
                    return written;
                }));
            } catch (AtomicUploadRejected e) {
                batches.addAll(e.written);
                rejected = true;
            }
        }
        batches.forEach(tally::add);
        batches.forEach(batch -> recordQuality(department, batch));
        if (rejected) {
            throw atomicFailure(tally);
        }
    }

    /** An atomic upload with a rejected record: nothing stored; 422 listing every error by record. */
    private static HubException atomicFailure(UploadTally tally) {
        List<FieldError> errors = new ArrayList<>();
        for (UploadResult.RecordIssue issue : tally.issues()) {
            if (issue.errors() == null) {
                continue;
            }
            String prefix = "records[" + issue.index() + "]";
            String where = issue.line() != null ? "line " + issue.line() + ": " : "";
            for (FieldError error : issue.errors()) {
                errors.add(new FieldError(
                        error.field().isEmpty() ? prefix : prefix + "." + error.field(),
                        error.code(),
                        where + error.message()));
            }
        }
        return new HubException(
                422,
                "UPLOAD_REJECTED",
                "Upload rejected",
                tally.rejected() + " of " + tally.received() + " records were rejected; with atomic=true nothing "
                        + "was stored",
                errors);
    }

    private static String sourceRecordIdOf(RawRecord raw) {
        if (raw.node() != null
                && raw.node().isObject()
                && raw.node().path("sourceRecordId").isTextual()) {
            String id = raw.node().path("sourceRecordId").asText();
            return id.length() > 64 ? id.substring(0, 64) : id;
        }
        return null;
    }

    /** Signals that an atomic upload must roll back, carrying the verdicts of the write. */
    private static final class AtomicUploadRejected extends RuntimeException {
        private final transient List<List<WrittenRecord>> written;

        AtomicUploadRejected(List<List<WrittenRecord>> written) {
            super(null, null, false, false);
            this.written = written;
        }
    }
}
