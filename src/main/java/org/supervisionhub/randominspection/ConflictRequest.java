package org.supervisionhub.randominspection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A declared conflict (回避): the officer holding the certificate must not inspect the subject. */
@Schema(name = "RandomDrawConflictRequest")
public record ConflictRequest(String issuer, String certNo, String subjectCreditCode, String reason) {}
