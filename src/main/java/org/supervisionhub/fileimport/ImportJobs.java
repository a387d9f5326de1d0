package org.supervisionhub.fileimport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;
import org.supervisionhub.record.UploadJobView;
import org.supervisionhub.record.UploadJobs;
import org.supervisionhub.security.Caller;

/** The answers of file imports: the accepted job, and its annotated file, scoped like every upload job. */
@ApplicationScoped
public class ImportJobs {

    @Inject
    UploadJobs jobs;

    @Inject
    FileImports imports;

    @Inject
    ImportReports reports;

    /** 202 with the job, its Location, and a Link to its annotated file. */
    Response accepted(Caller caller, UUID id, UriInfo uri) {
        URI location = uri.getBaseUriBuilder().path("api/v1/upload-jobs/{id}").build(id);
        UploadJobView job = jobs.find(caller, id, location + "/issues").orElseThrow();
        return Response.accepted(job)
                .location(location)
                .header("Link", "<" + location + "/annotated-file>; rel=\"annotated-file\"")
                .build();
    }

    /** The job's file with its result column, if the caller may see the job and it came from a file. */
    Response annotated(Caller caller, UUID id) {
        jobs.find(caller, id, null)
                .orElseThrow(() -> HubException.notFound(ErrorCode.UPLOAD_JOB_NOT_FOUND, "no upload job " + id));
        ImportFiles.Meta meta = imports.fileOf(id)
                .orElseThrow(() -> HubException.notFound(
                        ErrorCode.IMPORT_FILE_NOT_FOUND, "upload job " + id + " was not fed from a file"));
        boolean xlsx = meta.format().equals("xlsx");
        StreamingOutput copy = out -> reports.writeAnnotated(id, meta, out);
        return Response.ok(copy, xlsx ? FileImports.XLSX : FileImports.CSV + ";charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"upload-" + id + "-result." + (xlsx ? "xlsx" : "csv") + "\"")
                .build();
    }
}
