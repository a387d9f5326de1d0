package org.supervisionhub.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.Workers;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;

/**
 * Upload jobs: a large upload is first stored in chunks (so it survives a restart), answered with 202, and then
 * processed by {@link UploadJobWorker}. This class receives bodies, and reads jobs and their issue reports.
 */
@ApplicationScoped
public class UploadJobs {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(UploadJobs.class);

    private static final String CREATE = """
            insert into upload_job (department_code, created_by, caller, media_type, status, lease_owner, lease_until)
            values ($1, $2, cast($3::text as jsonb), $4, 'RECEIVING', $5, now() + $6 * interval '1 millisecond')
            returning id""";
    // A chunk is stored only while the job is still receiving under this replica's lease, and counted in the same
    // statement: chunks_total and records_total are what was received and stored.
    private static final String ADD_CHUNK = """
            with job as (
                update upload_job set chunks_total = chunks_total + 1, records_total = records_total + $6,
                       lease_until = now() + $7 * interval '1 millisecond', updated_at = now()
                where id = $1 and status = 'RECEIVING' and lease_owner = $8 and chunks_total = $2
                returning id)
            insert into upload_job_chunk (job_id, seq, first_index, records, line_numbers)
            select id, $2::int, $3::int, $4::text[], $5::int[] from job""";
    private static final String QUEUE = """
            update upload_job set status = 'QUEUED', lease_owner = null, lease_until = null, updated_at = now()
            where id = $1 and status = 'RECEIVING' and lease_owner = $2 and chunks_total = $3 and records_total = $4""";
    private static final String RENEW = """
            update upload_job set lease_until = now() + $3 * interval '1 millisecond'
            where id = any($1) and status = 'RECEIVING' and lease_owner = $2""";
    // A finished job stays finished: a late failure never overwrites a success, nor an earlier failure's reason.
    private static final String FAIL = """
            update upload_job set status = 'FAILED', failure_code = $2, failure_reason = $3, finished_at = now(),
                   lease_owner = null, lease_until = null, updated_at = now()
            where id = $1 and status in ('RECEIVING', 'QUEUED', 'RUNNING')""";
    private static final String DROP_CHUNKS = "delete from upload_job_chunk where job_id = $1";
    private static final String JOB = """
            select j.*, d.region_code from upload_job j join department d on d.code = j.department_code where j.id = $1""";
    private static final String ISSUES = """
            select record_index, line, source_record_id, severity, errors from upload_job_issue
            where job_id = $1 and (record_index, severity) > ($2, $3) order by record_index, severity limit $4""";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Inject
    UploadLimits limits;

    @Inject
    UploadJobWorker worker;

    @Inject
    Workers workers;

    /** Jobs whose body this replica is receiving now; their leases are renewed while the request is open. */
    private final Set<UUID> receiving = ConcurrentHashMap.newKeySet();

    void start(@Observes StartupEvent event) {
        Duration every = lease().dividedBy(3);
        workers.start(
                "upload-job-leases",
                () -> {
                    renewLeases();
                    return every;
                },
                every,
                Duration.ofSeconds(5));
    }

    Duration lease() {
        return limits.jobs().lease();
    }

    /**
     * Stores the body of an upload as a job and queues it. The body is read to its end first, chunk by chunk, so
     * memory stays bounded and no transaction is open while the client sends; the job's lease is renewed while the
     * request is open, however long the body takes. A body that breaks off or exceeds a limit, or a job this replica
     * could not keep, fails the job with its reason and stores nothing to process: a job is queued only with every
     * chunk received, and the worker succeeds it only when every one of them is committed.
     */
    public UUID receive(Caller caller, String department, String mediaType, InputStream body) {
        return receive(
                caller,
                department,
                mediaType,
                id -> {},
                () -> UploadSource.NDJSON.equals(mediaType) ? ndjsonChunks(body) : jsonChunks(body));
    }

    /**
     * One record of an upload read from a file (a sheet row): its 1-based row number, and its canonical JSON or why it
     * could not be turned into one (then it is rejected with that error, like an unreadable NDJSON line).
     */
    public record SourcedRecord(int line, com.fasterxml.jackson.databind.JsonNode canonical, FieldError failure) {}

    /**
     * Stores records read from a file as a job, like {@link #receive}: chunk by chunk as the source yields them, with
     * their row numbers as the report's lines. {@code attach} runs once the job exists and before it is queued (the
     * file import keeps the file beside the job there); if it fails, the job fails.
     */
    public UUID receiveRecords(
            Caller caller,
            String department,
            String mediaType,
            Iterator<SourcedRecord> records,
            java.util.function.Consumer<UUID> attach) {
        return receive(caller, department, mediaType, attach, () -> recordChunks(records));
    }

    private UUID receive(
            Caller caller,
            String department,
            String mediaType,
            java.util.function.Consumer<UUID> attach,
            java.util.function.Supplier<Iterator<Chunk>> chunkSource) {
        UUID id = pool.preparedQuery(CREATE)
                .execute(Tuple.from(new Object[] {
                    department,
                    caller.auditName(),
                    callerJson(caller),
                    mediaType,
                    worker.instanceId(),
                    lease().toMillis()
                }))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getUUID("id");
        receiving.add(id);
        try {
            int records = 0;
            int chunks = 0;
            attach.accept(id);
            Iterator<Chunk> source = read(chunkSource);
            while (read(source::hasNext)) {
                Chunk chunk = read(source::next);
                store(id, chunks, records, chunk);
                records += chunk.records().size();
                chunks++;
            }
            if (records == 0) {
                throw HubException.badRequest("BODY_EMPTY", "the upload holds no records");
            }
            if (pool.preparedQuery(QUEUE)
                            .execute(Tuple.of(id, worker.instanceId(), chunks, records))
                            .await()
                            .indefinitely()
                            .rowCount()
                    == 0) {
                throw lost("the job's lease was lost before its body was queued");
            }
        } catch (HubException e) {
            failAfterReceiving(id, e.code(), e.getMessage());
            throw e;
        } catch (RuntimeException | Error e) {
            failAfterReceiving(
                    id,
                    ErrorCode.UPLOAD_JOB_LOST.name(),
                    "the hub failed while the body arrived; nothing of it is processed, send it again");
            throw e;
        } finally {
            receiving.remove(id);
        }
        worker.wake();
        return id;
    }

    /** Fails a job whose body did not arrive whole; if even that fails, its lease (no longer renewed) expires. */
    private void failAfterReceiving(UUID id, String failure, String reason) {
        try {
            fail(id, failure, reason);
        } catch (RuntimeException e) {
            LOG.warnf(e, "upload job %s: could not record its failure; it fails when its lease expires", id);
        }
    }

    /** Stores a chunk and counts it, while the job is still this replica's to receive. */
    private void store(UUID id, int seq, int firstIndex, Chunk chunk) {
        int stored;
        try {
            stored = pool.preparedQuery(ADD_CHUNK)
                    .execute(Tuple.from(new Object[] {
                        id,
                        seq,
                        firstIndex,
                        chunk.records().toArray(String[]::new),
                        chunk.lines(),
                        chunk.records().size(),
                        lease().toMillis(),
                        worker.instanceId()
                    }))
                    .await()
                    .indefinitely()
                    .rowCount();
        } catch (RuntimeException e) {
            throw lost("chunk " + seq + " could not be stored: " + e.getMessage());
        }
        if (stored == 0) {
            throw lost("the job's lease was lost while its body arrived");
        }
    }

    /** Reads from the body: a refusal stays what it is; any other failure means the body broke off. */
    private static <T> T read(java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (HubException e) {
            throw e;
        } catch (RuntimeException e) {
            throw HubException.badRequest(
                    "UPLOAD_BODY_INCOMPLETE",
                    "the body broke off before its end (connection closed, or no data within the read timeout); "
                            + "nothing of it is processed, send it again");
        }
    }

    private static HubException lost(String detail) {
        return new HubException(
                503,
                "UPLOAD_JOB_LOST",
                "Upload job lost",
                detail + "; nothing of it is processed, send it again",
                List.of());
    }

    /** Renews the leases of the jobs this replica is receiving (a round of the lease keeper). */
    void renewLeases() {
        if (receiving.isEmpty()) {
            return;
        }
        pool.preparedQuery(RENEW)
                .execute(Tuple.of(receiving.toArray(UUID[]::new), worker.instanceId(), lease().toMillis()))
                .await()
                .indefinitely();
    }

    /** The job, if the caller may see it (its own department's, or within its region). */
    public Optional<UploadJobView> find(Caller caller, UUID id, String issuesUrl) {
        RowSet<Row> rows = pool.preparedQuery(JOB).execute(Tuple.of(id)).await().indefinitely();
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        if (!caller.scope()
                .covers(Scope.Owner.department(row.getString("department_code"), row.getString("region_code")))) {
            return Optional.empty();
        }
        return Optional.of(view(row, issuesUrl));
    }

    /** Writes the job's issues as NDJSON or CSV, page by page, so a large report never sits in memory. */
    public void writeIssues(UUID id, boolean csv, OutputStream out) {
        try {
            if (csv) {
                out.write("index,line,sourceRecordId,severity,field,code,message\n".getBytes(StandardCharsets.UTF_8));
            }
            int lastIndex = -1;
            String lastSeverity = "";
            while (true) {
                RowSet<Row> page = pool.preparedQuery(ISSUES)
                        .execute(Tuple.of(id, lastIndex, lastSeverity, 1000))
                        .await()
                        .indefinitely();
                for (Row row : page) {
                    lastIndex = row.getInteger("record_index");
                    lastSeverity = row.getString("severity");
                    List<FieldError> errors =
                            List.of(mapper.readValue(row.getJsonArray("errors").encode(), FieldError[].class));
                    out.write((csv ? csvLines(row, errors) : ndjsonLine(row, errors)).getBytes(StandardCharsets.UTF_8));
                }
                if (page.size() < 1000) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record's issues in a job's report: its 0-based index, its line (row), ERROR or WARNING, and the issues. */
    public record JobIssue(int index, Integer line, String severity, List<FieldError> errors) {}

    /** The job's issues in upload order (index, then ERROR before WARNING), read page by page as they are taken. */
    public Iterator<JobIssue> issues(UUID id) {
        return new Iterator<>() {
            private final java.util.ArrayDeque<JobIssue> page = new java.util.ArrayDeque<>();
            private int lastIndex = -1;
            private String lastSeverity = "";
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (page.isEmpty() && !exhausted) {
                    RowSet<Row> rows = pool.preparedQuery(ISSUES)
                            .execute(Tuple.of(id, lastIndex, lastSeverity, 1000))
                            .await()
                            .indefinitely();
                    for (Row row : rows) {
                        lastIndex = row.getInteger("record_index");
                        lastSeverity = row.getString("severity");
                        try {
                            page.add(new JobIssue(
                                    lastIndex,
                                    row.getInteger("line"),
                                    lastSeverity,
                                    List.of(mapper.readValue(
                                            row.getJsonArray("errors").encode(), FieldError[].class))));
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    exhausted = rows.size() < 1000;
                }
                return !page.isEmpty();
            }

            @Override
            public JobIssue next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return page.poll();
            }
        };
    }

    /** Fails the job with a catalog code and its reason, unless it has finished, and drops what is left of its body. */
    void fail(UUID id, String failure, String reason) {
        pool.preparedQuery(FAIL).execute(Tuple.of(id, failure, reason)).await().indefinitely();
        dropChunks(id);
    }

    /** Removes what is left of a job's body (a failed job is never processed). */
    void dropChunks(UUID id) {
        pool.preparedQuery(DROP_CHUNKS).execute(Tuple.of(id)).await().indefinitely();
    }

    private record Chunk(List<String> records, Integer[] lines) {}

    private Iterator<Chunk> ndjsonChunks(InputStream body) {
        UploadSource.NdjsonLines lines = UploadSource.ndjsonLines(body, limits);
        int size = limits.batchSize();
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public Chunk next() {
                List<String> records = new ArrayList<>(size);
                List<Integer> numbers = new ArrayList<>(size);
                long bytes = 0;
                while (records.size() < size && bytes < limits.maxBatchBytes() && lines.hasNext()) {
                    UploadSource.Line line = lines.next();
                    if (++read > limits.maxNdjsonLines()) {
                        throw UploadSource.tooLarge(
                                "at most " + limits.maxNdjsonLines() + " records per NDJSON upload");
                    }
                    // PostgreSQL text holds no NUL; such a line is not JSON anyway and stays malformed.
                    records.add(
                            line.bytes() == null
                                    ? null
                                    : new String(line.bytes(), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD'));
                    numbers.add(line.number());
                    bytes += line.bytes() == null ? limits.maxLineBytes() : line.bytes().length;
                }
                return new Chunk(records, numbers.toArray(Integer[]::new));
            }
        };
    }

    private Iterator<Chunk> recordChunks(Iterator<SourcedRecord> records) {
        int size = limits.batchSize();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Chunk next() {
                List<String> texts = new ArrayList<>(size);
                List<Integer> numbers = new ArrayList<>(size);
                long bytes = 0;
                while (texts.size() < size && bytes < limits.maxBatchBytes() && records.hasNext()) {
                    SourcedRecord record = records.next();
                    String text = UploadSource.text(mapper, record.canonical(), record.failure())
                            .replace('\u0000', '\uFFFD');
                    texts.add(text);
                    numbers.add(record.line());
                    bytes += text.length();
                }
                return new Chunk(texts, numbers.toArray(Integer[]::new));
            }
        };
    }

    private Iterator<Chunk> jsonChunks(InputStream body) {
        UploadSource.JsonArray all = UploadSource.jsonArray(mapper, body, limits);
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += limits.batchSize()) {
            chunks.add(new Chunk(all.texts(from, Math.min(all.size(), from + limits.batchSize())), null));
        }
        return chunks.iterator();
    }

    private String callerJson(Caller caller) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", caller.subject());
        json.put("roles", caller.roles());
        json.put("department", caller.departmentCode().orElse(null));
        json.put("region", caller.regionCode().orElse(null));
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Caller callerOf(io.vertx.core.json.JsonObject json) {
        return new Caller(
                json.getString("subject"),
                Set.copyOf(json.getJsonArray("roles").getList().stream()
                        .map(Object::toString)
                        .toList()),
                Optional.ofNullable(json.getString("department")),
                Optional.ofNullable(json.getString("region")));
    }

    private static UploadJobView view(Row row, String issuesUrl) {
        int total = row.getInteger("records_total");
        int read = row.getInteger("records_read");
        OffsetDateTime started = row.getOffsetDateTime("started_at");
        OffsetDateTime finished = row.getOffsetDateTime("finished_at");
        BigDecimal rate = null;
        if (started != null && read > 0) {
            long millis = Duration.between(started, finished != null ? finished : OffsetDateTime.now())
                    .toMillis();
            rate = BigDecimal.valueOf(read * 1000.0 / Math.max(millis, 1)).setScale(1, RoundingMode.HALF_UP);
        }
        BigDecimal percent = total == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(read * 100.0 / total).setScale(1, RoundingMode.HALF_UP);
        return new UploadJobView(
                row.getUUID("id"),
                row.getString("status"),
                row.getString("department_code"),
                row.getString("media_type"),
                total,
                read,
                row.getInteger("accepted"),
                row.getInteger("updated"),
                row.getInteger("unchanged"),
                row.getInteger("deleted"),
                row.getInteger("rejected"),
                row.getInteger("warnings"),
                percent,
                rate,
                row.getString("failure_code"),
                row.getString("failure_reason"),
                WireTime.of(row.getOffsetDateTime("created_at")),
                WireTime.of(started),
                WireTime.of(finished),
                issuesUrl);
    }

    private String ndjsonLine(Row row, List<FieldError> errors) throws JsonProcessingException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("index", row.getInteger("record_index"));
        line.put("line", row.getInteger("line"));
        line.put("sourceRecordId", row.getString("source_record_id"));
        line.put("severity", row.getString("severity"));
        line.put(row.getString("severity").equals("ERROR") ? "errors" : "warnings", errors);
        return mapper.writeValueAsString(line) + "\n";
    }

    private static String csvLines(Row row, List<FieldError> errors) {
        StringBuilder lines = new StringBuilder();
        for (FieldError error : errors) {
            lines.append(row.getInteger("record_index"))
                    .append(',')
                    .append(row.getInteger("line") == null ? "" : row.getInteger("line"))
                    .append(',')
                    .append(csv(row.getString("source_record_id")))
                    .append(',')
                    .append(row.getString("severity"))
                    .append(',')
                    .append(csv(error.field()))
                    .append(',')
                    .append(csv(error.code()))
                    .append(',')
                    .append(csv(error.message()))
                    .append('\n');
        }
        return lines.toString();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not execute it. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
