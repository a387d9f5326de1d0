package org.supervisionhub.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.code.CreditCodes;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;

/** The SQL check behind 事项要素填报准确率 (V17 gb32100_valid) agrees with the hub's own credit code check. */
@QuarkusTest
class CreditCodeCheckInSqlTest {

    @Inject
    Db db;

    @Test
    void sqlCheckAgreesWithCreditCodesOnValidAndBrokenCodes() {
        List<String> codes = new ArrayList<>(List.of(
                "91350100M000100Y43", // the standard's own example
                "91350100M0001TGQXM", // a pilot code that fails the checksum
                "91350100M000100Y4", // 17 characters
                "91350100M000100Y43X", // 19 characters
                "9135010OM000100Y43", // a letter among the region digits
                "91350100m000100Y43", // lower case
                "91350100M000100I43", // I is not in the alphabet
                ""));
        for (String region : List.of("450100", "451100", "440300", "110105")) {
            String valid = CreditCodeGenerator.enterprise(region);
            codes.add(valid);
            for (char other : "0AXY".toCharArray()) {
                if (other != valid.charAt(17)) {
                    codes.add(valid.substring(0, 17) + other);
                }
            }
        }
        for (String code : codes) {
            assertThat((Boolean) db.single("select coalesce(gb32100_valid(?), false)", code))
                    .as(code)
                    .isEqualTo(CreditCodes.isValid(code));
        }
        assertThat(codes.stream().filter(CreditCodes::isValid)).hasSizeGreaterThan(4);
    }
}
