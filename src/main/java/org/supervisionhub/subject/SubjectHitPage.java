package org.supervisionhub.subject;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a name search. Shaped like every other page ({@code items, page, size, total}) plus whether the total
 * is exact: counting every match of a common fragment would cost more than the page itself, so it is counted only
 * when the matches end within the page or when the caller asks ({@code exactTotal=true}).
 */
@Schema(name = "SubjectHitPage", description = "One page of name search results, best match first")
public record SubjectHitPage(List<SubjectHit> items, int page, int size, long total, boolean totalExact) {}
