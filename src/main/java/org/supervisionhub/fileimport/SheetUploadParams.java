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
