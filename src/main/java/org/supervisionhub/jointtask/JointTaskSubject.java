package org.supervisionhub.jointtask;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.CreditCode;

/** A subject of a joint task (监管对象). */
@Schema(name = "JointTaskSubject", description = "联合监管任务的监管对象")
public record JointTaskSubject(
        @Schema(description = "统一社会信用代码", example = "91450500MA5L8XXX0A") @NotNull @CreditCode
        String creditCode,

        @Schema(description = "监管对象名称", example = "北海市某某餐饮有限公司") @Size(max = 200)
        String name) {}
