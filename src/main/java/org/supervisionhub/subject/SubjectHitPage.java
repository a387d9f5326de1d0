package org.supervisionhub.subject;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a name search. Shaped like every other page ({@code items, page, size, total}) plus whether the total
 * is exact: counting every match of a common fragment would cost more than the page itself, so it is counted only
 * when the matches end within the page or when the caller asks ({@code exactTotal=true}).
 */
@Schema(name = "SubjectHitPage", description = "One page of name search results, best match first")
public record SubjectHitPage(
        @Schema(description = "The results of this page") List<SubjectHit> items,
        @Schema(description = "Zero-based page number") int page,
        @Schema(description = "Page size asked for") int size,

        @Schema(
                description = "Number of matching subjects. Exact when totalExact is true; otherwise a lower bound "
                        + "(the matches read for this page, at least one more than it shows): more pages follow")
        long total,

        @Schema(
                description = "Whether total is the exact number of matches: true when the matches end within this "
                        + "page or when exactTotal=true was asked")
        boolean totalExact) {}
