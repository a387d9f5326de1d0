#!/usr/bin/env python3
"""Generates benchmark records as NDJSON: a mix of kinds, ~5% invalid, all for BENCH_DEPT (see fixture.sql).

usage: generate.py COUNT SOURCE_SYSTEM DEPARTMENT_CREDIT_CODE > records.ndjson
"""
import datetime
import json
import random
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(n):
    first17 = "91450100" + str(100000000 + n)[-9:]
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + ALPHABET[(31 - total % 31) % 31]


def main():
    count, source, department_code = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rng = random.Random(42)
    today = datetime.date.today()
    reported = (datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8)))
                - datetime.timedelta(minutes=5)).isoformat(timespec="seconds")
    out = sys.stdout
    kinds = ["INSPECTION"] * 5 + ["PENALTY"] * 2 + ["ENFORCEMENT", "OTHER", "COMPLAINT"]
    for n in range(count):
        kind = kinds[n % len(kinds)]
        day = (today - datetime.timedelta(days=1 + n % 300)).isoformat()
        officers = [{"name": "基准执法员", "issuer": "BENCH", "certNo": "BENCH%07d" % (1 + (n + k) % 20)} for k in (0, 1)]
        item_base = {"INSPECTION": 10, "PENALTY": 20, "ENFORCEMENT": 30, "OTHER": 40}.get(kind)
        record = {"operation": "INSERT", "kind": kind, "sourceSystem": source, "sourceRecordId": "R%09d" % n,
                  "implementingBody": {"name": "基准测试局", "creditCode": department_code},
                  "subject": {"type": "ENTERPRISE", "name": "南宁市基准测试商贸有限公司%d" % (n % 50000),
                              "creditCode": credit_code(n % 50000)},
                  "regionCode": "450100", "officers": officers, "reportedAt": reported, "reporter": "基准上报员"}
        if item_base:
            record["itemCode"] = "479900000%05d" % (item_base + n % 10)
        if kind == "INSPECTION":
            record["implementationListCode"] = department_code + "3" + record["itemCode"]
            record["inspection"] = {"randomPlanId": "PLAN-%d" % (n % 97), "actionName": "日常监督检查",
                                    "actionNumber": "JC%09d" % n, "form": "ON_SITE", "checkDate": day,
                                    "resultCode": rng.choice(["1", "1", "1", "A", "E"]),
                                    "resultDescription": "现场检查未发现明显问题，已告知经营者落实主体责任"}
        elif kind == "PENALTY":
            decided = today - datetime.timedelta(days=1 + n % 300)
            record["penalty"] = {"actionName": "违反食品安全法经营超过保质期食品", "procedure": "02",
                                 "filingDate": (decided - datetime.timedelta(days=20)).isoformat(),
                                 "decisionNumber": "南基罚〔2026〕%d号" % n, "decisionDate": decided.isoformat(),
                                 "penaltyTypes": ["01", "02"], "fineAmount": 5000 + n % 1000,
                                 "illegalFacts": "当事人经营超过保质期的预包装食品，货值金额较小。",
                                 "legalBasis": "《中华人民共和国食品安全法》第一百二十四条"}
        elif kind == "ENFORCEMENT":
            record["enforcement"] = {"category": "MEASURE", "measure": "03", "decisionNumber": "南基强〔2026〕%d号" % n,
                                     "startDate": day, "basis": "《中华人民共和国行政强制法》第九条"}
            record["officers"] = officers
        elif kind == "OTHER":
            record["other"] = {"actionName": "行政指导", "actionNumber": "QT%09d" % n, "startDate": day}
        else:
            record["complaint"] = {"complaintNumber": "12345-%09d" % n, "complaintType": "COMPLAINT",
                                   "channel": "12345", "receivedDate": day, "anonymous": True,
                                   "detail": "群众反映某商户存在销售过期食品的情况，请核查处理。"}
        if n % 20 == 7:  # 5% invalid, each with one error of a different kind
            broken = (n // 20) % 4
            if broken == 0:
                record["subject"]["creditCode"] = record["subject"]["creditCode"][:-1] + (
                    "0" if record["subject"]["creditCode"][-1] != "0" else "1")
            elif broken == 1:
                record["regionCode"] = "440100"
            elif broken == 2:
                record["officers"] = officers[:1]
                if kind in ("OTHER", "COMPLAINT"):
                    record["regionCode"] = "45010"
            else:
                record["reportedAt"] = "2000-01-01T00:00:00+08:00"
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
