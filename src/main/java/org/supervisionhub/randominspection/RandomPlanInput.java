package org.supervisionhub.randominspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A 双随机 sampling plan with its drawn tasks, in the hub's canonical shape (what the platform's adapter maps onto). */
public record RandomPlanInput(
        String planId,
        String name,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal samplingRatio,
        List<String> itemCodes,
        List<Task> tasks) {

    /** One drawn check: which subject, by when, by whom. */
    public record Task(
            String taskId, String subjectCreditCode, String subjectName, LocalDate dueDate, List<Officer> officers) {}

    public record Officer(String name, String issuer, String certNo) {}
}
