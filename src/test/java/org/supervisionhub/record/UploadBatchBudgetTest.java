package org.supervisionhub.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.HubException;

/**
 * A batch is held in memory as JSON trees, many times the size of its text, so batches are budgeted in bytes as well
 * as in records, and a JSON array upload becomes trees one batch at a time.
 */
@QuarkusTest
class UploadBatchBudgetTest {

    @Inject
    RecordUploads uploads;

    @Inject
    UploadLimits limits;

    @Inject
    ObjectMapper mapper;

    private static Iterator<RawRecord> records(int count, long bytesEach) {
        return IntStream.range(0, count)
                .mapToObj(i -> new RawRecord(i, i + 1, null, null, (int) bytesEach))
                .iterator();
    }

    @Test
    void smallRecordsFillABatchUpToItsRecordCount() {
        List<RawRecord> batch = uploads.nextBatch(records(limits.batchSize() + 5, 100));

        assertThat(batch).hasSize(limits.batchSize());
    }

    @Test
    void largeRecordsEndTheBatchOnceItsByteBudgetIsReached() {
        Iterator<RawRecord> source = records(10, limits.maxBatchBytes() / 2 + 1);

        assertThat(uploads.nextBatch(source)).hasSize(2);
        assertThat(uploads.nextBatch(source)).hasSize(2);
    }

    @Test
    void aRecordLargerThanTheWholeBudgetStillMakesABatchOfItsOwn() {
        Iterator<RawRecord> source = records(3, limits.maxBatchBytes() * 2);

        assertThat(uploads.nextBatch(source)).hasSize(1);
        assertThat(uploads.nextBatch(source)).hasSize(1);
    }

    @Test
    void aJsonArrayUploadIsCheckedWholeButBecomesTreesOnlyAsItsRecordsAreTaken() {
        String body = "[{\"kind\":\"INSPECTION\"}, {\"kind\":\"PENALTY\",\"x\":[1,2,{\"y\":\"z\"}]}]";

        UploadSource.JsonArray array =
                UploadSource.jsonArray(mapper, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), limits);

        assertThat(array).hasSize(2);
        assertThat(array.get(1).node().get("kind").asText()).isEqualTo("PENALTY");
        assertThat(array.get(1).bytes()).isEqualTo("{\"kind\":\"PENALTY\",\"x\":[1,2,{\"y\":\"z\"}]}".length());
        assertThat(array.texts(0, 2))
                .containsExactly("{\"kind\":\"INSPECTION\"}", "{\"kind\":\"PENALTY\",\"x\":[1,2,{\"y\":\"z\"}]}");
    }

    @Test
    void aJsonArrayBrokenAfterItsFirstRecordsIsStillRefusedWhole() {
        String body = "[{\"kind\":\"INSPECTION\"}, {\"kind\":\"PENALTY\"";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UploadSource.jsonArray(
                        mapper, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), limits))
                .isInstanceOf(HubException.class)
                .extracting(e -> ((HubException) e).code())
                .isEqualTo("MALFORMED_JSON");
    }

    @Test
    void aJsonArrayInUtf16IsRefusedAsNotUtf8() {
        byte[] body = "[{\"kind\":\"INSPECTION\"}]".getBytes(StandardCharsets.UTF_16BE);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> UploadSource.jsonArray(mapper, new ByteArrayInputStream(body), limits))
                .isInstanceOf(HubException.class)
                .extracting(e -> ((HubException) e).code())
                .isEqualTo("MALFORMED_JSON");
    }
}
