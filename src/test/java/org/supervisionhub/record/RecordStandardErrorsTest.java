package org.supervisionhub.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.FieldError;

/**
 * RecordValidator.standardErrors, the offline part of the validation the docking kit applies: the data standard's
 * rules without reference data, never the checks that need the catalog, the claims or the caller.
 */
class RecordStandardErrorsTest {

    private static final ObjectMapper WIRE =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private static ObjectNode complaint() throws IOException {
        JsonNode records = WIRE.readTree(Path.of("adapters", "hotline-12345", "samples", "complaints.canonical.json")
                .toFile());
        return (ObjectNode) records.get(0).deepCopy();
    }

    @Test
    void aValidRecordHasNone() throws IOException {
        assertThat(RecordValidator.standardErrors(WIRE, complaint())).isEmpty();
    }

    @Test
    void checkCharactersAndRequiredFieldsAreReportedByField() throws IOException {
        ObjectNode record = complaint();
        ((ObjectNode) record.get("subject")).put("creditCode", "91450103MA5K000000");
        record.remove("regionCode");

        assertThat(RecordValidator.standardErrors(WIRE, record))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("subject.creditCode", "CREDIT_CODE_INVALID"),
                        org.assertj.core.groups.Tuple.tuple("regionCode", "REQUIRED"));
    }

    @Test
    void anUnknownFieldIsTheRecordsOneError() throws IOException {
        ObjectNode record = complaint();
        record.put("colour", "red");

        assertThat(RecordValidator.standardErrors(WIRE, record)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("colour");
            assertThat(error.code()).isEqualTo("UNKNOWN_FIELD");
        });
    }

    @Test
    void checksThatNeedReferenceDataAreLeftToTheHub() throws IOException {
        ObjectNode record = complaint();
        record.put("itemCode", "45001000100001");
        record.put("sourceSystem", "manual:SOMEONE_ELSE");

        assertThat(RecordValidator.standardErrors(WIRE, record))
                .extracting(FieldError::code)
                .doesNotContain("ITEM_NOT_CLAIMED", "ITEM_NOT_FOUND", "DEPARTMENT_OUT_OF_SCOPE")
                .isEmpty();
    }
}
