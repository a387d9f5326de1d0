package org.supervisionhub.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.code.IdNumbers;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** Inbound data that feeds the certificate registry and the subject library, through their own endpoints' rules. */
@QuarkusTest
class AdapterTargetsTest {

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    private static String idNumber(long n) {
        String first17 = "45010319900101" + String.format("%03d", n % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static Map<String, Object> certificate(String certNo, String department, String idNumber) {
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("fzjgdm", "GXZF");
        certificate.put("zjhm", certNo);
        certificate.put("xm", "陈六");
        certificate.put("sfzh", idNumber);
        certificate.put("szbm", department);
        certificate.put("zjlx", "1");
        certificate.put("yxqq", "20250101");
        certificate.put("yxqz", "20281231");
        certificate.put("zfml", List.of("市场监管"));
        certificate.put("zt", "1");
        return certificate;
    }

    @Test
    void enforcementPlatformCertificatesLandInTheRegistryOnceAndBadOnesAreExplained() {
        RecordFixture.Department department = fixture.department();
        String token = Tokens.withRoles("system-zfjd", List.of("system"), department.code(), "450100");
        long n = System.nanoTime();
        String certNo = "ZF" + String.format("%010d", n % 10_000_000_000L);
        Map<String, Object> good = certificate(certNo, department.code(), idNumber(n));
        Map<String, Object> bad = certificate(certNo + "X", department.code(), "450103199001010010");

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("data", List.of(good, bad)))
                .post("/api/v1/adapters/zfjd/inbound/certificates")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("issues[0].index", equalTo(1))
                .body("issues[0].errors[0].field", equalTo("credential.holder.idNumber"));

        assertThat(db.single("select status from certificate where issuer = 'GXZF' and cert_no = ?", certNo))
                .isEqualTo("VALID");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("data", List.of(good)))
                .post("/api/v1/adapters/zfjd/inbound/certificates")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(1));
    }

    @Test
    void creditPlatformRatingsUpdateTheSubjectLibrary() {
        String creditCode = CreditCodeGenerator.enterprise("450100");
        db.update(
                "insert into subject (credit_code, subject_type, name, region_code) values (?, 'ENTERPRISE', '信用测试公司', '450100')",
                creditCode);
        String token = Tokens.withRoles("system-credit", List.of("system"), "GX_SCJGJ", "450000");

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "total",
                        1,
                        "list",
                        List.of(Map.of("tyshxydm", creditCode, "xydj", "C", "jyyc", "1", "yzwfsx", "0"))))
                .post("/api/v1/adapters/credit/inbound/credit-ratings")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1));

        assertThat(db.rows(
                        "select credit_level, abnormal_listed, serious_illegal_listed from subject where credit_code = ?",
                        creditCode))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("credit_level", "C")
                        .containsEntry("abnormal_listed", true)
                        .containsEntry("serious_illegal_listed", false));
    }

    @Test
    void aMappedValueTheTargetCannotHoldIsExplainedByFieldWithoutJavaInternals() {
        String creditCode = CreditCodeGenerator.enterprise("450100");
        String token = Tokens.withRoles("system-credit", List.of("system"), "GX_SCJGJ", "450000");

        String body = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("list", List.of(Map.of("tyshxydm", creditCode, "xydj", Map.of("level", "C")))))
                .post("/api/v1/adapters/credit/inbound/credit-ratings")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors[0].code", equalTo("INVALID_VALUE"))
                .body("issues[0].errors[0].field", equalTo("subject.creditLevel"))
                .body("issues[0].errors[0].message", equalTo("the value cannot be held by this field"))
                .extract()
                .asString();

        assertThat(body)
                .doesNotContain("java.")
                .doesNotContain("Cannot deserialize")
                .doesNotContain("com.fasterxml");
        assertThat(db.count("select count(*) from subject where credit_code = ?", creditCode))
                .isZero();
    }
}
