package org.supervisionhub.record;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.events.EventType;
import org.supervisionhub.events.RecordCreated;
import org.supervisionhub.events.RecordDeleted;
import org.supervisionhub.events.RecordUpdated;
import org.supervisionhub.security.Caller;
import org.supervisionhub.sync.Outbox;

/**
 * Writes one batch of validated records in the caller's transaction with a few multi-row statements: the
 * department's source keys (department, source system, source record id) taken first in behaviour_record_key
 * (ON CONFLICT, so overlapping concurrent uploads can never duplicate; V25), then an upsert of the records in the
 * months they belong to, tombstones for deletes, the outbox event of every change (in the same statement), and one
 * audit entry for the batch. Keys are taken in key order so concurrent batches lock in the same order. Blocking: call
 * from a worker thread.
 */
@ApplicationScoped
public class RecordWriter {

    /** The events of the upserted rows ({@code written}): {@code record.created} or {@code record.updated}. */
    private static final String QUEUE_WRITTEN = Outbox.insertSelect(
            "$14",
            EventType.RECORD_CREATED.aggregateType(),
            "id::text",
            "case when inserted then " + Outbox.typeLiteral(EventType.RECORD_CREATED) + " else "
                    + Outbox.typeLiteral(EventType.RECORD_UPDATED) + " end",
            "case when inserted then "
                    + Outbox.payloadObject(EventType.RECORD_CREATED, written(RecordCreated.OPERATION)) + " else "
                    + Outbox.payloadObject(EventType.RECORD_UPDATED, written(RecordUpdated.OPERATION)) + " end",
            "written order by id");

    /** The events of the tombstoned rows ({@code written}): {@code record.deleted}. */
    private static final String QUEUE_DELETED = Outbox.insertSelect(
            "$4",
            EventType.RECORD_DELETED.aggregateType(),
            "id::text",
            Outbox.typeLiteral(EventType.RECORD_DELETED),
            Outbox.payloadObject(
                    EventType.RECORD_DELETED,
                    Map.of(
                            "recordId",
                            "id",
                            "version",
                            "version",
                            "operation",
                            "'" + RecordDeleted.OPERATION + "'",
                            "kind",
                            "kind",
                            "departmentCode",
                            "department_code",
                            "sourceSystem",
                            "source_system",
                            "sourceRecordId",
                            "source_record_id")),
            "written order by id");

    /**
     * Takes the keys of a round's upserts: creates the keys not seen before (handing out the records' ids) and locks
     * the existing ones ({@code DO UPDATE … WHERE false} locks without writing), in key order. Holding the key is what
     * lets {@link #UPSERT} move a record to another month with the next statement's snapshot: no other upload can
     * change or move it meanwhile, and a key another upload created just before is visible by then.
     */
    private static final String TAKE_KEYS = """
            insert into behaviour_record_key as k (department_code, source_system, source_record_id, act_date)
            select department_code, source_system, source_record_id, act_date
            from unnest($1::text[], $2::text[], $3::text[], $4::date[])
                as t(source_system, source_record_id, department_code, act_date)
            on conflict (department_code, source_system, source_record_id) do update set act_date = k.act_date
                where false""";

    /**
     * The records of a round whose keys {@link #TAKE_KEYS} holds: inserted under a new key, otherwise updated where the
     * kind is the same and the content changed or the record was deleted (moved to another month when the act date
     * changed, the key following it), with the outbox event of each change.
     */
    private static final String UPSERT = """
            with incoming as (
                select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                     $8::text[], $9::date[], $10::timestamptz[], $11::bool[], $12::text[], $13::text[])
                    as t(source_system, source_record_id, kind, department_code, item_code, region_code,
                         subject_credit_code, subject_id_hash, act_date, reported_at, disclosable, content_hash, body)),
            located as (
                select i.*, k.id, k.act_date as stored_act_date,
                       not exists (select 1 from behaviour_record r where r.id = k.id and r.act_date = k.act_date) as new
                from incoming i
                join behaviour_record_key k on k.department_code = i.department_code
                 and k.source_system = i.source_system and k.source_record_id = i.source_record_id),
            created as (
                insert into behaviour_record as r (id, source_system, source_record_id, kind, department_code,
                        item_code, region_code, subject_credit_code, subject_id_hash, act_date, reported_at,
                        disclosable, content_hash, body)
                select id, source_system, source_record_id, kind, department_code, item_code, region_code,
                       subject_credit_code, subject_id_hash, act_date, reported_at, disclosable, content_hash,
                       cast(body as jsonb)
                from located where new
                returning r.id, r.source_system, r.source_record_id, r.version, r.kind, r.department_code, r.body,
                          true as inserted, r.act_date),
            changed as (
                update behaviour_record r set
                    item_code = l.item_code, region_code = l.region_code,
                    subject_credit_code = l.subject_credit_code, subject_id_hash = l.subject_id_hash,
                    act_date = l.act_date, reported_at = l.reported_at,
                    disclosable = l.disclosable, content_hash = l.content_hash, body = cast(l.body as jsonb),
                    deleted = false, version = r.version + 1, updated_at = now()
                from located l
                where not l.new and r.id = l.id and r.act_date = l.stored_act_date
                  and r.kind = l.kind and (r.content_hash <> l.content_hash or r.deleted)
                returning r.id, r.source_system, r.source_record_id, r.version, r.kind, r.department_code, r.body,
                          false as inserted, r.act_date),
            written as (
                select * from created union all select * from changed),
            moved as (
                update behaviour_record_key k set act_date = changed.act_date
                from changed where k.id = changed.id and k.act_date <> changed.act_date),
            queued as (
            %s)
            select id, source_system, source_record_id, version, inserted from written""".formatted(QUEUE_WRITTEN);

    /** Locks the department's keys a round deletes, in key order (see {@link #TAKE_KEYS}). */
    private static final String LOCK_KEYS = """
            select k.id from behaviour_record_key k
            join unnest($1::text[], $2::text[]) as t(source_system, source_record_id)
              on k.source_system = t.source_system and k.source_record_id = t.source_record_id
            where k.department_code = $3
            order by k.source_system, k.source_record_id
            for update of k""";

    private static final String TOMBSTONE = """
            with doomed as (
                select r.id, r.act_date from behaviour_record_key k
                join unnest($1::text[], $2::text[]) as t(source_system, source_record_id)
                  on k.source_system = t.source_system and k.source_record_id = t.source_record_id
                join behaviour_record r on r.id = k.id and r.act_date = k.act_date
                where k.department_code = $3 and not r.deleted),
            written as (
                update behaviour_record r set deleted = true, version = r.version + 1, updated_at = now()
                from doomed where r.id = doomed.id and r.act_date = doomed.act_date
                returning r.id, r.source_system, r.source_record_id, r.version, r.kind, r.department_code),
            queued as (
            %s)
            select id, source_system, source_record_id, version from written""".formatted(QUEUE_DELETED);

    /** The department's records under the given source keys: found by key, read in the month the key names. */
    private static final String BY_KEYS = """
            select k.source_system, k.source_record_id, r.department_code, r.kind, r.content_hash, r.deleted, r.id,
                   r.version
            from behaviour_record_key k
            join unnest($1::text[], $2::text[]) as t(source_system, source_record_id)
              on k.source_system = t.source_system and k.source_record_id = t.source_record_id
            join behaviour_record r on r.id = k.id and r.act_date = k.act_date
            where k.department_code = $3""";

    @Inject
    AuditTrail audit;

    /** The payload of a created or updated record: the stored row and its canonical body. */
    private static Map<String, String> written(String operation) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("recordId", "id");
        fields.put("version", "version");
        fields.put("operation", "'" + operation + "'");
        fields.put("kind", "kind");
        fields.put("departmentCode", "department_code");
        fields.put("record", "body");
        return fields;
    }

    /**
     * Writes the accepted records of a batch and returns every record's verdict, in upload order. Records rejected by
     * validation pass through; a record may also be rejected here when its key belongs to a record of another kind,
     * or when a delete names no record of the department.
     */
    public List<WrittenRecord> write(
            SqlConnection connection,
            Caller caller,
            String department,
            List<RecordCheck> checks,
            String auditReference) {
        return writeAll(connection, caller, department, List.of(checks), auditReference)
                .get(0);
    }

    /**
     * Writes several batches in the caller's transaction, with one audit entry for all of them written last: the
     * audit chain's lock is taken at the end of the transaction, never held while other statements run.
     */
    public List<List<WrittenRecord>> writeAll(
            SqlConnection connection,
            Caller caller,
            String department,
            List<List<RecordCheck>> batches,
            String auditReference) {
        List<List<WrittenRecord>> written = new ArrayList<>(batches.size());
        for (List<RecordCheck> checks : batches) {
            // Identity: two records of one upload may be equal in value, never the same verdict.
            Map<RecordCheck, WrittenRecord> verdicts = new IdentityHashMap<>();
            for (RecordCheck check : checks) {
                if (!check.accepted()) {
                    verdicts.put(check, WrittenRecord.rejected(check));
                }
            }
            for (List<RecordCheck> round : rounds(checks)) {
                writeRound(connection, department, round, verdicts);
            }
            written.add(checks.stream().map(verdicts::get).toList());
        }
        recordAudit(
                connection,
                caller,
                department,
                written.stream().flatMap(List::stream).toList(),
                auditReference);
        return written;
    }

    /** Splits the accepted records into rounds in which each key occurs once, keeping each key's upload order. */
    private static List<List<RecordCheck>> rounds(List<RecordCheck> checks) {
        List<List<RecordCheck>> rounds = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (RecordCheck check : checks) {
            if (!check.accepted()) {
                continue;
            }
            int round = occurrences.merge(check.record().key(), 1, Integer::sum) - 1;
            while (rounds.size() <= round) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(check);
        }
        return rounds;
    }

    private void writeRound(
            SqlConnection connection,
            String department,
            List<RecordCheck> round,
            Map<RecordCheck, WrittenRecord> verdicts) {
        Comparator<RecordCheck> byKey = Comparator.comparing(
                        (RecordCheck c) -> c.record().sourceSystem())
                .thenComparing(c -> c.record().sourceRecordId());
        List<RecordCheck> upserts =
                round.stream().filter(c -> !c.record().isDelete()).sorted(byKey).toList();
        List<RecordCheck> deletes =
                round.stream().filter(c -> c.record().isDelete()).sorted(byKey).toList();
        Map<String, RecordCheck> pending = new LinkedHashMap<>();
        round.forEach(check -> pending.put(check.record().key(), check));
        if (!upserts.isEmpty()) {
            Tuple parameters = upsertParameters(upserts);
            // The key columns of the upsert's arrays: source system, source record id, department, act date.
            connection
                    .preparedQuery(TAKE_KEYS)
                    .execute(Tuple.of(
                            parameters.getValue(0),
                            parameters.getValue(1),
                            parameters.getValue(3),
                            parameters.getValue(8)))
                    .await()
                    .indefinitely();
            for (Row row :
                    connection.preparedQuery(UPSERT).execute(parameters).await().indefinitely()) {
                RecordCheck check = pending.remove(key(row));
                verdicts.put(
                        check,
                        new WrittenRecord(
                                check,
                                row.getBoolean("inserted") ? RecordOutcome.CREATED : RecordOutcome.UPDATED,
                                row.getLong("id"),
                                row.getInteger("version")));
            }
        }
        if (!deletes.isEmpty()) {
            Tuple parameters = Tuple.of(
                    deletes.stream().map(c -> c.record().sourceSystem()).toArray(String[]::new),
                    deletes.stream().map(c -> c.record().sourceRecordId()).toArray(String[]::new),
                    department,
                    Outbox.NATIONAL);
            connection
                    .preparedQuery(LOCK_KEYS)
                    .execute(Tuple.of(parameters.getValue(0), parameters.getValue(1), department))
                    .await()
                    .indefinitely();
            for (Row row : connection
                    .preparedQuery(TOMBSTONE)
                    .execute(parameters)
                    .await()
                    .indefinitely()) {
                RecordCheck check = pending.remove(key(row));
                verdicts.put(
                        check,
                        new WrittenRecord(check, RecordOutcome.DELETED, row.getLong("id"), row.getInteger("version")));
            }
        }
        if (!pending.isEmpty()) {
            classifyUnwritten(connection, department, pending, verdicts);
        }
    }

    /**
     * Records the statements left alone: identical re-sends, a record that would change its kind, deletes of
     * nothing. Keys are the department's own: another department's record with the same source key is another
     * record, never looked at here (so no upload can learn that it exists).
     */
    private static void classifyUnwritten(
            SqlConnection connection,
            String department,
            Map<String, RecordCheck> pending,
            Map<RecordCheck, WrittenRecord> verdicts) {
        List<RecordCheck> left = List.copyOf(pending.values());
        Tuple parameters = Tuple.of(
                left.stream().map(c -> c.record().sourceSystem()).toArray(String[]::new),
                left.stream().map(c -> c.record().sourceRecordId()).toArray(String[]::new),
                department);
        Map<String, Row> existing = new HashMap<>();
        for (Row row :
                connection.preparedQuery(BY_KEYS).execute(parameters).await().indefinitely()) {
            existing.put(key(row), row);
        }
        for (RecordCheck check : left) {
            CanonicalRecord record = check.record();
            Row row = existing.get(record.key());
            WrittenRecord verdict;
            if (row == null) {
                verdict = WrittenRecord.rejected(check.rejectedBy(nothingToDelete(record)));
            } else if (!record.isDelete() && !record.kind().name().equals(row.getString("kind"))) {
                verdict = WrittenRecord.rejected(check.rejectedBy(kindChanged(record, row.getString("kind"))));
            } else {
                verdict =
                        new WrittenRecord(check, RecordOutcome.UNCHANGED, row.getLong("id"), row.getInteger("version"));
            }
            verdicts.put(check, verdict);
        }
    }

    private static FieldError nothingToDelete(CanonicalRecord record) {
        return new FieldError(
                "sourceRecordId",
                "RECORD_NOT_FOUND",
                "no record " + record.sourceRecordId() + " of " + record.sourceSystem() + " to delete");
    }

    private static FieldError kindChanged(CanonicalRecord record, String storedKind) {
        return new FieldError(
                "kind",
                "RECORD_KIND_CHANGED",
                "source record " + record.sourceRecordId() + " is a " + storedKind
                        + " record; a record keeps its kind");
    }

    /** What the department has stored under a source key, as far as a write's verdict depends on it. */
    static final class Stored {
        String kind;
        String contentHash;
        boolean deleted;
        Long id;
        Integer version;
    }

    /**
     * 试运行: the verdicts {@link #writeAll} would reach for a batch, read without writing anything. {@code stored}
     * carries what earlier batches of the same dry run would have left under each key (absent keys are looked up and
     * remembered, a missing record as {@code null}), so a key sent twice is judged as the write judges it.
     */
    List<WrittenRecord> preview(
            SqlConnection connection, String department, List<RecordCheck> checks, Map<String, Stored> stored) {
        List<RecordCheck> unknown = new ArrayList<>();
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (RecordCheck check : checks) {
            if (check.accepted()
                    && !stored.containsKey(check.record().key())
                    && asked.add(check.record().key())) {
                unknown.add(check);
            }
        }
        if (!unknown.isEmpty()) {
            Tuple parameters = Tuple.of(
                    unknown.stream().map(c -> c.record().sourceSystem()).toArray(String[]::new),
                    unknown.stream().map(c -> c.record().sourceRecordId()).toArray(String[]::new),
                    department);
            unknown.forEach(check -> stored.put(check.record().key(), null));
            for (Row row : connection
                    .preparedQuery(BY_KEYS)
                    .execute(parameters)
                    .await()
                    .indefinitely()) {
                Stored found = new Stored();
                found.kind = row.getString("kind");
                found.contentHash = row.getString("content_hash");
                found.deleted = row.getBoolean("deleted");
                found.id = row.getLong("id");
                found.version = row.getInteger("version");
                stored.put(key(row), found);
            }
        }
        List<WrittenRecord> verdicts = new ArrayList<>(checks.size());
        for (RecordCheck check : checks) {
            verdicts.add(check.accepted() ? previewOne(check, stored) : WrittenRecord.rejected(check));
        }
        return verdicts;
    }

    private static WrittenRecord previewOne(RecordCheck check, Map<String, Stored> stored) {
        CanonicalRecord record = check.record();
        Stored now = stored.get(record.key());
        if (record.isDelete()) {
            if (now == null) {
                return WrittenRecord.rejected(check.rejectedBy(nothingToDelete(record)));
            }
            if (now.deleted) {
                return new WrittenRecord(check, RecordOutcome.UNCHANGED, now.id, now.version);
            }
            now.deleted = true;
            return new WrittenRecord(check, RecordOutcome.DELETED, now.id, nextVersion(now));
        }
        if (now == null) {
            Stored created = new Stored();
            created.kind = record.kind().name();
            created.contentHash = record.contentHash();
            created.version = 1;
            stored.put(record.key(), created);
            return new WrittenRecord(check, RecordOutcome.CREATED, null, 1);
        }
        if (!record.kind().name().equals(now.kind)) {
            return WrittenRecord.rejected(check.rejectedBy(kindChanged(record, now.kind)));
        }
        if (now.deleted || !java.util.Objects.equals(now.contentHash, record.contentHash())) {
            now.deleted = false;
            now.contentHash = record.contentHash();
            return new WrittenRecord(check, RecordOutcome.UPDATED, now.id, nextVersion(now));
        }
        return new WrittenRecord(check, RecordOutcome.UNCHANGED, now.id, now.version);
    }

    private static Integer nextVersion(Stored stored) {
        stored.version = stored.version == null ? null : stored.version + 1;
        return stored.version;
    }

    private void recordAudit(
            SqlConnection connection,
            Caller caller,
            String department,
            List<WrittenRecord> written,
            String auditReference) {
        Map<String, List<Long>> changed = new LinkedHashMap<>();
        for (WrittenRecord record : written) {
            if (record.outcome() == RecordOutcome.CREATED
                    || record.outcome() == RecordOutcome.UPDATED
                    || record.outcome() == RecordOutcome.DELETED) {
                changed.computeIfAbsent(
                                record.outcome().name().toLowerCase(java.util.Locale.ROOT), key -> new ArrayList<>())
                        .add(record.id());
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("department", department);
        detail.putAll(changed);
        audit.record(connection, caller, "RECORDS_WRITTEN", "record-batch", auditReference, detail);
    }

    private static Tuple upsertParameters(List<RecordCheck> upserts) {
        int n = upserts.size();
        String[] systems = new String[n];
        String[] ids = new String[n];
        String[] kinds = new String[n];
        String[] departments = new String[n];
        String[] items = new String[n];
        String[] regions = new String[n];
        String[] creditCodes = new String[n];
        String[] idHashes = new String[n];
        LocalDate[] actDates = new LocalDate[n];
        OffsetDateTime[] reported = new OffsetDateTime[n];
        Boolean[] disclosable = new Boolean[n];
        String[] hashes = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            CanonicalRecord r = upserts.get(i).record();
            systems[i] = r.sourceSystem();
            ids[i] = r.sourceRecordId();
            kinds[i] = r.kind().name();
            departments[i] = r.departmentCode();
            items[i] = r.itemCode();
            regions[i] = r.regionCode();
            creditCodes[i] = r.subjectCreditCode();
            idHashes[i] = r.subjectIdHash();
            actDates[i] = r.actDate();
            reported[i] = r.reportedAt();
            disclosable[i] = r.disclosable();
            hashes[i] = r.contentHash();
            bodies[i] = r.body();
        }
        return Tuple.from(new Object[] {
            systems,
            ids,
            kinds,
            departments,
            items,
            regions,
            creditCodes,
            idHashes,
            actDates,
            reported,
            disclosable,
            hashes,
            bodies,
            Outbox.NATIONAL
        });
    }

    private static String key(Row row) {
        return row.getString("source_system") + '\u0000' + row.getString("source_record_id");
    }
}
