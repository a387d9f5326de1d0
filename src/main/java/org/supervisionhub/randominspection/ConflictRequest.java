package org.supervisionhub.randominspection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A declared conflict (回避): the officer holding the certificate must not inspect the subject. */
@Schema(name = "RandomDrawConflictRequest")
public record ConflictRequest(
        @Schema(description = "Issuer of one of the officer's certificates")
        String issuer,

        @Schema(description = "Its number") String certNo,

        @Schema(description = "The subject's unified social credit code")
        String subjectCreditCode,

        @Schema(description = "Why (关系)") String reason) {}
