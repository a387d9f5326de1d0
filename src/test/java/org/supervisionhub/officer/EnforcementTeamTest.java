package org.supervisionhub.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.common.ErrorCode.CERTIFICATE_CATEGORY_NOT_COVERED;
import static org.supervisionhub.common.ErrorCode.CERTIFICATE_EXPIRED;
import static org.supervisionhub.common.ErrorCode.CERTIFICATE_NOT_FOUND;
import static org.supervisionhub.common.ErrorCode.CERTIFICATE_NOT_YET_VALID;
import static org.supervisionhub.common.ErrorCode.CERTIFICATE_REVOKED;
import static org.supervisionhub.common.ErrorCode.TOO_FEW_OFFICERS;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.supervisionhub.item.ItemType;

/** The team rule on its own: what qualifies a certificate, and how many officers an act needs. */
class EnforcementTeamTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    private static EnforcementTeam.Qualification valid(long officer) {
        return new EnforcementTeam.Qualification(
                officer, CertificateStatus.VALID, DAY.minusYears(1), DAY.plusYears(1), Set.of("SAMR"));
    }

    @Test
    void inspectionsPenaltiesAndEnforcementNeedTwoOfficersOtherActsOneComplaintsNone() {
        assertThat(EnforcementTeam.requiredOfficers(ItemType.INSPECTION)).isEqualTo(2);
        assertThat(EnforcementTeam.requiredOfficers(ItemType.PENALTY)).isEqualTo(2);
        assertThat(EnforcementTeam.requiredOfficers(ItemType.ENFORCEMENT)).isEqualTo(2);
        assertThat(EnforcementTeam.requiredOfficers(ItemType.OTHER)).isEqualTo(1);
        assertThat(EnforcementTeam.requiredOfficers(null)).isZero();
    }

    @Test
    void twoDistinctQualifiedOfficersMayInspect() {
        EnforcementTeam.Verdict verdict =
                EnforcementTeam.judge(ItemType.INSPECTION, "SAMR", DAY, List.of(valid(1), valid(2)));

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.validOfficers()).isEqualTo(2);
        assertThat(verdict.members())
                .allSatisfy(problems -> assertThat(problems).isEmpty());
    }

    @Test
    void theSameOfficerTwiceCountsOnce() {
        EnforcementTeam.Verdict verdict =
                EnforcementTeam.judge(ItemType.PENALTY, "SAMR", DAY, List.of(valid(1), valid(1)));

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.teamProblems()).containsExactly(TOO_FEW_OFFICERS);
    }

    @Test
    void everyProblemOfACertificateIsListedStatusThenDatesThenCategory() {
        EnforcementTeam.Qualification revokedAndExpired = new EnforcementTeam.Qualification(
                3, CertificateStatus.REVOKED, DAY.minusYears(3), DAY.minusDays(1), Set.of("MEE"));

        assertThat(EnforcementTeam.problems(revokedAndExpired, "SAMR", DAY))
                .containsExactly(CERTIFICATE_REVOKED, CERTIFICATE_EXPIRED, CERTIFICATE_CATEGORY_NOT_COVERED);
        assertThat(EnforcementTeam.problems(null, "SAMR", DAY)).containsExactly(CERTIFICATE_NOT_FOUND);
        assertThat(EnforcementTeam.problems(valid(4), "SAMR", DAY.minusYears(2)))
                .containsExactly(CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void anUnqualifiedOfficerKeepsAnOtherwiseLargeEnoughTeamFromActing() {
        EnforcementTeam.Verdict verdict =
                EnforcementTeam.judge(ItemType.OTHER, "SAMR", DAY, Arrays.asList(valid(1), null));

        assertThat(verdict.teamProblems()).isEmpty();
        assertThat(verdict.members().get(1)).containsExactly(CERTIFICATE_NOT_FOUND);
        assertThat(verdict.allowed()).isFalse();
    }

    @Test
    void withoutADateOrASectorTheirChecksAreLeftToTheCaller() {
        EnforcementTeam.Qualification outdatedElsewhere = new EnforcementTeam.Qualification(
                5, CertificateStatus.VALID, DAY.minusYears(3), DAY.minusYears(2), Set.of("MEE"));

        assertThat(EnforcementTeam.problems(outdatedElsewhere, null, null)).isEmpty();
    }
}
