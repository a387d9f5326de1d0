package org.supervisionhub.officer;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public keys that verify electronic credentials (RFC 7517 JWK Set). */
@Schema(name = "JsonWebKeySet")
public record JsonWebKeySetView(List<Key> keys) {

    /** One EC P-256 public key. */
    @Schema(name = "JsonWebKey")
    public record Key(
            @Schema(description = "Key type", example = "EC")
            String kty,

            @Schema(description = "Curve", example = "P-256")
            String crv,

            String kid,

            @Schema(description = "Use", example = "sig") String use,

            @Schema(description = "Algorithm", example = "ES256")
            String alg,

            String x,
            String y) {}
}
