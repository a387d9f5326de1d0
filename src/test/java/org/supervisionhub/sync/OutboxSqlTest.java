package org.supervisionhub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.events.EventType;

/** The SQL shape set-based writers take from the outbox keeps their rows to the catalog. */
class OutboxSqlTest {

    private static final Map<String, String> DELETED = Map.of(
            "recordId",
            "id",
            "version",
            "version",
            "operation",
            "'DELETE'",
            "kind",
            "kind",
            "departmentCode",
            "department_code",
            "sourceSystem",
            "source_system",
            "sourceRecordId",
            "source_record_id");

    @Test
    void payloadObjectHasExactlyTheRecordsFieldsInTheirOrder() {
        assertThat(Outbox.payloadObject(EventType.RECORD_DELETED, DELETED))
                .isEqualTo("jsonb_build_object('recordId', id, "
                        + "'version', version, 'operation', 'DELETE', 'kind', kind, 'departmentCode', department_code, "
                        + "'sourceSystem', source_system, 'sourceRecordId', source_record_id)");
    }

    @Test
    void aMissingOrForeignFieldIsRefused() {
        Map<String, String> missing = new java.util.HashMap<>(DELETED);
        missing.remove("version");
        Map<String, String> foreign = new java.util.HashMap<>(DELETED);
        foreign.put("colour", "'red'");

        assertThatThrownBy(() -> Outbox.payloadObject(EventType.RECORD_DELETED, missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> Outbox.payloadObject(EventType.RECORD_DELETED, foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour");
    }

    @Test
    void insertSelectWritesTheOutboxColumnsAndKnowsOnlyCatalogAggregates() {
        assertThat(Outbox.insertSelect(
                        "$4",
                        "record",
                        "id::text",
                        Outbox.typeLiteral(EventType.RECORD_DELETED),
                        "p",
                        "written order by id"))
                .isEqualTo("""
                insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)
                select $4, 'record', id::text, 'record.deleted',
                       p
                from written order by id""");
        assertThatThrownBy(() -> Outbox.insertSelect("$1", "thing", "id", "'thing.created'", "p", "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
