package org.supervisionhub.disclosure;

import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A disclosure as the public reads it: the desensitised snapshot, no one's name or ID number, no officers. */
@Schema(name = "PublicDisclosure", description = "公示信息 (public, desensitised)")
public record PublicDisclosureView(
        @Schema(description = "公示编号") long id,

        @Schema(description = "PENALTY 行政处罚 / INSPECTION 双随机抽查结果")
        String kind,

        @Schema(description = "公示起始日期") LocalDate discloseFrom,
        @Schema(description = "公示截止日期") LocalDate discloseUntil,

        @Schema(
                description = "公示内容: subject {name, creditCode}, implementingBody {name, creditCode}, itemCode, "
                        + "regionCode, and penalty {actionName, decisionNumber, decisionDate, penaltyTypes, fineAmount, "
                        + "confiscationAmount, illegalFacts, legalBasis} or inspection {randomPlanId, actionName, "
                        + "checkDate, resultCode, resultDescription}; ID and mobile numbers in texts masked")
        Map<String, Object> content) {}
