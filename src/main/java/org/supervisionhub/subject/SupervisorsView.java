package org.supervisionhub.subject;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.item.ItemType;

/** "Who supervises me" (谁来监管): the departments and the claimed items that apply to a subject. */
@Schema(name = "Supervisors")
public record SupervisorsView(String creditCode, String name, List<String> sectors, List<Supervisor> departments) {

    /** A department and its claimed sub-items that apply to the subject. */
    @Schema(name = "Supervisor")
    public record Supervisor(
            String departmentCode, String departmentName, String regionCode, List<ApplicableItem> items) {}

    /** A claimed, in-use sub-item. */
    @Schema(name = "ApplicableItem")
    public record ApplicableItem(String code, String name, ItemType itemType, String sectorCode) {}
}
