package org.supervisionhub.fileimport;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.supervisionhub.record.RecordResource;

/**
 * The query and header parameters of a sheet's upload, the same for the standard sheet and a docked system's own:
 * the CSV charset, the file's name, whether it is a dry run, and the body's declared type and length. Taken as a
 * {@code @BeanParam}.
 */
public class SheetUploadParams {

    /** What a dry run does, in the description of every sheet import. */
    static final String DRY_RUN_DESCRIPTION =
            "With dryRun=true (试运行) the file is read, mapped and validated exactly the same way but no job "
                    + "is made and nothing is stored: the answer (200, DryRunResult) gives every row's canonical "
                    + "record and issues, lines being row numbers; at most hub.imports.max-dry-run-rows rows "
                    + "(413 DRY_RUN_TOO_MANY_ROWS); one FILE_IMPORT_DRY_RUN audit entry is written.";

    @Parameter(description = "CSV charset: UTF-8 or GB18030 (GBK); detected when absent")
    @QueryParam("charset")
    @Pattern(regexp = "^[A-Za-z0-9_-]{3,16}$")
    public String charset;

    @Parameter(description = "The file's name, kept with the job")
    @QueryParam("name")
    public String name;

    @Parameter(description = RecordResource.DRY_RUN)
    @QueryParam("dryRun")
    public boolean dryRun;

    @HeaderParam(HttpHeaders.CONTENT_TYPE)
    public String contentType;

    @HeaderParam(HttpHeaders.CONTENT_LENGTH)
    public Long contentLength;

    /** The upload of this request's body. */
    FileImports.Upload upload(InputStream body) {
        return new FileImports.Upload(body, contentLength, contentType, charset, name);
    }
}
