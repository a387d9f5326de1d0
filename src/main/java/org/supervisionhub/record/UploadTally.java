package org.supervisionhub.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.supervisionhub.common.FieldError;

/** Adds up the verdicts of an upload, batch by batch, keeping at most a bounded number of issues. */
final class UploadTally {

    private final int maxIssues;
    private final boolean perRecordResults;
    private final int[] outcomes = new int[RecordOutcome.values().length];
    private final Map<String, Integer> errorCounts = new TreeMap<>();
    private final List<UploadResult.RecordIssue> issues = new ArrayList<>();
    private final List<UploadResult.RecordResult> results = new ArrayList<>();
    private int received;
    private int warned;
    private boolean truncated;

    UploadTally(int maxIssues, boolean perRecordResults) {
        this.maxIssues = maxIssues;
        this.perRecordResults = perRecordResults;
    }

    void add(List<WrittenRecord> batch) {
        for (WrittenRecord written : batch) {
            received++;
            outcomes[written.outcome().ordinal()]++;
            RecordCheck check = written.check();
            if (!check.warnings().isEmpty() && written.outcome() != RecordOutcome.REJECTED) {
                warned++;
            }
            for (String code : errorCodes(check.errors())) {
                errorCounts.merge(code, 1, Integer::sum);
            }
            if (!check.errors().isEmpty() || !check.warnings().isEmpty()) {
                if (issues.size() < maxIssues) {
                    issues.add(issue(written));
                } else {
                    truncated = true;
                }
            }
            if (perRecordResults) {
                results.add(new UploadResult.RecordResult(
                        check.index(), check.sourceRecordId(), written.outcome(), written.id(), written.version()));
            }
        }
    }

    int rejected() {
        return outcomes[RecordOutcome.REJECTED.ordinal()];
    }

    int received() {
        return received;
    }

    List<UploadResult.RecordIssue> issues() {
        return issues;
    }

    UploadResult result() {
        return new UploadResult(
                received,
                count(RecordOutcome.CREATED),
                count(RecordOutcome.UPDATED),
                count(RecordOutcome.UNCHANGED),
                count(RecordOutcome.DELETED),
                count(RecordOutcome.REJECTED),
                warned,
                java.util.Collections.unmodifiableMap(new TreeMap<>(errorCounts)),
                List.copyOf(issues),
                truncated,
                perRecordResults ? List.copyOf(results) : null);
    }

    static UploadResult.RecordIssue issue(WrittenRecord written) {
        RecordCheck check = written.check();
        return new UploadResult.RecordIssue(
                check.index(),
                check.line(),
                check.sourceRecordId(),
                written.outcome(),
                check.errors().isEmpty() ? null : check.errors(),
                check.warnings().isEmpty() ? null : check.warnings());
    }

    static TreeSet<String> errorCodes(List<FieldError> errors) {
        TreeSet<String> codes = new TreeSet<>();
        errors.forEach(error -> codes.add(error.code()));
        return codes;
    }

    private int count(RecordOutcome outcome) {
        return outcomes[outcome.ordinal()];
    }
}
