package org.supervisionhub.common.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    private final PersonalData data = new PersonalData("a-test-key-of-at-least-thirty-two-chars");

    @Test
    void hashIsStableAndNeverContainsTheNumber() {
        String hash = data.hashIdNumber("11010519491231002X");

        assertThat(hash)
                .hasSize(64)
                .isEqualTo(data.hashIdNumber("11010519491231002X"))
                .doesNotContain("19491231");
    }

    @Test
    void lowerCaseCheckDigitHashesLikeUpperCase() {
        assertThat(data.hashIdNumber("11010519491231002x")).isEqualTo(data.hashIdNumber("11010519491231002X"));
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        PersonalData other = new PersonalData("another-key-of-at-least-thirty-two-chars");

        assertThat(other.hashIdNumber("11010519491231002X")).isNotEqualTo(data.hashIdNumber("11010519491231002X"));
    }

    @Test
    void idNumberAndPhoneHashesAreDomainSeparated() {
        assertThat(data.hashPhone("13800138000")).isNotEqualTo(data.hashIdNumber("13800138000"));
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new PersonalData("short")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void masksKeepOnlyWhatIsNeededToRecognise() {
        assertThat(PersonalData.maskIdNumber("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(PersonalData.maskPhone("138-0013-8000")).isEqualTo("138****8000");
        assertThat(PersonalData.maskPhone("12345")).isEqualTo("*****");
    }

    @Test
    void redactedTextMasksValidIdNumbersAndMobilesButKeepsCreditCodesAndDocumentNumbers() {
        String text = "当事人11010519491231002X（手机13800138000）；统一社会信用代码914501030000000000，决定书 450103198506120000";

        assertThat(PersonalData.redactText(text))
                .isEqualTo("当事人110105********002X（手机138****8000）；统一社会信用代码914501030000000000，决定书 450103198506120000");
    }

    @Test
    void redactedTextLeavesLongerDigitRunsAlone() {
        assertThat(PersonalData.redactText("流水号 2138001380001")).isEqualTo("流水号 2138001380001");
        assertThat(PersonalData.redactText(null)).isNull();
    }
}
