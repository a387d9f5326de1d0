package org.supervisionhub.sync;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Hub and national counts of one day, per kind: what the hub delivered first that day against what arrived. */
@Schema(name = "Reconciliation")
public record ReconciliationView(LocalDate day, String target, boolean consistent, List<KindCount> kinds) {

    @Schema(name = "ReconciliationCount")
    public record KindCount(String kind, long hub, long national, long difference) {}
}
