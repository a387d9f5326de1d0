package org.supervisionhub.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supervisionhub.support.Db;

/**
 * 系统补录: a department without any system enters its records by hand, one at a time, through the standard records
 * endpoint, with the same validation, naming their source {@code manual:<its department code>}.
 */
@QuarkusTest
class ManualEntryTest {

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    private Map<String, Object> record(RecordKind kind, RecordFixture.Department department) {
        Map<RecordKind, BiFunction<RecordFixture, RecordFixture.Department, Map<String, Object>>> builders = Map.of(
                RecordKind.INSPECTION, RecordFixture::inspection,
                RecordKind.PENALTY, RecordFixture::penalty,
                RecordKind.ENFORCEMENT, RecordFixture::enforcement,
                RecordKind.OTHER, RecordFixture::other,
                RecordKind.COMPLAINT, RecordFixture::complaint);
        return builders.get(kind).apply(fixture, department);
    }

    @ParameterizedTest
    @EnumSource(RecordKind.class)
    void everyKindIsEnteredOneRecordAtATimeAsTheDepartmentsManualSource(RecordKind kind) {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record =
                RecordFixture.with(record(kind, department), "sourceSystem", "manual:" + department.code());

        given().auth()
                .oauth2(department.adminToken())
                .contentType(ContentType.JSON)
                .body(List.of(record))
                .post("/api/v1/records")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(0));

        assertThat(db.rows(
                        "select kind, source_system from behaviour_record where department_code = ? and source_record_id = ?",
                        department.code(),
                        record.get("sourceRecordId")))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("kind", kind.name())
                        .containsEntry("source_system", "manual:" + department.code()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"manual:NN_SCJGJ", "manual:", "manual:NO_SUCH_DEPT"})
    void anotherDepartmentsManualSourceIsRefused(String source) {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record = RecordFixture.with(fixture.inspection(department), "sourceSystem", source);

        given().auth()
                .oauth2(department.adminToken())
                .contentType(ContentType.JSON)
                .body(List.of(record))
                .post("/api/v1/records")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors.field", hasItem("sourceSystem"))
                .body("issues[0].errors.code", hasItem("DEPARTMENT_OUT_OF_SCOPE"));

        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isZero();
    }
}
