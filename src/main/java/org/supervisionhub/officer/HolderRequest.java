package org.supervisionhub.officer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.IdNumber;
import org.supervisionhub.common.pii.PersonalData;

/** The holder of a certificate, as a docked system sends it. */
@Schema(name = "CredentialHolderRequest")
public record HolderRequest(
        @Schema(description = "姓名", example = "张三") @NotBlank @Size(max = 100)
        String name,

        @Schema(
                description = "居民身份证号码 (18 characters, ISO 7064 MOD 11-2 check). Hashed (keyed HMAC) on arrival; "
                        + "never stored, logged or returned in clear, only in masked form.",
                writeOnly = true,
                example = "11010519491231002X")
        @NotNull
        @IdNumber
        String idNumber,

        @Schema(description = "所在部门编码: the department the officer works for", example = "NN_SCJGJ")
        @NotNull
        @Pattern(regexp = CredentialFormats.DEPARTMENT_CODE, message = "2-32 letters, digits, _ or -")
        String departmentCode,

        @Schema(
                description = "The officer's SSO user name (the principal name of their tokens); needed to show the "
                        + "electronic credential (电子亮证). When absent the account on record is kept.",
                example = "zhangsan")
        @Size(min = 1, max = 200)
        @Pattern(regexp = CredentialFormats.NO_WHITESPACE, message = "no whitespace")
        String account,

        @Size(min = 1, max = 500) @Pattern(regexp = CredentialFormats.NO_WHITESPACE, message = "no whitespace")
        String photoRef) {

    /** Never prints the ID number, so the request can appear in a log line without leaking it. */
    @Override
    public String toString() {
        return "HolderRequest[name=" + name + ", idNumber=" + PersonalData.maskIdNumber(idNumber) + ", departmentCode="
                + departmentCode + ", account=" + account + ", photoRef=" + photoRef + "]";
    }
}
