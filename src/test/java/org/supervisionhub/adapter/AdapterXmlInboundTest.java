package org.supervisionhub.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * XML payloads through the inbound endpoint: the national joint-supervision task envelope (adapters/joint-supervision)
 * becomes behaviour records through the standard validation, and hostile or mismatched bodies are refused as
 * problem+json with a stable code, never a 500.
 */
@QuarkusTest
class AdapterXmlInboundTest {

    private static final String SYSTEM = "joint-supervision";
    private static final String PATH = "/api/v1/adapters/{system}/inbound/{kind}";

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    private static String token(RecordFixture.Department department) {
        return Tokens.withRoles(
                "system-joint-supervision", List.of("system"), department.code(), department.regionCode());
    }

    /** The envelope with one inspection block of the department, officers given as two comma-separated strings. */
    private static String envelope(RecordFixture.Department department, String number, String names, String certs) {
        String reported = LocalDateTime.now(RecordFixture.ZONE)
                .minusMinutes(5)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <superviseData version="1.0">
                  <taskInfo>
                    <taskNo>LHJG-TEST-0001</taskNo>
                    <taskName>跨部门联合检查</taskName>
                    <status>反馈</status>
                    <supervisionMatterCode>%s</supervisionMatterCode>
                  </taskInfo>
                  <superviseObjects><superviseObject id="1"><objectName>南宁某某餐饮有限公司</objectName></superviseObject></superviseObjects>
                  <supervisionProcess>
                    <taskDetails unitNo="%s">
                      <feedbackTime>%s</feedbackTime>
                      <admInspection objectId="1">
                        <checkActionCode>%s</checkActionCode>
                        <implementListCode>%s</implementListCode>
                        <implementInstitution>测试局</implementInstitution>
                        <implementInstitutionCode>统一社会信用代码：%s</implementInstitutionCode>
                        <administrativeCp>南宁某某餐饮有限公司</administrativeCp>
                        <administrativeCpNature>2</administrativeCpNature>
                        <administrativeCpCode>%s</administrativeCpCode>
                        <areaNumber>%s</areaNumber>
                        <checkType>1</checkType>
                        <checkMode>1</checkMode>
                        <checkMethod>实地核查</checkMethod>
                        <checkDate>%s</checkDate>
                        <checkPersonnel issuer="GX_REC">%s</checkPersonnel>
                        <checkPersonnelCode>%s</checkPersonnelCode>
                        <checkResult>A</checkResult>
                        <checkResultDesc> 未发现问题 </checkResultDesc>
                      </admInspection>
                    </taskDetails>
                  </supervisionProcess>
                </superviseData>
                """.formatted(
                        department.inspectionItem(),
                        department.code(),
                        reported,
                        number,
                        department.creditCode() + "3" + department.inspectionItem(),
                        department.creditCode(),
                        CreditCodeGenerator.enterprise("450100"),
                        department.regionCode(),
                        RecordFixture.TODAY.minusDays(1).toString().replace("-", ""),
                        names,
                        certs);
    }

    private static Response send(String token, String kind, String contentType, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post(PATH, SYSTEM, kind);
    }

    @Test
    void jointSupervisionEnvelopeBecomesAnInspectionRecordWithZippedOfficers() {
        RecordFixture.Department department = fixture.department();
        String number = "LHJG-" + System.nanoTime();

        send(
                        token(department),
                        "inspections",
                        "application/xml",
                        envelope(department, number, "甲,乙", department.officerA() + "," + department.officerB()))
                .then()
                .statusCode(200)
                .body("received", equalTo(1))
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(0));

        assertThat(db.rows(
                        "select body->'inspection'->>'resultCode' as code, body->'officers'->1->>'certNo' as cert, "
                                + "body->'implementingBody'->>'creditCode' as body "
                                + "from behaviour_record where source_system = ? and source_record_id = ?",
                        SYSTEM,
                        number))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row).containsEntry("code", "A");
                    assertThat(row).containsEntry("cert", department.officerB());
                    assertThat(row).containsEntry("body", department.creditCode());
                });
    }

    @Test
    void textXmlIsAcceptedToo() {
        RecordFixture.Department department = fixture.department();

        send(
                        token(department),
                        "inspections",
                        "text/xml; charset=UTF-8",
                        envelope(
                                department,
                                "LHJG-" + System.nanoTime(),
                                "甲,乙",
                                department.officerA() + "," + department.officerB()))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
    }

    @Test
    void anOfficerWithAnEmptyCertificateSlotIsRejectedByTheStandardValidation() {
        RecordFixture.Department department = fixture.department();
        String number = "LHJG-" + System.nanoTime();

        send(
                        token(department),
                        "inspections",
                        "application/xml",
                        envelope(department, number, "甲,乙", "," + department.officerB()))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body("rejected", equalTo(1));

        assertThat(db.count(
                        "select count(*) from behaviour_record where source_system = ? and source_record_id = ?",
                        SYSTEM,
                        number))
                .isZero();
    }

    @Test
    void aSplitOfAMillionPiecesRejectsThatRecordWithMappingFailed() {
        RecordFixture.Department department = fixture.department();

        send(
                        token(department),
                        "inspections",
                        "application/xml",
                        envelope(department, "LHJG-" + System.nanoTime(), ",".repeat(1_000_000), "x"))
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors[0].field", equalTo("officers.name"))
                .body("issues[0].errors[0].code", equalTo("MAPPING_FAILED"));
    }

    @Test
    void jsonForAnXmlKindIsRefusedWith415() {
        send(token(fixture.department()), "inspections", "application/json", "{\"taskInfo\": {}}")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("detail", containsString("application/xml"));
    }

    @Test
    void xmlForAJsonKindIsRefusedWith415() {
        RecordFixture.Department department = fixture.department();

        given().auth()
                .oauth2(Tokens.withRoles("system-ssj", List.of("system"), department.code(), department.regionCode()))
                .contentType("application/xml")
                .body("<jcjgList/>")
                .post(PATH, "ssj", "inspection-results")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void billionLaughsIsRefusedAtItsDtd() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                xml.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            xml.append("\">\n");
        }
        xml.append("]>\n<lolz>&lol9;</lolz>");

        send(token(fixture.department()), "inspections", "application/xml", xml.toString())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("XML_DTD_FORBIDDEN"));
    }

    @Test
    void anExternalEntityIsNeverFetched() {
        send(
                        token(fixture.department()),
                        "inspections",
                        "application/xml",
                        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><r>&xxe;</r>")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("XML_DTD_FORBIDDEN"))
                .body("detail", org.hamcrest.Matchers.not(containsString("root:")));
    }

    @Test
    void deeplyNestedXmlIsRefused() {
        send(
                        token(fixture.department()),
                        "inspections",
                        "application/xml",
                        "<a>".repeat(10_000) + "</a>".repeat(10_000))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("NESTING_TOO_DEEP"));
    }

    @Test
    void malformedXmlIsRefused() {
        send(token(fixture.department()), "inspections", "application/xml", "<superviseData><taskInfo></superviseData>")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_XML"));
    }

    @Test
    void anotherSystemsTokenCannotSendTheEnvelope() {
        RecordFixture.Department department = fixture.department();

        given().auth()
                .oauth2(Tokens.withRoles("system-ssj", List.of("system"), department.code(), department.regionCode()))
                .contentType("application/xml")
                .body(envelope(department, "LHJG-" + System.nanoTime(), "甲,乙", "a,b"))
                .post(PATH, SYSTEM, "inspections")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("ADAPTER_CLIENT_MISMATCH"));
    }

    @Test
    void aNonSystemRoleIsForbidden() {
        RecordFixture.Department department = fixture.department();

        send(department.adminToken(), "inspections", "application/xml", "<r/>")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }
}
