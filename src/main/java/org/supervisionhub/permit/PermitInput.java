package org.supervisionhub.permit;

import java.time.LocalDate;

/** A permit as the approval system reports it, in the hub's canonical shape (what an adapter maps onto). */
public record PermitInput(
        String permitNumber,
        String permitItemCode,
        String permitItemName,
        String subjectCreditCode,
        String subjectName,
        String regionCode,
        LocalDate issuedDate) {}
