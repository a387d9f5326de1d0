package org.supervisionhub.randominspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything a draw is computed from, fixed when it is announced: the candidates (sorted by credit code), the
 * inspectors (sorted by officer id), the pairs to avoid, and the ratios. Stored as the exact JSON text that was
 * hashed ({@code inputsHash}).
 */
@Schema(name = "RandomDrawInputs")
public record DrawInputs(
        long planId,
        String departmentCode,

        @Schema(description = "The day the inspectors' certificates must be valid on (the plan's start)")
        LocalDate drawDate,

        List<String> itemCodes,
        List<String> sectors,
        String regionCode,
        String industryCode,
        Map<String, BigDecimal> ratios,
        int inspectorsPerSubject,
        List<Candidate> subjects,
        List<Inspector> inspectors,
        List<Pair> previous,
        List<Pair> conflicts) {

    /** A subject that may be drawn. */
    @Schema(name = "RandomDrawCandidate")
    public record Candidate(
            String creditCode, String name, String regionCode, String industryCode, String creditClass) {}

    /** An officer that may be drawn, with the certificate that qualifies him. */
    @Schema(name = "RandomDrawInspector")
    public record Inspector(long officerId, String name, String issuer, String certNo) {}

    /** An officer who must not inspect a subject. */
    @Schema(name = "RandomDrawPair")
    public record Pair(long officerId, String creditCode) {}
}
