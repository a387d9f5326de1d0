package org.supervisionhub.disclosure;

import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A disclosure as the public reads it: the desensitised snapshot, no one's name or ID number, no officers. */
@Schema(name = "PublicDisclosure", description = "公示信息 (public, desensitised)")
public record PublicDisclosureView(
        long id,
        String kind,

        @Schema(description = "公示起始日期") LocalDate discloseFrom,
        @Schema(description = "公示截止日期") LocalDate discloseUntil,

        Map<String, Object> content) {}
