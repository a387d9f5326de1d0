package org.supervisionhub.item;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item the national platform issued that the department is invited to claim and has not claimed yet. */
@Schema(name = "ClaimInvitation")
public record ClaimInvitationView(
        String itemCode,
        String itemName,
        ItemType itemType,
        String sectorCode,
        String departmentCode,
        OffsetDateTime invitedAt) {}
