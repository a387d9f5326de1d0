package org.supervisionhub.sync;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Hub and national counts of one day, per kind: what the hub delivered first that day against what arrived. */
@Schema(name = "Reconciliation")
public record ReconciliationView(
        LocalDate day,
        String target,

        @Schema(description = "True when every kind's counts agree")
        boolean consistent,

        List<KindCount> kinds) {

    @Schema(name = "ReconciliationCount")
    public record KindCount(
            String kind,

            @Schema(description = "Aggregates whose first delivery the hub completed that day")
            long hub,

            @Schema(description = "Unique ids the platform first received that day")
            long national,

            @Schema(description = "hub - national") long difference) {}
}
