package org.supervisionhub.officer;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short-lived electronic credential (电子亮证): what the officer's QR code carries, and the code itself. */
@Schema(name = "ElectronicCredential")
public record ElectronicCredentialView(
        String token,

        @Schema(description = "When the token stops verifying")
        OffsetDateTime expiresAt,

        @Schema(description = "二维码刷新时间 When the holder's app should ask for a new credential: before it expires")
        OffsetDateTime refreshAt,

        String verifyUrl,
        String qrPng,
        String qrSvg) {}
