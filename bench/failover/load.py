#!/usr/bin/env python3
"""Steady upload load for the failover benchmark: small JSON batches of new inspection records, each with a unique
sourceRecordId, posted to the hub replicas in turn until OUT/stop exists.

usage: load.py OUT TOKEN CREDIT_CODE HUB_URL [HUB_URL ...]   (env: LOAD_WORKERS=2, LOAD_BATCH=20, LOAD_PREFIX=FO)
       load.py --ndjson COUNT PREFIX CREDIT_CODE > records.ndjson   (the same records as one NDJSON upload)

A batch is retried, unchanged (same ids), on the next replica until a replica acknowledges it: an answer 200 whose
per-record outcome is CREATED, UPDATED or UNCHANGED. Only then are its ids appended to OUT/acked.txt, so that file
holds exactly what the hub promised to keep. Every request is logged to OUT/requests.csv:
start,end,worker,replica,status,records (epoch seconds; status 0 = no answer).
"""
import datetime
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request

KEPT = {"CREATED", "UPDATED", "UNCHANGED"}


def record(source_id, credit_code, n):
    today = datetime.date.today()
    reported = (datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8)))
                - datetime.timedelta(minutes=5)).isoformat(timespec="seconds")
    item = "479900000%05d" % (10 + n % 10)
    return {"operation": "INSERT", "kind": "INSPECTION", "sourceSystem": "BENCH-FAILOVER", "sourceRecordId": source_id,
            "implementingBody": {"name": "基准测试局", "creditCode": credit_code},
            "subject": {"type": "ENTERPRISE", "name": "南宁市基准测试商贸有限公司%d" % (n % 50000),
                        "creditCode": subject_code(n % 50000)},
            "regionCode": "450100",
            "officers": [{"name": "基准执法员", "issuer": "BENCH", "certNo": "BENCH%07d" % (1 + (n + k) % 20)}
                         for k in (0, 1)],
            "reportedAt": reported, "reporter": "基准上报员", "itemCode": item,
            "implementationListCode": credit_code + "3" + item,
            "inspection": {"actionName": "日常监督检查", "actionNumber": "FO%09d" % n, "form": "ON_SITE",
                           "checkDate": (today - datetime.timedelta(days=1 + n % 300)).isoformat(),
                           "resultCode": "1", "resultDescription": "现场检查未发现明显问题"}}


ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def subject_code(n):
    first17 = "91450100" + str(100000000 + n)[-9:]
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + ALPHABET[(31 - total % 31) % 31]


class Load:
    def __init__(self, out, token, credit_code, hubs, batch):
        self.out, self.token, self.credit_code, self.hubs, self.batch = out, token, credit_code, hubs, batch
        self.lock = threading.Lock()
        self.acked = open(os.path.join(out, "acked.txt"), "a", buffering=1)
        self.requests = open(os.path.join(out, "requests.csv"), "a", buffering=1)
        self.rejected = 0

    def stopped(self):
        return os.path.exists(os.path.join(self.out, "stop"))

    def post(self, hub, body):
        request = urllib.request.Request(hub + "/api/v1/records", data=body, method="POST", headers={
            "Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as e:
            e.read()
            return e.code, None
        except Exception:  # no answer (refused, reset, timed out, cut short): the batch was not acknowledged
            return 0, None

    def worker(self, number):
        seq = 0
        turn = number
        while not self.stopped():
            ids = ["%s-%d-%08d" % (os.environ.get("LOAD_PREFIX", "FO"), number, seq + i) for i in range(self.batch)]
            body = json.dumps([record(i, self.credit_code, number * 10_000_000 + seq + k)
                               for k, i in enumerate(ids)], ensure_ascii=False).encode()
            seq += self.batch
            while True:  # the same batch until a replica acknowledges it
                hub = self.hubs[turn % len(self.hubs)]
                turn += 1
                started = time.time()
                status, result = self.post(hub, body)
                with self.lock:
                    self.requests.write("%.3f,%.3f,%d,%s,%d,%d\n" % (started, time.time(), number, hub, status,
                                                                     len(ids)))
                if status == 200:
                    kept = [r["sourceRecordId"] for r in result["records"] if r["outcome"] in KEPT]
                    with self.lock:
                        self.rejected += len(ids) - len(kept)
                        self.acked.write("".join(i + "\n" for i in kept))
                    break
                if self.stopped():
                    return  # never acknowledged: not counted
                time.sleep(0.2)


def ndjson(count, prefix, credit_code):
    for n in range(count):
        sys.stdout.write(json.dumps(record("%s-%08d" % (prefix, n), credit_code, n), ensure_ascii=False,
                                    separators=(",", ":")) + "\n")


def main():
    if sys.argv[1] == "--ndjson":
        ndjson(int(sys.argv[2]), sys.argv[3], sys.argv[4])
        return
    out, token, credit_code, hubs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    load = Load(out, token, credit_code, hubs, int(os.environ.get("LOAD_BATCH", "20")))
    threads = [threading.Thread(target=load.worker, args=(n,)) for n in range(int(os.environ.get("LOAD_WORKERS", "2")))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if load.rejected:
        print("load: %d records rejected by validation (a bug of this script)" % load.rejected, file=sys.stderr)


if __name__ == "__main__":
    main()
