package org.supervisionhub.officer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.item.ItemType;

/**
 * The one rule for an enforcement team (执法人员): which certificates qualify for an act on an item on a date, and how
 * many distinct qualified officers the act needs. The credential check ({@code /api/v1/credentials/check}) and record
 * uploads both decide through it, so they cannot disagree.
 */
public final class EnforcementTeam {

    private EnforcementTeam() {}

    /** What the rule needs to know of a certificate. */
    public record Qualification(
            long officerId, CertificateStatus status, LocalDate validFrom, LocalDate validTo, Set<String> categories) {

        static Qualification of(Certificate certificate) {
            return new Qualification(
                    certificate.officerId,
                    certificate.status,
                    certificate.validFrom,
                    certificate.validTo,
                    Set.copyOf(certificate.categories));
        }
    }

    /**
     * The verdict on a team: the problems of each member's certificate (in the order given; empty when it
     * qualifies) and the team's own problems (too few distinct qualified officers).
     */
    public record Verdict(
            int requiredOfficers, int validOfficers, List<List<ErrorCode>> members, List<ErrorCode> teamProblems) {

        /** The team may act as named: enough distinct qualified officers, and no one named without qualification. */
        public boolean allowed() {
            return teamProblems.isEmpty() && members.stream().allMatch(List::isEmpty);
        }
    }

    /**
     * Inspections, penalties and enforcement measures need at least two officers (行政处罚法 第四十二条,
     * 行政强制法 第十八条, inspection rules); other acts one; no act (a complaint) none.
     */
    public static int requiredOfficers(ItemType act) {
        if (act == null) {
            return 0;
        }
        return act == ItemType.OTHER ? 1 : 2;
    }

    /**
     * Why a certificate does not qualify for an act on an item of the sector on the date; empty when it does. A null
     * certificate was not found. Recorded status first, then validity dates, then the enforcement category (执法门类);
     * without a date the validity is not checked, without a sector the category is not.
     */
    public static List<ErrorCode> problems(Qualification certificate, String sectorCode, LocalDate date) {
        if (certificate == null) {
            return List.of(ErrorCode.CERTIFICATE_NOT_FOUND);
        }
        List<ErrorCode> problems = new ArrayList<>();
        if (certificate.status() == CertificateStatus.REVOKED) {
            problems.add(ErrorCode.CERTIFICATE_REVOKED);
        } else if (certificate.status() == CertificateStatus.SUSPENDED) {
            problems.add(ErrorCode.CERTIFICATE_SUSPENDED);
        }
        if (date != null && date.isAfter(certificate.validTo())) {
            problems.add(ErrorCode.CERTIFICATE_EXPIRED);
        } else if (date != null && date.isBefore(certificate.validFrom())) {
            problems.add(ErrorCode.CERTIFICATE_NOT_YET_VALID);
        }
        if (sectorCode != null && !certificate.categories().contains(sectorCode)) {
            problems.add(ErrorCode.CERTIFICATE_CATEGORY_NOT_COVERED);
        }
        return List.copyOf(problems);
    }

    /**
     * Judges a team (null members: certificates not found) for an act of the type on an item of the sector on the
     * date. The same officer named twice counts once.
     */
    public static Verdict judge(ItemType act, String sectorCode, LocalDate date, List<Qualification> team) {
        List<List<ErrorCode>> members = new ArrayList<>();
        Set<Long> validOfficers = new HashSet<>();
        for (Qualification member : team) {
            List<ErrorCode> problems = problems(member, sectorCode, date);
            if (problems.isEmpty()) {
                validOfficers.add(member.officerId());
            }
            members.add(problems);
        }
        int required = requiredOfficers(act);
        List<ErrorCode> teamProblems =
                validOfficers.size() >= required ? List.of() : List.of(ErrorCode.TOO_FEW_OFFICERS);
        return new Verdict(required, validOfficers.size(), List.copyOf(members), teamProblems);
    }
}
