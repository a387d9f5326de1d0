package org.supervisionhub.organization;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a department still holds that another must take over when it is deactivated. */
@Schema(name = "DepartmentReassignments")
public record ReassignmentsView(
        String departmentCode,
        DepartmentStatus status,
        List<Claim> activeClaims,
        List<ImplementationList> implementationLists,
        List<OpenCase> openCases) {

    /** An active claim. */
    @Schema(name = "ReassignmentClaim")
    public record Claim(String itemCode, String itemName, OffsetDateTime claimedAt) {}

    /** An implementation list. */
    @Schema(name = "ReassignmentImplementationList")
    public record ImplementationList(String itemCode, String listCode) {}

    /** A case sent down that is still open. */
    @Schema(name = "ReassignmentCase")
    public record OpenCase(
            long id, String kind, String nationalId, String title, String status, OffsetDateTime deadline) {}
}
