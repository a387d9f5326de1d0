package org.supervisionhub.fileimport;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.supervisionhub.adapter.AdapterDescriptor;
import org.supervisionhub.adapter.AdapterRegistry;
import org.supervisionhub.common.ByteLimitedInputStream;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.record.DryRunResult;
import org.supervisionhub.record.RecordKind;
import org.supervisionhub.record.RecordUploads;
import org.supervisionhub.record.UploadJobs;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Roles;
import org.supervisionhub.security.Scope;

/**
 * File imports (格式文件导入): an xlsx or CSV sheet, one record per row, run as an upload job. The body is spooled to
 * a temporary file within the byte limit (an xlsx is read from a file, entry by entry, never from memory), its header
 * row is checked before any job exists, then its rows are read one at a time, mapped to canonical records and stored as
 * the job's chunks while the file itself is kept beside the job for the annotated copy. The job then runs through
 * the same validation and writes as every upload.
 */
@ApplicationScoped
public class FileImports {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    @Inject
    UploadJobs jobs;

    @Inject
    ImportFiles files;

    @Inject
    RecordUploads uploads;

    @Inject
    ImportLimits limits;

    @Inject
    AdapterRegistry registry;

    @Inject
    Pool pool;

    /** The file as the client sent it: its body, declared length, media type, the requested charset and a name. */
    public record Upload(InputStream body, Long contentLength, String contentType, String charset, String fileName) {}

    /** A route's mapping of a sheet, built from its header row (which it checks). */
    private record Route(String kind, String system, String department, Function<List<String>, SheetMapping> mapping) {}

    /** The standard sheet of a record kind, for the caller's department (a hub-admin names the department). */
    public UUID importStandard(Caller caller, String kindName, String requestedDepartment, Upload upload) {
        return run(caller, standardRoute(caller, kindName, requestedDepartment), upload);
    }

    /**
     * 试运行 of a standard sheet: read, mapped and validated exactly as {@link #importStandard} would, answered in the
     * request with every row's canonical record and issues; nothing stored, no job, no event, one audit entry.
     */
    public DryRunResult dryRunStandard(Caller caller, String kindName, String requestedDepartment, Upload upload) {
        return preview(caller, standardRoute(caller, kindName, requestedDepartment), upload);
    }

    private Route standardRoute(Caller caller, String kindName, String requestedDepartment) {
        String department = targetDepartment(caller, requestedDepartment);
        RecordKind kind = StandardColumns.kind(kindName).orElseThrow(() -> kindNotFound(kindName));
        String sourceSystem = "sheet." + department;
        return new Route(kind.name(), null, department, header -> SheetMapping.standard(kind, sourceSystem, header));
    }

    /**
     * An adapter's sheet, mapped by its inbound kind of {@code source: file}, for the adapter's owner department: a
     * department's admin or the system's own client, or a hub-admin.
     */
    public UUID importAdapterFile(Caller caller, String system, String kind, Upload upload) {
        return run(caller, adapterRoute(caller, system, kind), upload);
    }

    /** 试运行 of an adapter's sheet: as {@link #dryRunStandard}, for {@link #importAdapterFile}'s route. */
    public DryRunResult dryRunAdapterFile(Caller caller, String system, String kind, Upload upload) {
        return preview(caller, adapterRoute(caller, system, kind), upload);
    }

    private Route adapterRoute(Caller caller, String system, String kind) {
        AdapterDescriptor descriptor = registry.usable(system);
        AdapterDescriptor.Inbound inbound =
                descriptor.inbound() == null ? null : descriptor.inbound().get(kind);
        if (inbound == null || !inbound.effectiveSource().equals(AdapterDescriptor.FILE)) {
            throw HubException.notFound(
                    ErrorCode.IMPORT_KIND_NOT_FOUND, system + " declares no file kind '" + kind + "'");
        }
        Scope scope = caller.scope();
        boolean person =
                caller.roles().contains(Roles.HUB_ADMIN) || caller.roles().contains(Roles.DEPT_ADMIN);
        if (!person) {
            String expected = descriptor.auth().inboundClientId();
            if (expected == null || !caller.clientId().map(expected::equals).orElse(false)) {
                throw HubException.forbidden(
                        ErrorCode.ADAPTER_CLIENT_MISMATCH, "only the client " + expected + " acts as " + system);
            }
        }
        String department = descriptor.ownerDepartment();
        if (!scope.isAll() && !scope.department().map(department::equals).orElse(false)) {
            scope.requireBound();
            throw HubException.forbidden(
                    ErrorCode.DEPARTMENT_OUT_OF_SCOPE,
                    system + "'s sheets are " + department + "'s records; the caller may not act for it");
        }
        requireRegistered(department, scope.isAll());
        return new Route(kind, system, department, header -> SheetMapping.adapter(descriptor, inbound, header));
    }

    /** The department the caller imports for: its own, or the one a hub-admin names. */
    private String targetDepartment(Caller caller, String requested) {
        Scope scope = caller.scope();
        if (scope.isAll()) {
            if (requested == null || requested.isBlank()) {
                throw HubException.badRequest(
                        ErrorCode.DEPARTMENT_REQUIRED,
                        "a hub-admin names the department the sheet's records belong to",
                        new FieldError("department", ErrorCode.DEPARTMENT_REQUIRED.name(), "the department's code"));
            }
            requireRegistered(requested, true);
            return requested;
        }
        String department = scope.departmentFilter(requested).orElseThrow();
        requireRegistered(department, false);
        return department;
    }

    private void requireRegistered(String department, boolean named) {
        boolean exists = pool.preparedQuery("select 1 from department where code = $1")
                        .execute(Tuple.of(department))
                        .await()
                        .indefinitely()
                        .size()
                > 0;
        if (!exists) {
            throw named
                    ? HubException.notFound(ErrorCode.DEPARTMENT_NOT_FOUND, "no department " + department)
                    : HubException.forbidden(
                            ErrorCode.CALLER_DEPARTMENT_UNKNOWN, "the token's department is not registered in the hub");
        }
    }

    /** What a route does with a checked sheet: its spooled file, its rows past the header, their mapping, the meta. */
    @FunctionalInterface
    private interface SheetWork<T> {
        T apply(Path file, SheetRows sheet, SheetMapping mapping, ImportFiles.Meta meta);
    }

    private UUID run(Caller caller, Route route, Upload upload) {
        return withSheet(
                route,
                upload,
                (file, sheet, mapping, meta) -> jobs.receiveRecords(
                        caller,
                        route.department(),
                        meta.format().equals("xlsx") ? XLSX : CSV,
                        records(sheet, mapping),
                        id -> files.store(id, meta, file)));
    }

    /**
     * The dry run: the same spooling, header check and row mapping as {@link #run}, but the rows (at most
     * hub.imports.max-dry-run-rows, since the answer lists each) are judged in the request by the upload dry run,
     * which stores nothing and writes one audit entry.
     */
    private DryRunResult preview(Caller caller, Route route, Upload upload) {
        return withSheet(route, upload, (file, sheet, mapping, meta) -> {
            List<UploadJobs.SourcedRecord> rows = new ArrayList<>();
            while (sheet.hasNext()) {
                SheetRows.Row row = sheet.next();
                if (rows.size() >= limits.maxRows()) {
                    throw tooLarge("a sheet holds at most " + limits.maxRows() + " rows; row " + row.number()
                            + " is beyond it");
                }
                if (rows.size() >= limits.maxDryRunRows()) {
                    throw new HubException(
                            413,
                            "DRY_RUN_TOO_MANY_ROWS",
                            "Payload too large",
                            "a dry run reads at most " + limits.maxDryRunRows() + " rows; row " + row.number()
                                    + " is beyond it (import the file as a job, or try a part of it)",
                            List.of());
                }
                rows.add(mapping.map(row));
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("kind", route.kind());
            if (route.system() != null) {
                detail.put("system", route.system());
            }
            detail.put("format", meta.format());
            detail.put("bytes", meta.bytes());
            return uploads.dryRunRows(caller, route.department(), rows, "FILE_IMPORT_DRY_RUN", detail);
        });
    }

    /** Spools the body, checks its type, charset and header row, and hands the open sheet to {@code work}. */
    private <T> T withSheet(Route route, Upload upload, SheetWork<T> work) {
        if (upload.contentLength() != null && upload.contentLength() > limits.maxFileBytes()) {
            throw tooLarge("the file has " + upload.contentLength() + " bytes; at most " + limits.maxFileBytes()
                    + " are accepted");
        }
        Path file = spool(upload.body());
        SheetRows sheet = null;
        try {
            long bytes = Files.size(file);
            if (bytes == 0) {
                throw HubException.badRequest(ErrorCode.BODY_EMPTY, "the file is empty");
            }
            String format = format(file, upload.contentType());
            Charset charset = format.equals("csv") ? CsvSheet.charset(file, upload.charset()) : null;
            sheet = openSheet(file, format, charset);
            SheetMapping mapping = route.mapping().apply(sheet.header());
            ImportFiles.Meta meta = new ImportFiles.Meta(
                    format,
                    charset == null ? null : charset.name(),
                    route.kind(),
                    route.system(),
                    fileName(upload.fileName()),
                    bytes,
                    (int) ((bytes + ImportFiles.PART_BYTES - 1) / ImportFiles.PART_BYTES));
            return work.apply(file, sheet, mapping, meta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (sheet != null) {
                sheet.close();
            }
            delete(file);
        }
    }

    private Iterator<UploadJobs.SourcedRecord> records(SheetRows sheet, SheetMapping mapping) {
        return new Iterator<>() {
            private int rows;

            @Override
            public boolean hasNext() {
                return sheet.hasNext();
            }

            @Override
            public UploadJobs.SourcedRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SheetRows.Row row = sheet.next();
                if (++rows > limits.maxRows()) {
                    throw tooLarge("a sheet holds at most " + limits.maxRows() + " rows; row " + row.number()
                            + " is beyond it");
                }
                return mapping.map(row);
            }
        };
    }

    /** xlsx by its zip signature; CSV when it is text; anything else (a legacy .xls, an image) is refused. */
    static String format(Path file, String contentType) throws IOException {
        byte[] start = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, start.length);
        }
        if (n >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
            return "xlsx";
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean binary = false;
        for (int i = 0; i < n; i++) {
            if (start[i] == 0) {
                binary = true;
                break;
            }
        }
        if (binary || (type.contains("spreadsheetml") && n > 0)) {
            throw new HubException(
                    415,
                    "FILE_TYPE_UNSUPPORTED",
                    "Unsupported media type",
                    "the file is neither an xlsx workbook nor a CSV text (a legacy .xls must be saved as .xlsx)",
                    List.of());
        }
        return "csv";
    }

    private Path spool(InputStream body) {
        Path file;
        try {
            file = Files.createTempFile("hub-import-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = limited(body, limits.maxFileBytes());
                OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
            return file;
        } catch (HubException e) {
            delete(file);
            throw e;
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw HubException.badRequest(
                    ErrorCode.UPLOAD_BODY_INCOMPLETE, "the file broke off before its end; send it again");
        }
    }

    private static InputStream limited(InputStream body, long maxBytes) {
        return new ByteLimitedInputStream(body, maxBytes, limit -> tooLarge("the file exceeds " + limit + " bytes"));
    }

    static HubException tooLarge(String detail) {
        return new HubException(413, "PAYLOAD_TOO_LARGE", "Payload too large", detail, List.of());
    }

    private static HubException kindNotFound(String kind) {
        return HubException.notFound(
                ErrorCode.IMPORT_KIND_NOT_FOUND,
                "no standard sheet of '" + kind + "' (one of inspection, penalty, enforcement, other, complaint)");
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String plain = name.replaceAll("[\\p{Cntrl}]", "").strip();
        return plain.length() > 255 ? plain.substring(0, 255) : plain;
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file: the OS cleans it up
        }
    }

    /** The job's file as it was, if the job was a file import the caller may see (else empty). */
    public Optional<ImportFiles.Meta> fileOf(UUID job) {
        return files.meta(job);
    }

    /** Opens a stored sheet of the format. */
    SheetRows openSheet(Path file, String format, Charset charset) {
        return format.equals("xlsx") ? XlsxSheet.open(file, limits) : CsvSheet.open(file, charset, limits);
    }

    static Charset charsetOf(ImportFiles.Meta meta) {
        return meta.charset() == null ? StandardCharsets.UTF_8 : Charset.forName(meta.charset());
    }
}
