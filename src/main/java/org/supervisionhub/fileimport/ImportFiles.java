package org.supervisionhub.fileimport;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The file an import job was read from, kept beside the job in pieces of 1 MiB (so neither storing nor reading it back
 * holds the file in memory), for the annotated copy. It goes when the job is purged.
 */
@ApplicationScoped
public class ImportFiles {

    static final int PART_BYTES = 1024 * 1024;

    private static final String FILE = """
            insert into upload_job_file (job_id, format, charset, kind, system, file_name, bytes, parts)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";
    private static final String PART = "insert into upload_job_file_part (job_id, seq, bytes) values ($1, $2, $3)";
    private static final String META = "select * from upload_job_file where job_id = $1";
    private static final String READ_PART = "select bytes from upload_job_file_part where job_id = $1 and seq = $2";

    /** What is known of a job's file: its format, the charset it was read with, and the route it came by. */
    public record Meta(
            String format, String charset, String kind, String system, String fileName, long bytes, int parts) {}

    @Inject
    Pool pool;

    void store(UUID job, Meta meta, Path file) {
        pool.preparedQuery(FILE)
                .execute(Tuple.from(new Object[] {
                    job,
                    meta.format(),
                    meta.charset(),
                    meta.kind(),
                    meta.system(),
                    meta.fileName(),
                    meta.bytes(),
                    meta.parts()
                }))
                .await()
                .indefinitely();
        byte[] part = new byte[PART_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int seq = 0;
            int n;
            while ((n = in.readNBytes(part, 0, PART_BYTES)) > 0) {
                pool.preparedQuery(PART)
                        .execute(Tuple.of(job, seq++, Buffer.buffer(java.util.Arrays.copyOf(part, n))))
                        .await()
                        .indefinitely();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Meta> meta(UUID job) {
        RowSet<Row> rows =
                pool.preparedQuery(META).execute(Tuple.of(job)).await().indefinitely();
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new Meta(
                row.getString("format"),
                row.getString("charset"),
                row.getString("kind"),
                row.getString("system"),
                row.getString("file_name"),
                row.getLong("bytes"),
                row.getInteger("parts")));
    }

    /** Copies the stored file into {@code target}, part by part. */
    void copyTo(UUID job, Meta meta, Path target) {
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int seq = 0; seq < meta.parts(); seq++) {
                RowSet<Row> rows = pool.preparedQuery(READ_PART)
                        .execute(Tuple.of(job, seq))
                        .await()
                        .indefinitely();
                out.write(rows.iterator().next().getBuffer("bytes").getBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
