package org.supervisionhub.officer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.organization.Department;

/** An enforcement certificate as the authenticated API shows it; the holder's ID number only masked. */
@Schema(name = "Credential")
public record CredentialView(
        String issuer,
        String certNo,
        @Schema(description = "证件种类") CertificateKind kind,

        @Schema(
                description = "State today (China Standard Time): the recorded status, then EXPIRED after validTo and "
                        + "NOT_YET_VALID before validFrom")
        CredentialState status,

        @Schema(description = "Status as recorded by the issuing side")
        CertificateStatus recordedStatus,

        @Schema(description = "持证人") Holder holder,
        @Schema(description = "所在部门") DepartmentRef department,
        List<String> categories,
        @Schema(description = "有效期起") LocalDate validFrom,
        @Schema(description = "有效期止") LocalDate validTo,
        int version,
        @Schema(description = "Last change") OffsetDateTime updatedAt) {

    /** The holder: name and masked ID number. */
    @Schema(name = "CredentialHolder")
    public record Holder(
            String name,

            @Schema(description = "Masked 居民身份证号码: region and last four", example = "110105********002X")
            String idNumberMasked) {}

    /** A department by code and name. */
    @Schema(name = "DepartmentRef")
    public record DepartmentRef(String code, String name) {}

    static CredentialView of(Certificate certificate, Officer officer, Department department, LocalDate today) {
        return new CredentialView(
                certificate.issuer,
                certificate.certNo,
                certificate.kind,
                certificate.stateOn(today),
                certificate.status,
                new Holder(officer.name, officer.idNumberMasked),
                new DepartmentRef(department.code, department.name),
                certificate.sortedCategories(),
                certificate.validFrom,
                certificate.validTo,
                certificate.version,
                WireTime.of(certificate.updatedAt));
    }
}
