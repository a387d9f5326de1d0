package org.supervisionhub.nationalcase;

import java.time.Duration;

/** What the national platform sends down for a department to handle, and the path it is listed under. */
public enum CaseKind {
    /** 投诉举报. */
    COMPLAINT("complaints"),
    /** 风险预警线索. */
    RISK_CLUE("risk-clues"),
    /** 联合监管任务. */
    TASK("tasks");

    private final String collection;

    CaseKind(String collection) {
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }

    public static CaseKind ofCollection(String collection) {
        for (CaseKind kind : values()) {
            if (kind.collection.equals(collection)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no case kind " + collection);
    }

    /**
     * Time to handle, unless the message sets a deadline: complaints 7 days (12345 practice), risk clues by level
     * (P0 one day, P1 three, P2 seven, P3 fifteen), tasks 30 days.
     */
    Duration defaultTimeToHandle(String riskLevel) {
        return switch (this) {
            case COMPLAINT -> Duration.ofDays(7);
            case TASK -> Duration.ofDays(30);
            case RISK_CLUE ->
                switch (riskLevel == null ? "P3" : riskLevel) {
                    case "P0" -> Duration.ofDays(1);
                    case "P1" -> Duration.ofDays(3);
                    case "P2" -> Duration.ofDays(7);
                    default -> Duration.ofDays(15);
                };
        };
    }
}
