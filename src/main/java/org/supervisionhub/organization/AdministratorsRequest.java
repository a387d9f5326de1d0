package org.supervisionhub.organization;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole list of a department's administrators; a PUT replaces the stored one. */
@Schema(name = "DepartmentAdministratorsRequest")
public record AdministratorsRequest(
        @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = Departments.SUBJECT) String> administrators) {}
