package org.supervisionhub.officer;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short-lived electronic credential (电子亮证): what the officer's QR code carries, and the code itself. */
@Schema(name = "ElectronicCredential")
public record ElectronicCredentialView(
        @Schema(description = "Compact JWS (ES256) holding only an opaque certificate reference, no personal data")
        String token,

        @Schema(description = "When the token stops verifying")
        OffsetDateTime expiresAt,

        @Schema(description = "二维码刷新时间 When the holder's app should ask for a new credential: before it expires")
        OffsetDateTime refreshAt,

        @Schema(description = "Public verification URL with the token: the content of the QR code (扫码查证)")
        String verifyUrl,

        @Schema(description = "二维码 The QR code of verifyUrl as a PNG data URI (data:image/png;base64,…)")
        String qrPng,

        @Schema(description = "二维码 The same QR code as an SVG document, for any screen size")
        String qrSvg) {}
