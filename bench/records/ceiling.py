#!/usr/bin/env python3
"""The like-for-like ceiling of a record upload: the same batches, written by a plain client in as many transactions.

usage: ceiling.py BATCH_DIR OUT_DIR

Reads every BATCH_DIR/*.ndjson (a batch's records, one per line, as generate.py writes them and as the JSON batches
sent to POST /api/v1/records hold them) and writes OUT_DIR/<name>.sql:
one transaction per batch, one statement writing the batch's valid records (their keys into behaviour_record_key, the
records into behaviour_record, V25) and their record.created events into outbox (what the hub writes per batch, without validation, versions,
upsert or audit). psql sends each file as text, so the ceiling pays for sending and parsing the rows, as the hub does,
but never for one server-side INSERT ... SELECT that sends nothing. Records the hub rejects (the generator's ~5%
invalid ones) are left out, so both write the same rows.
"""
import hashlib
import json
import os
import sys

ACT_DATE = {"INSPECTION": ("inspection", "checkDate"), "PENALTY": ("penalty", "decisionDate"),
            "ENFORCEMENT": ("enforcement", "startDate"), "OTHER": ("other", "startDate"),
            "COMPLAINT": ("complaint", "receivedDate")}


def invalid(n):
    # generate.py breaks every record whose number n satisfies n % 20 == 7 (one error each).
    return n % 20 == 7


def literal(value):
    if value is None:
        return "null"
    return "'" + str(value).replace("'", "''") + "'"


def row(record):
    part, field = ACT_DATE[record["kind"]]
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return "(" + ",".join([
        literal(record["sourceSystem"]), literal(record["sourceRecordId"]), literal(record["kind"]),
        "'BENCH_DEPT'", literal(record.get("itemCode")), literal(record["regionCode"]),
        literal(record["subject"]["creditCode"]), literal(record[part][field]) + "::date",
        literal(record["reportedAt"]) + "::timestamptz", "true",
        literal(hashlib.sha256(body.encode()).hexdigest()), literal(body) + "::jsonb"]) + ")"


def main():
    batch_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(batch_dir)):
        if not name.endswith(".ndjson"):
            continue
        with open(os.path.join(batch_dir, name), encoding="utf-8") as f:
            records = [r for r in map(json.loads, f) if not invalid(int(r["sourceRecordId"][1:]))]
        with open(os.path.join(out_dir, name[:-7] + ".sql"), "w", encoding="utf-8") as out:
            out.write("begin;\nwith incoming (source_system, source_record_id, kind, department_code, item_code, "
                      "region_code, subject_credit_code, act_date, reported_at, disclosable, content_hash, body) "
                      "as (values\n")
            out.write(",\n".join(row(r) for r in records))
            out.write("),\nkeys as (insert into behaviour_record_key (department_code, source_system, source_record_id, "
                      "act_date) select department_code, source_system, source_record_id, act_date from incoming "
                      "returning id, source_system, source_record_id),\n"
                      "written as (insert into behaviour_record (id, source_system, source_record_id, kind, "
                      "department_code, item_code, region_code, subject_credit_code, act_date, reported_at, "
                      "disclosable, content_hash, body) select k.id, i.* from incoming i "
                      "join keys k using (source_system, source_record_id) "
                      "returning id, version, kind, department_code, body)\n"
                      "insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)\n"
                      "select 'national', 'record', id::text, 'record.created', jsonb_build_object('recordId', id, "
                      "'version', version, 'operation', 'INSERT', 'kind', kind, 'departmentCode', department_code, "
                      "'record', body) from written;\ncommit;\n")


if __name__ == "__main__":
    main()
