package org.supervisionhub.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.record.RecordFixture.TODAY;
import static org.supervisionhub.record.RecordFixture.list;
import static org.supervisionhub.record.RecordFixture.upload;
import static org.supervisionhub.record.RecordFixture.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;

/**
 * The credential check and record uploads judge an enforcement team by the same rule: each team below is sent to
 * {@code /api/v1/credentials/check} and, as the officers of a record of the same act, to {@code /api/v1/records};
 * the verdict and the codes (per certificate and for the team) must be the same.
 */
@QuarkusTest
class EnforcementTeamAgreementTest {

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    @Test
    void credentialCheckAndRecordUploadGiveTheSameVerdictAndCodes() {
        RecordFixture.Department d = fixture.department();
        String expired = fixture.certificate(d.code(), "VALID", TODAY.minusYears(3), TODAY.minusDays(2));
        String revoked = fixture.certificate(d.code(), "REVOKED", TODAY.minusYears(1), TODAY.plusYears(1));
        String suspended = fixture.certificate(d.code(), "SUSPENDED", TODAY.minusYears(1), TODAY.plusYears(1));
        String notYetValid = fixture.certificate(d.code(), "VALID", TODAY, TODAY.plusYears(1));
        String otherCategory = fixture.certificate(d.code(), "VALID", TODAY.minusYears(1), TODAY.plusYears(1));
        db.update(
                "update certificate_category set category_code = 'MEE' where certificate_id = "
                        + "(select id from certificate where issuer = ? and cert_no = ?)",
                RecordFixture.ISSUER,
                otherCategory);

        List<List<String>> teams = List.of(
                List.of(d.officerA(), d.officerB()),
                List.of(d.officerA(), d.officerA()),
                List.of(d.officerA(), expired),
                List.of(d.officerA(), revoked, suspended),
                List.of(d.officerB(), notYetValid, "NOSUCHCERT01"),
                List.of(d.officerA(), otherCategory),
                List.of(otherCategory));
        int allowed = 0;
        for (List<String> team : teams) {
            for (String kind : List.of("INSPECTION", "OTHER")) {
                allowed += assertSameVerdict(d, kind, team) ? 1 : 0;
            }
        }
        assertThat(allowed).as("teams allowed (both ways)").isEqualTo(4);
    }

    /** Sends the team both ways and compares; returns whether it was allowed. */
    private boolean assertSameVerdict(RecordFixture.Department d, String kind, List<String> team) {
        Map<String, Object> record = kind.equals("INSPECTION") ? fixture.inspection(d) : fixture.other(d);
        List<Map<String, Object>> officers =
                team.stream().map(RecordFixture::officer).toList();
        record = with(record, "officers", officers);
        @SuppressWarnings("unchecked")
        Map<String, Object> detail =
                (Map<String, Object>) record.get(kind.equals("INSPECTION") ? "inspection" : "other");
        LocalDate actDate = LocalDate.parse((String) detail.get(kind.equals("INSPECTION") ? "checkDate" : "startDate"));
        String item = kind.equals("INSPECTION") ? d.inspectionItem() : d.otherItem();

        JsonPath check = check(d.systemToken(), item, actDate, team);
        JsonPath upload = upload(d.systemToken(), list(record), "")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        String what = kind + " by " + team;
        boolean checkAllows = check.getBoolean("allowed");
        boolean uploadAccepts = upload.getInt("accepted") == 1;
        assertThat(uploadAccepts)
                .as("record accepted vs check allowed: " + what)
                .isEqualTo(checkAllows);
        List<Map<String, Object>> errors = uploadAccepts ? List.of() : upload.getList("issues[0].errors");
        assertThat(codesAt(errors, "officers")).as("team codes: " + what).isEqualTo(check.getList("reasons"));
        for (int i = 0; i < team.size(); i++) {
            assertThat(codesAt(errors, "officers[" + i + "].certNo"))
                    .as("codes of certificate " + i + ": " + what)
                    .isEqualTo(check.getList("results[" + i + "].reasons"));
        }
        return checkAllows;
    }

    private static JsonPath check(String token, String item, LocalDate date, List<String> team) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "certificates",
                team.stream()
                        .map(certNo -> Map.of("issuer", RecordFixture.ISSUER, "certNo", certNo))
                        .toList());
        body.put("itemCode", item);
        body.put("date", date.toString());
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/credentials/check")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Object> codesAt(List<Map<String, Object>> errors, String field) {
        List<Object> codes = new ArrayList<>();
        for (Map<String, Object> error : errors) {
            if (field.equals(error.get("field"))) {
                codes.add(error.get("code"));
            }
        }
        return codes;
    }
}
