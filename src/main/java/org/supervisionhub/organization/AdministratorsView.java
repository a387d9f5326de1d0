package org.supervisionhub.organization;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who is appointed administrator (部门管理员) of a department. */
@Schema(name = "DepartmentAdministrators")
public record AdministratorsView(String departmentCode, List<Administrator> administrators) {

    /** One appointment. */
    @Schema(name = "DepartmentAdministrator")
    public record Administrator(String subject, String appointedBy, OffsetDateTime appointedAt) {}
}
