package org.supervisionhub.subject;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.item.ItemType;

/** "Who supervises me" (谁来监管): the departments and the claimed items that apply to a subject. */
@Schema(name = "Supervisors")
public record SupervisorsView(
        @Schema(description = "统一社会信用代码") String creditCode,
        @Schema(description = "主体名称") String name,

        @Schema(description = "Sectors (ministry lines) that supervise the subject's industry")
        List<String> sectors,

        @Schema(description = "Supervising departments, provincial first")
        List<Supervisor> departments) {

    /** A department and its claimed sub-items that apply to the subject. */
    @Schema(name = "Supervisor")
    public record Supervisor(
            String departmentCode, String departmentName, String regionCode, List<ApplicableItem> items) {}

    /** A claimed, in-use sub-item. */
    @Schema(name = "ApplicableItem")
    public record ApplicableItem(String code, String name, ItemType itemType, String sectorCode) {}
}
