package org.supervisionhub.randominspection;

import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a department asks a draw for; every field may be left out. */
@Schema(name = "RandomDrawRequest")
public record DrawRequest(
        String regionCode,
        String industryCode,

        @Schema(
                description =
                        "Sampling ratio per credit class in percent, each within its band: A 0-5, B 5-20, C 21-60, "
                                + "D 61-100; a class left out takes the configured default (hub.random-draws.ratios.*)",
                example = "{\"A\": 3, \"B\": 10, \"C\": 30, \"D\": 80}")
        Map<String, BigDecimal> ratios) {}
