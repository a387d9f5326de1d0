package org.supervisionhub.nationalcase;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents {@code Page<CaseView>} in the contract. */
@Schema(name = "NationalCasePage")
public record CasePage(List<CaseView> items, int page, int size, long total) {}
