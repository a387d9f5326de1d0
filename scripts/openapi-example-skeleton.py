#!/usr/bin/env python3
"""Writes a starting point for an operation's docs file (src/main/resources/openapi-docs/operations/<id>.json).

    python3 scripts/openapi-example-skeleton.py OPERATION_ID [...]   # prints the skeleton
    python3 scripts/openapi-example-skeleton.py --write OPERATION_ID  # writes it (never overwrites)

Reads the built contract (target/openapi/openapi.yaml, or openapi/openapi.yaml), fills the request and each
response with Guangxi demo values chosen by property name (valid credit codes, 45xxxx regions, 14-digit item
codes), and names a catalog code for each documented failure. Then edit it: the summary and description in
Chinese and English, the description of each status it answers (add its failures: 404, 409, ...), values that
tell the operation's story, the codes each failure really answers. OpenApiExamplesTest
validates the result against the schemas.
"""
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "src/main/resources/openapi-docs/operations")

# Realistic values by property name (Guangxi: 南宁市青秀区, the city market regulator, a food producer).
VALUES = {
    "creditCode": "91450103MA5L2K8Q4L",
    "subjectCreditCode": "91450103MA5L2K8Q4L",
    "implementingBodyCreditCode": "11450100MB1578410G",
    "implementingBodyName": "南宁市市场监督管理局",
    "implementingBody": "南宁市市场监督管理局",
    "departmentCode": "450100_SAMR",
    "department": "450100_SAMR",
    "departmentName": "南宁市市场监督管理局",
    "regionCode": "450103",
    "region": "450103",
    "regionName": "青秀区",
    "parentCode": "450100",
    "successorCode": "450103",
    "itemCode": "45001000100001",
    "permitItemCode": "45001000200001",
    "itemName": "对食品生产企业生产经营活动的监督检查",
    "permitItemName": "食品生产许可",
    "listCode": "11450100MB1578410G3450100",
    "implementationListCode": "11450100MB1578410G3450100",
    "idNumber": "45010319850312123X",
    "idNumberMasked": "450103********123X",
    "subjectName": "南宁市恒盛食品有限公司",
    "holderName": "黄志强",
    "officerName": "黄志强",
    "complainantName": "韦丽娟",
    "complainantPhone": "13807710000",
    "complainantPhoneMasked": "138****0000",
    "legalRepresentative": "覃建华",
    "registeredAddress": "广西壮族自治区南宁市青秀区民族大道 136 号",
    "businessAddress": "广西壮族自治区南宁市青秀区金湖路 59 号",
    "address": "广西壮族自治区南宁市青秀区民族大道 136 号",
    "certNo": "45010020230017",
    "issuer": "GX_GOV",
    "industryCode": "C1469",
    "sectorCode": "SAMR",
    "sectors": ["SAMR"],
    "sectorCodes": ["SAMR"],
    "categories": ["SAMR"],
    "source": "GX_SSJ",
    "sourceSystem": "GX_SSJ",
    "system": "gx-ssj",
    "sourceRecordId": "SSJ-2026-000123",
    "recordId": "SSJ-2026-000123",
    "actionName": "2026 年食品生产企业双随机抽查",
    "actionNumber": "JC450100202611300001",
    "decisionNumber": "南市监处罚〔2026〕118 号",
    "catalogVersion": "2024-V3",
    "legalBasis": "《中华人民共和国食品安全法》第一百一十条",
    "basis": "《中华人民共和国食品安全法》第一百一十条",
    "supervisedObject": "食品生产企业",
    "checkContent": "生产环境条件、进货查验、生产过程控制、产品检验",
    "reason": "机构职能调整，事项划转至自治区药品监督管理局",
    "releaseReason": "机构职能调整，事项划转至自治区药品监督管理局",
    "changeReason": "依据《食品安全法》修订更新设定依据",
    "title": "南宁市青秀区某食品厂无证生产的投诉",
    "detail": "消费者反映该厂生产的糕点无生产日期。",
    "content": "消费者反映该厂生产的糕点无生产日期。",
    "handlingResult": "经现场检查，责令改正并立案调查。",
    "resultDescription": "未发现问题",
    "illegalFacts": "生产经营无标签的预包装食品。",
    "seed": "6f1b0c2a9d7e4f3a8b5c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f708",
    "inputsHash": "a3f1c9e2b7d4058f6e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70",
    "resultHash": "0b7e9f1a2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7",
    "requestId": "9f1c2e7a-3b4d-4c5e-8f60-1a2b3c4d5e6f",
    "nationalId": "GJ-TS-20261130-000871",
    "planId": "SSJ-PLAN-450100-2026-11",
    "randomPlanId": "SSJ-PLAN-450100-2026-11",
    "riskLevel": "P2",
    "creditLevel": "B",
    "creditClass": "B",
    "target": "national",
    "kind": "inspection",
    "acceptedBy": "huangzq",
    "announcedBy": "lanxm",
    "appointedBy": "admin-gx",
    "changedBy": "national-sync",
    "claimedBy": "lanxm",
    "declaredBy": "lanxm",
    "handledBy": "huangzq",
    "releasedBy": "lanxm",
    "updatedBy": "lanxm",
    "reporter": "南宁市市场监督管理局 蓝晓敏",
    "administrators": ["lanxm", "weilj"],
    "aggregateId": "SSJ-2026-000123",
    "aggregateType": "record",
    "eventType": "record.created",
    "breaker": "CLOSED",
    "caseNumber": "南市监立〔2026〕0457 号",
    "caseSource": "投诉举报",
    "category": "01",
    "channel": "12315",
    "closingMethod": "履行完毕",
    "closingResult": "已缴纳罚款，结案",
    "collectiveDiscussionConclusion": "同意按一般程序给予警告并处罚款",
    "legalReviewOpinion": "事实清楚，证据确凿，适用依据正确，程序合法",
    "complaintNumber": "12315-4501-20261128-0093",
    "complaintType": "食品安全",
    "cursorId": "1024",
    "delegatedDepartment": "南宁市青秀区市场监督管理局",
    "failureReason": "3 records could not be committed",
    "field": "subject.code",
    "file": "adapters/gx-ssj/adapter.yaml",
    "form": "01",
    "headHash": "5d41402abc4b2a76b9719d911017c592ae1f2b3c4d5e6f708192a3b4c5d6e7f8",
    "recomputedResultHash": "0b7e9f1a2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7",
    "issuesUrl": "/api/v1/upload-jobs/3f2b8c1e-6d4a-4b7e-9c1f-2a3b4c5d6e7f/issues",
    "itemCodes": ["45001000100001"],
    "kid": "hub-2026-1",
    "lastError": "HTTP 503 from the national platform",
    "pushLastError": "HTTP 503 from https://ssj.gxzf.example/api/receive",
    "lastFailure": "HTTP 503 from https://ssj.gxzf.example/api/receive",
    "linkedInspectionNumber": "JC450100202611300001",
    "mappingError": "字段 jcrq 不是日期 / jcrq is not a date",
    "measure": "查封",
    "mediaType": "application/x-ndjson",
    "message": "统一社会信用代码校验位错误 / credit code check character is wrong",
    "method": "现场检查",
    "ownerDepartment": "GX_SAMR",
    "penaltyTypes": ["01", "02"],
    "permitNumber": "SC10645010300123",
    "photoRef": "photos/45010020230017.jpg",
    "planName": "2026 年南宁市食品生产企业双随机抽查计划",
    "procedure": "02",
    "qrPng": "/api/v1/credentials/e-credential/qr.png",
    "qrSvg": "/api/v1/credentials/e-credential/qr.svg",
    "result": "1",
    "resultCode": "1",
    "route": "http",
    "sources": ["GX_SSJ", "GX_SCJDGL"],
    "table": "hub_inspection",
    "token": "eyJhbGciOiJFUzI1NiIsImtpZCI6Imh1Yi0yMDI2LTEifQ.eyJqdGkiOiI3YzFlIn0.c2lnbmF0dXJl",
    "credential": "eyJhbGciOiJFUzI1NiIsImtpZCI6Imh1Yi0yMDI2LTEifQ.eyJqdGkiOiI3YzFlIn0.c2lnbmF0dXJl",
    "verifyUrl": "https://hub.gxzf.example/api/v1/credentials/verify?token=eyJhbGciOiJFUzI1NiJ9.eyJqdGkiOiI3YzFlIn0.c2ln",
    "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
    "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
    "status": "ACTIVE",
    "ratio": 20,
    "inspectorsPerSubject": 2,
    "version": 1,
    "total": 1,
    "page": 0,
    "size": 20,
}


# Values where a property name means something else in a schema ("Schema.property").
CONTEXT = {
    "CatalogItem.code": "45001000100001",
    "CatalogItem.name": "对食品生产企业生产经营活动的监督检查",
    "CatalogItemRequest.name": "对食品生产企业生产经营活动的监督检查",
    "CatalogItem.parentCode": "45001000100000",
    "CatalogItemRequest.parentCode": "45001000100000",
    "CatalogItem.method": "双随机抽查、重点检查",
    "CatalogItemRequest.method": "双随机抽查、重点检查",
    "ApplicableItem.code": "45001000100001",
    "ApplicableItem.name": "对食品生产企业生产经营活动的监督检查",
    "Department.code": "450100_SAMR",
    "Department.name": "南宁市市场监督管理局",
    "DepartmentRequest.name": "南宁市市场监督管理局",
    "DepartmentRef.code": "450100_SAMR",
    "DepartmentRef.name": "南宁市市场监督管理局",
    "DepartmentCoverage.code": "450100_SAMR",
    "DepartmentCoverage.name": "南宁市市场监督管理局",
    "Supervisors.name": "南宁市市场监督管理局",
    "Region.code": "450103",
    "Region.name": "青秀区",
    "Region.level": "COUNTY",
    "RegionUpdate.name": "青秀区",
    "ImplementingBody.name": "南宁市市场监督管理局",
    "EntrustedOrganisation.name": "南宁市食品药品检验所",
    "CredentialHolder.name": "黄志强",
    "CredentialHolderRequest.name": "黄志强",
    "RecordOfficer.name": "黄志强",
    "RandomDrawInspector.name": "黄志强",
    "RandomInspectionPlan.name": "2026 年南宁市食品生产企业双随机抽查计划",
    "Adapter.name": "广西双随机一公开监管平台",
    "ErrorCodeFigure.code": "ITEM_NOT_CLAIMED",
    "PersonSubjectRequest.name": "韦丽娟",
}


def load_contract():
    for path in ("target/openapi/openapi.yaml", "openapi/openapi.yaml"):
        full = os.path.join(ROOT, path)
        if os.path.exists(full):
            with open(full, encoding="utf-8") as f:
                return yaml.safe_load(f)
    sys.exit("no contract: build first (mvn package -DskipTests)")


def resolve(doc, schema):
    while isinstance(schema, dict) and "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].split("/")[-1]]
    return schema or {}


def example(doc, schema, name=None, depth=0, owner=None):
    if isinstance(schema, dict) and "$ref" in schema:
        ref = schema["$ref"].split("/")[-1]
    else:
        ref = None
    schema = resolve(doc, schema)
    if depth > 6:
        return None
    if owner and owner + "." + str(name) in CONTEXT:
        return CONTEXT[owner + "." + name]
    if "enum" in schema:
        return schema["enum"][0]
    if name in VALUES:
        value = VALUES[name]
        types = schema.get("type", "object")
        types = types if isinstance(types, list) else [types]
        wanted = {list: "array", str: "string", int: "integer"}[type(value)]
        if wanted in types or (wanted == "integer" and "number" in types):
            return value
    fmt = schema.get("format")
    if fmt == "date-time":
        return "2026-11-30T10:15:30+08:00"
    if fmt == "date":
        return "2026-11-30"
    if "examples" in schema and schema["examples"]:
        return schema["examples"][0]
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("allOf", "oneOf", "anyOf"):
        if key in schema:
            return example(doc, schema[key][0], name, depth + 1, owner)
    types = schema.get("type", "object")
    if isinstance(types, list):
        types = next((t for t in types if t != "null"), "string")
    if types == "object":
        if "properties" in schema:
            return {k: example(doc, v, k, depth + 1, ref) for k, v in schema["properties"].items()}
        if "additionalProperties" in schema and isinstance(schema["additionalProperties"], dict):
            return {"SAMR": example(doc, schema["additionalProperties"], None, depth + 1)}
        return {}
    if types == "array":
        return [example(doc, schema.get("items", {}), name, depth + 1, owner)]
    if types == "integer":
        return 3
    if types == "number":
        return 0.9627
    if types == "boolean":
        return True
    if fmt == "uuid":
        return "3f2b8c1e-6d4a-4b7e-9c1f-2a3b4c5d6e7f"
    if name in ("name", "subjectName"):
        return "南宁市恒盛食品有限公司"
    if name == "code":
        return "450100_SAMR"
    return "示例" if name is None else name


FAILURE_BY_STATUS = {
    "400": "VALIDATION_FAILED",
    "404": "NOT_FOUND",
    "409": "CONFLICT",
    "412": "VERSION_MISMATCH",
    "413": "PAYLOAD_TOO_LARGE",
    "415": "UNSUPPORTED_MEDIA_TYPE",
    "422": "INVALID",
    "429": "RATE_LIMITED",
    "503": "DATABASE_UNAVAILABLE",
}


def skeleton(doc, operation_id):
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                out = {"summary": ["中文摘要", "English summary"], "description": ["中文说明", "English description"]}
                body = (op.get("requestBody") or {}).get("content", {})
                for media, content in body.items():
                    if media.endswith("json"):
                        out["request"] = example(doc, content.get("schema", {}))
                        break
                responses = {}
                for status, response in sorted(op.get("responses", {}).items()):
                    content = response.get("content") or {}
                    if status in ("401", "403"):
                        continue
                    if any(m == "application/problem+json" for m in content):
                        if status == "400":
                            responses[status] = {"problem": "VALIDATION_FAILED", "errors": [
                                {"field": "itemCode", "code": "ITEM_CODE_INVALID",
                                 "message": "监管事项编码须为 14 位数字 / item code must be exactly 14 digits"}]}
                        else:
                            responses[status] = FAILURE_BY_STATUS.get(status, "INTERNAL_ERROR")
                    else:
                        for media, c in content.items():
                            if media.endswith("json"):
                                responses[status] = example(doc, c.get("schema", {}))
                                break
                # The answers to document, with the scanner's description to replace (400, 401 and 403 are
                # documented for every operation by ProblemResponses).
                out["statuses"] = {status: response.get("description") or ""
                                   for status, response in op.get("responses", {}).items()
                                   if status not in ("400", "401", "403")}
                out["responses"] = responses
                return out
    sys.exit("no operation " + operation_id)


def main(args):
    write = "--write" in args
    doc = load_contract()
    for operation_id in [a for a in args if not a.startswith("--")]:
        text = json.dumps(skeleton(doc, operation_id), ensure_ascii=False, indent=2, default=str) + "\n"
        if write:
            path = os.path.join(OUT, operation_id + ".json")
            if os.path.exists(path):
                print("exists, left alone: " + path, file=sys.stderr)
                continue
            os.makedirs(OUT, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print("wrote " + path, file=sys.stderr)
        else:
            sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
