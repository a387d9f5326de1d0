package org.supervisionhub.item;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A claim request; department admins may omit the department (their own is used). */
@Schema(name = "ClaimRequest")
public record ClaimRequest(
        @Schema(description = "认领部门编码; required for hub-admin and region-admin", example = "450100SCJGJ")
        @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$", message = "2-32 letters, digits, _ or -")
        String departmentCode) {}
