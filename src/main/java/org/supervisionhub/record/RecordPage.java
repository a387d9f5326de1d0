package org.supervisionhub.record;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents {@code Page<RecordView>} in the contract. */
@Schema(name = "RecordPage")
public record RecordPage(List<RecordView> items, int page, int size, long total) {}
