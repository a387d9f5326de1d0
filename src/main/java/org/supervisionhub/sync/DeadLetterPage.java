package org.supervisionhub.sync;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents {@code Page<DeadLetterView>} in the contract. */
@Schema(name = "DeadLetterPage")
public record DeadLetterPage(List<DeadLetterView> items, int page, int size, long total) {}
