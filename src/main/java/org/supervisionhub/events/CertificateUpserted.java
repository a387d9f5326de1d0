package org.supervisionhub.events;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code certificate.upserted}: an enforcement certificate or its holder changed (the whole certificate; the holder's
 * ID number only masked). Aggregate: issuer and certificate number.
 */
public record CertificateUpserted(String issuer, String certNo, String kind, String status, LocalDate validFrom,
                                  LocalDate validTo, List<String> categories, String holderName,
                                  String holderIdNumberMasked, String departmentCode, String departmentName,
                                  @Nullable String departmentCreditCode, String regionCode, int version)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.CERTIFICATE_UPSERTED;
    }

    @Override
    public String aggregateId() {
        return issuer + ":" + certNo;
    }
}
