package org.supervisionhub.officer;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short-lived electronic credential (电子亮证): what the officer's QR code carries. */
@Schema(name = "ElectronicCredential")
public record ElectronicCredentialView(
        @Schema(description = "Compact JWS (ES256) holding only an opaque certificate reference, no personal data")
        String token,

        @Schema(description = "When the token stops verifying")
        OffsetDateTime expiresAt,

        @Schema(description = "Public verification URL with the token: the content of the QR code (扫码查证)")
        String verifyUrl) {}
