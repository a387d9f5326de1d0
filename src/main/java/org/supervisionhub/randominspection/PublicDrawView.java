package org.supervisionhub.randominspection;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published draw as the public sees it: companies named, inspectors masked, no personal identifier. */
@Schema(name = "PublicRandomDraw")
public record PublicDrawView(
        long id,
        String departmentCode,
        String departmentName,
        String planName,
        String seed,
        String inputsHash,
        String resultHash,
        List<DrawResult.ClassCount> classes,
        List<Subject> subjects,
        OffsetDateTime executedAt,
        OffsetDateTime publishedAt) {

    /** A drawn subject and its inspectors by masked name. */
    @Schema(name = "PublicRandomDrawSubject")
    public record Subject(String creditCode, String name, String creditClass, List<String> inspectors) {}
}
