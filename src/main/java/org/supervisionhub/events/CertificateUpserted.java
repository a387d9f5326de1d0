package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code certificate.upserted}: an enforcement certificate or its holder changed (the whole certificate; the holder's
 * ID number only masked). Aggregate: issuer and certificate number.
 */
public record CertificateUpserted(
        @JsonPropertyDescription("发证机关编码") String issuer,
        @JsonPropertyDescription("执法证件号") String certNo,
        @JsonPropertyDescription("The certificate's kind") String kind,

        @JsonPropertyDescription("The status as recorded (expiry is by the dates, not the status)")
        String status,

        @JsonPropertyDescription("First day of validity") LocalDate validFrom,
        @JsonPropertyDescription("Last day of validity") LocalDate validTo,

        @JsonPropertyDescription("执法门类: the sector codes the certificate covers, sorted")
        List<String> categories,

        @JsonPropertyDescription("The holder's name") String holderName,

        @JsonPropertyDescription("The holder's ID number, masked (never in clear)")
        String holderIdNumberMasked,

        @JsonPropertyDescription("The holder's department's code")
        String departmentCode,

        @JsonPropertyDescription("The holder's department's name")
        String departmentName,

        @JsonPropertyDescription("The department's unified social credit code")
        String departmentCreditCode,

        @JsonPropertyDescription("The department's region (GB/T 2260)")
        String regionCode,

        @JsonPropertyDescription("The certificate's version, 1 and up")
        int version)
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
