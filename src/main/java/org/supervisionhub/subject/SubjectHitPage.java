package org.supervisionhub.subject;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name and shape of {@code Page<SubjectHit>}; documentation only, never instantiated. */
@Schema(name = "SubjectHitPage", description = "One page of name search results, best match first")
final class SubjectHitPage {

    @Schema(description = "The results of this page")
    public List<SubjectHit> items;

    @Schema(description = "Zero-based page number")
    public int page;

    @Schema(description = "Page size asked for")
    public int size;

    @Schema(description = "Total number of matching subjects")
    public long total;

    private SubjectHitPage() {}
}
