package org.supervisionhub.disclosure;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a department asks when it publishes a record (公示). */
@Schema(name = "DisclosureRequest", description = "公示请求: the period, defaulting to the longest the rules allow")
public record DisclosureRequest(
        @Schema(
                description = "公示截止日期: last day public; between the shortest and the longest period counted from "
                        + "the act (decision or check date). Default: the longest.",
                example = "2027-11-10")
        LocalDate discloseUntil) {}
