package org.supervisionhub.subject;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.IdNumber;

/** Looks a natural person up by ID number, in a body so the number never appears in a URL or access log. */
@Schema(name = "PersonLookupRequest")
public record PersonLookupRequest(@NotNull @IdNumber String idNumber) {}
