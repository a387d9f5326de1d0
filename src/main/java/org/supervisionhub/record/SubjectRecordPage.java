package org.supervisionhub.record;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents {@code Page<SubjectRecordView>} in the contract. */
@Schema(name = "SubjectRecordPage")
public record SubjectRecordPage(List<SubjectRecordView> items, int page, int size, long total) {}
