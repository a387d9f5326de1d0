package org.supervisionhub.officer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.item.ItemUpsertResult;

/** What a certificate upsert did. */
@Schema(name = "CredentialUpsertResult")
public record CredentialUpsertResult(
        @Schema(description = "CREATED, UPDATED (version + 1) or UNCHANGED (identical re-send)")
        ItemUpsertResult.Outcome outcome,

        @Schema(description = "The certificate after the call")
        CredentialView credential) {}
