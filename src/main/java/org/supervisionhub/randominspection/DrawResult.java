package org.supervisionhub.randominspection;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a draw chose: per credit class how many, and each drawn subject with its inspectors. */
@Schema(name = "RandomDrawResult")
public record DrawResult(List<ClassCount> classes, List<Drawn> subjects) {

    /** One credit class: candidates, ratio (percent) and how many were drawn (round half up of their product). */
    @Schema(name = "RandomDrawClassCount")
    public record ClassCount(String creditClass, int candidates, BigDecimal ratio, int drawn) {}

    /** A drawn subject and its inspectors, in the order they were drawn. */
    @Schema(name = "RandomDrawSubject")
    public record Drawn(String creditCode, String name, String creditClass, List<DrawInputs.Inspector> inspectors) {}
}
