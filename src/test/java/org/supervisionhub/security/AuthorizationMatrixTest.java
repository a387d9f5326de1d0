package org.supervisionhub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.code.IdNumbers;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * The authorization matrix, swept whole: every operation of the served contract × every role × three places the
 * object may be (the caller's own department; another department of the caller's region; a department of another
 * region), each place holding real objects (records, an upload job, complaints, risk clues, tasks, claims,
 * implementation lists, subjects, certificates) and each write sent with a body valid enough that the scope, not
 * the validation, answers. For every call:
 * <ul>
 *   <li>a role the operation does not list: 403 {@code FORBIDDEN};
 *   <li>never a 5xx; every refusal problem+json with a catalog code;
 *   <li>outside the caller's scope: no success of a write (except writes that are always the caller's own), no
 *       answer naming a department the caller may not see (except the public registries), and a read answering
 *       exactly like the same read of something that does not exist (existence never leaks);
 * </ul>
 * and, after the department-bound roles and again after the region admin, the objects of the places outside their
 * scope are unchanged in the database. The sizes and every cell are written to
 * {@code target/authorization-matrix.md}.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** Where the object an operation is about lies, seen from a caller of the first department. */
    enum Place {
        OWN,
        FOREIGN_DEPARTMENT,
        FOREIGN_REGION
    }

    /** Department-bound roles first, then the region admin, then those who see everything (see the class comment). */
    private static final List<String> ROLES =
            List.of(Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.REGION_ADMIN, Roles.HUB_ADMIN, Roles.NATIONAL);

    /**
     * Public registries: organisations (国家企业信用信息公示), who supervises them, their disclosable supervision history
     * (双公示), enforcement certificates (shown to the public) and the catalog. Any authenticated role reads them
     * whatever its scope, so their answers may name any department.
     */
    private static final Set<String> PUBLIC_READS = Set.of(
            "GET /api/v1/subjects",
            "GET /api/v1/subjects/{creditCode}",
            "GET /api/v1/subjects/{creditCode}/supervisors",
            "GET /api/v1/subjects/{creditCode}/records",
            "GET /api/v1/credentials/{issuer}/{certNo}",
            "GET /api/v1/items/{code}",
            "GET /api/v1/items/{code}/versions");

    /**
     * Writes that are always the caller's own whatever the request names (uploads of its department's records, a
     * binding owned by its scope, checks that change nothing, a system's own payload): they may succeed from any
     * place, and their answers are still checked for departments the caller may not see.
     */
    private static final Set<String> CALLER_OWNED_WRITES = Set.of(
            "POST /api/v1/records",
            "POST /api/v1/permits/bindings",
            "POST /api/v1/credentials/check",
            "POST /api/v1/credentials/e-credential",
            "POST /api/v1/subjects/persons/lookup",
            "POST /api/v1/adapters/{system}/inbound/{kind}",
            "PUT /api/v1/items/{code}",
            "POST /api/v1/sync/dead-letters/replay",
            "POST /api/v1/sync/dead-letters/{id}/replay");

    /**
     * Operations that list no role: the national callback (authenticated by its signature, RoleMatrixTest names it
     * too) and the public credential scan and its keys.
     */
    private static final Set<String> NO_ROLE_OPERATIONS = Set.of(
            "POST /api/v1/national/callbacks/{kind}",
            "GET /api/v1/credentials/verify",
            "GET /api/v1/credentials/jwks",
            "GET /api/v1/public/random-draws/{id}",
            "GET /api/v1/public/disclosures",
            "GET /api/v1/public/disclosures/{id}");

    private static final Set<String> CATALOG =
            java.util.Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    /** Objects of one department, the ids an operation's path and body are filled with. */
    private record Holder(
            RecordFixture.Department department,
            String subjectRegion,
            String subject,
            long record,
            UUID job,
            long complaint,
            long riskClue,
            long task,
            String newCertificate,
            long randomPlan,
            long randomDraw,
            long jointTask) {

        String code() {
            return department.code();
        }
    }

    /** One operation of the contract. */
    private record Operation(String method, String template, List<Map<String, Object>> parameters, List<String> roles) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }

        boolean isRead() {
            return method.equals("get");
        }
    }

    /** One call's outcome, for the report. */
    private record Cell(String operation, String role, Place place, int status, String code) {}

    @Test
    void everyOperationEveryRoleAndEveryPlaceKeepsScopeAndNeverLeaksExistence() {
        Map<Place, Holder> places = new EnumMap<>(Place.class);
        places.put(Place.OWN, holder(fixture.department("450100"), "450103"));
        places.put(Place.FOREIGN_DEPARTMENT, holder(fixture.department("450100"), "450103"));
        places.put(Place.FOREIGN_REGION, holder(fixture.department("450200"), "450202"));
        Holder own = places.get(Place.OWN);
        Holder unknown = unknownHolder();
        List<Operation> operations = operations();
        List<Cell> cells = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        int twins = 0;
        Map<Place, String> before = fingerprints(places);

        for (String role : ROLES) {
            String token = tokenOf(role, own);
            for (Operation operation : operations) {
                for (Place place : Place.values()) {
                    Holder target = places.get(place);
                    Response response = call(operation, token, target);
                    String code = codeOf(response);
                    cells.add(new Cell(operation.toString(), role, place, response.statusCode(), code));
                    String cell = operation + " as " + role + " on " + place;
                    if (!operation.roles().contains(role)) {
                        if (response.statusCode() != 403 || !"FORBIDDEN".equals(code)) {
                            violations.add(cell + ": a role it does not list -> " + response.statusCode() + " " + code);
                        }
                        continue;
                    }
                    if (response.statusCode() >= 500) {
                        violations.add(cell + ": server error " + response.statusCode() + " " + code);
                    }
                    if (response.statusCode() >= 400 && !CATALOG.contains(code)) {
                        violations.add(cell + ": refusal without a catalog code -> " + response.asString());
                    }
                    if (!outside(role, place, operation)) {
                        continue;
                    }
                    boolean success = response.statusCode() < 300;
                    if (success && !operation.isRead() && !CALLER_OWNED_WRITES.contains(operation.toString())) {
                        violations.add(
                                cell + ": a write outside the caller's scope succeeded -> " + response.statusCode());
                    }
                    if (success && !PUBLIC_READS.contains(operation.toString())) {
                        for (Place hidden : hiddenFrom(role)) {
                            if (names(response.asString(), places.get(hidden).code())) {
                                violations.add(cell + ": the answer names " + hidden + " department "
                                        + places.get(hidden).code());
                            }
                        }
                    }
                    if (operation.isRead() && takesAnOwnedObject(operation)) {
                        Response twin = call(operation, token, unknown);
                        twins++;
                        String twinCode = codeOf(twin);
                        if (twin.statusCode() != response.statusCode() || !java.util.Objects.equals(twinCode, code)) {
                            violations.add(cell + ": told from an unknown one -> " + response.statusCode() + " " + code
                                    + " vs " + twin.statusCode() + " " + twinCode);
                        }
                    }
                }
            }
            if (role.equals(Roles.SYSTEM)) {
                Map<Place, String> after = fingerprints(places);
                for (Place place : List.of(Place.FOREIGN_DEPARTMENT, Place.FOREIGN_REGION)) {
                    if (!after.get(place).equals(before.get(place))) {
                        violations.add("department-bound roles changed the " + place + " department's objects: "
                                + before.get(place) + " -> " + after.get(place));
                    }
                }
            }
            if (role.equals(Roles.REGION_ADMIN)
                    && !fingerprints(places).get(Place.FOREIGN_REGION).equals(before.get(Place.FOREIGN_REGION))) {
                violations.add("the region admin changed the objects of a department of another region");
            }
        }

        String summary = report(operations, cells, twins);
        System.out.println(summary);
        assertThat(operations).as("operations swept").hasSizeGreaterThan(50);
        assertThat(violations).as("authorization matrix violations").isEmpty();
    }

    /** Whether {@code place} is outside the role's scope for this operation's kind of owner. */
    private static boolean outside(String role, Place place, Operation operation) {
        if (role.equals(Roles.HUB_ADMIN) || role.equals(Roles.NATIONAL) || place == Place.OWN) {
            return false;
        }
        if (role.equals(Roles.REGION_ADMIN) || regionOwned(operation)) {
            return place == Place.FOREIGN_REGION;
        }
        return true;
    }

    /** Whether the operation names something a department or region owns (else there is nothing to compare). */
    private static boolean takesAnOwnedObject(Operation operation) {
        return operation.parameters().stream()
                .map(parameter -> parameter.get("name"))
                .anyMatch(name ->
                        List.of("id", "department", "departmentCode", "region").contains(name));
    }

    /** Registries owned by region (subjects, persons, certificates of the region's departments). */
    private static boolean regionOwned(Operation operation) {
        return operation.template().startsWith("/api/v1/subjects")
                || operation.template().startsWith("/api/v1/credentials");
    }

    private static List<Place> hiddenFrom(String role) {
        if (role.equals(Roles.REGION_ADMIN)) {
            return List.of(Place.FOREIGN_REGION);
        }
        return List.of(Place.FOREIGN_DEPARTMENT, Place.FOREIGN_REGION);
    }

    private static boolean names(String body, String department) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(department) + "(?![A-Za-z0-9_])")
                .matcher(body)
                .find();
    }

    private static String tokenOf(String role, Holder own) {
        return switch (role) {
            case Roles.HUB_ADMIN, Roles.NATIONAL -> Tokens.token("matrix-" + role, List.of(role), null, null);
            case Roles.REGION_ADMIN -> Tokens.token("matrix-" + role, List.of(role), null, "450100");
            default -> Tokens.token("matrix-" + role, List.of(role), own.code(), "450100");
        };
    }

    // ---- the objects -----------------------------------------------------------------------------

    private Holder holder(RecordFixture.Department department, String subjectRegion) {
        String subject = CreditCodeGenerator.enterprise(subjectRegion);
        db.update(
                "insert into subject (credit_code, subject_type, name, region_code) values (?, 'ENTERPRISE', '矩阵测试公司', ?)",
                subject,
                subjectRegion);
        Map<String, Object> record = fixture.inspection(department);
        given().auth()
                .oauth2(department.systemToken())
                .contentType("application/json")
                .body(List.of(record))
                .post("/api/v1/records")
                .then()
                .statusCode(200);
        long recordId = ((Number)
                        db.single("select max(id) from behaviour_record where department_code = ?", department.code()))
                .longValue();
        String job = given().auth()
                .oauth2(department.systemToken())
                .contentType("application/json")
                .body(List.of(fixture.penalty(department)))
                .post("/api/v1/records?async=true")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        long plan = ((Number) db.single("""
                        insert into random_inspection_plan (source_system, plan_id, name, department_code, item_codes,
                                                            start_date, end_date, content_hash)
                        values ('matrix', ?, '矩阵', ?, array[?]::char(14)[], current_date, current_date + 30,
                                repeat('0', 64)) returning id""", "MX-" + UUID.randomUUID(), department.code(), department.inspectionItem()))
                .longValue();
        String inputs = "{\"planId\":" + plan + ",\"departmentCode\":\"" + department.code()
                + "\",\"drawDate\":\"2026-01-01\",\"itemCodes\":[],\"sectors\":[],\"regionCode\":null,"
                + "\"industryCode\":null,\"ratios\":{\"A\":5,\"B\":20,\"C\":60,\"D\":100},"
                + "\"inspectorsPerSubject\":2,\"subjects\":[],\"inspectors\":[],\"previous\":[],\"conflicts\":[]}";
        long draw = ((Number) db.single("""
                        insert into random_draw (plan_id, department_code, status, seed, inputs, inputs_hash, announced_by)
                        values (?, ?, 'ANNOUNCED', repeat('ab', 32), ?, encode(sha256(convert_to(?, 'UTF8')), 'hex'),
                                'matrix') returning id""", plan, department.code(), inputs, inputs)).longValue();
        return new Holder(
                department,
                subjectRegion,
                subject,
                recordId,
                UUID.fromString(job),
                nationalCase("COMPLAINT", department, subjectRegion),
                nationalCase("RISK_CLUE", department, subjectRegion),
                nationalCase("TASK", department, subjectRegion),
                "MX" + department.code(),
                plan,
                draw,
                jointTask(department, recordId));
    }

    /** A joint task the department initiated and takes part in, about the subject of its record. */
    private long jointTask(RecordFixture.Department department, long record) {
        long task = ((Number) db.single("""
                        insert into joint_task (task_no, title, initiator_type, initiator_department_code,
                                                initiator_region_code, deadline, created_by)
                        values (?, '矩阵联合检查', 'DEPARTMENT', ?, ?, current_date + 10, 'matrix') returning id""", "MX-" + UUID.randomUUID(), department.code(), department.regionCode()))
                .longValue();
        db.update(
                "insert into joint_task_subject (task_id, credit_code, position) "
                        + "select ?, subject_credit_code, 0 from behaviour_record where id = ?",
                task,
                record);
        db.update(
                "insert into joint_task_item (task_id, item_code, position) values (?, ?, 0)",
                task,
                department.inspectionItem());
        db.update(
                "insert into joint_task_participant (task_id, department_code, position) values (?, ?, 0)",
                task,
                department.code());
        return task;
    }

    private long nationalCase(String kind, RecordFixture.Department department, String region) {
        return ((Number) db.single(
                        """
                        insert into national_case (kind, national_id, title, region_code, item_code, department_code,
                                                   status, deadline, payload)
                        values (?, ?, '矩阵测试', ?, ?, ?, 'ASSIGNED', now() + interval '5 days', '{}'::jsonb)
                        returning id""", kind, "MX-" + UUID.randomUUID(), region, department.inspectionItem(), department.code()))
                .longValue();
    }

    /** Ids and codes of nothing: what a read of something that does not exist is called with. */
    private static Holder unknownHolder() {
        RecordFixture.Department none = new RecordFixture.Department(
                "NO_SUCH_DEPT",
                CreditCodeGenerator.enterprise("450300"),
                "450300",
                "45999999999998",
                "45999999999998",
                "45999999999998",
                "45999999999998",
                "NO-SUCH-CERT",
                "NO-SUCH-CERT",
                null,
                null);
        return new Holder(
                none,
                "450302",
                CreditCodeGenerator.enterprise("450302"),
                Long.MAX_VALUE / 2,
                UUID.randomUUID(),
                Long.MAX_VALUE / 2,
                Long.MAX_VALUE / 2,
                Long.MAX_VALUE / 2,
                "NO-SUCH-CERT",
                Long.MAX_VALUE / 2,
                Long.MAX_VALUE / 2,
                Long.MAX_VALUE / 2);
    }

    /**
     * What a department owns, as one text: its registry row and administrators, claims, lists, cases, records and
     * bindings; for the department of another region also the region-owned registries (its certificates, its region's subject), which callers of the
     * first region legitimately change for the other department of their own region.
     */
    private Map<Place, String> fingerprints(Map<Place, Holder> places) {
        Map<Place, String> prints = new EnumMap<>(Place.class);
        places.forEach((place, holder) -> prints.put(
                place,
                String.join(
                        " | ",
                        rows("select status, version, region_code from department where code = ?", holder),
                        rows("select subject from department_administrator where department_code = ?", holder),
                        rows("select item_code, status from item_claim where department_code = ? order by id", holder),
                        rows(
                                "select item_code, version from implementation_list where department_code = ? order by id",
                                holder),
                        rows(
                                "select id, status, accepted_by from national_case where department_code = ? order by id",
                                holder),
                        rows(
                                "select id, version, deleted from behaviour_record where department_code = ? order by id",
                                holder),
                        rows(
                                "select permit_item_code from permit_binding where department_code = ? order by id",
                                holder),
                        rows(
                                "select id, status, published from random_draw where department_code = ? order by id",
                                holder),
                        rows(
                                "select task_id, status, fed_back_at from joint_task_participant where department_code = ? "
                                        + "order by task_id",
                                holder),
                        rows(
                                "select id, closed_at, version from joint_task where initiator_department_code = ? order by id",
                                holder),
                        place != Place.FOREIGN_REGION
                                ? ""
                                : rows(
                                                "select cert_no, version from certificate where department_code = ? order by id",
                                                holder)
                                        + String.valueOf(db.rows(
                                                "select version, name, region_code from subject where credit_code = ?",
                                                holder.subject())))));
        return prints;
    }

    private String rows(String sql, Holder holder) {
        return String.valueOf(db.rows(sql, holder.code()));
    }

    // ---- the calls -------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static List<Operation> operations() {
        Map<String, Map<String, Object>> paths = JsonPath.from(given().accept("application/json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((template, byMethod) -> {
            if (!template.startsWith("/api/")) {
                return;
            }
            byMethod.forEach((method, value) -> {
                if (!METHODS.contains(method)) {
                    return;
                }
                Map<String, Object> operation = (Map<String, Object>) value;
                List<Map<String, List<String>>> security =
                        (List<Map<String, List<String>>>) operation.getOrDefault("security", List.of());
                Operation found = new Operation(
                        method,
                        template,
                        (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of()),
                        security.isEmpty()
                                ? List.of()
                                : security.get(0).values().iterator().next());
                if (found.roles().isEmpty()) {
                    assertThat(NO_ROLE_OPERATIONS)
                            .as("an operation without roles is a visible decision")
                            .contains(found.toString());
                    return;
                }
                operations.add(found);
            });
        });
        // Reads, then creations, then changes, then deletions: a role's own writes succeed before its own release.
        operations.sort(java.util.Comparator.comparing((Operation operation) -> METHODS.indexOf(operation.method()))
                .thenComparing(Operation::template));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private Response call(Operation operation, String token, Holder target) {
        RequestSpecification request = given().auth().oauth2(token).contentType("application/json");
        Object body = body(operation, target);
        request = request.body(body == null ? "{}" : body);
        String path = operation.template();
        for (Map<String, Object> parameter : operation.parameters()) {
            String name = (String) parameter.get("name");
            Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
            String value = value(operation, name, target, schema);
            if ("path".equals(parameter.get("in"))) {
                path = path.replace("{" + name + "}", value == null ? "SAMPLE_1" : value);
            } else if ("query".equals(parameter.get("in")) && value != null) {
                request = request.queryParam(name, value);
            }
        }
        return request.request(operation.method().toUpperCase(), path);
    }

    private static String value(Operation operation, String name, Holder target, Map<String, Object> schema) {
        String template = operation.template();
        switch (name) {
            case "department":
            case "departmentCode":
                return target.code();
            case "region":
                return target.department().regionCode();
            case "code":
                return target.department().inspectionItem();
            case "creditCode":
                return target.subject();
            case "issuer":
                return "GX_REC";
            case "certNo":
                return operation.method().equals("put")
                        ? target.newCertificate()
                        : target.department().officerA();
            case "system":
                return "ssj";
            case "name":
                return "矩阵";
            case "reason":
                return "矩阵测试";
            case "id":
                if (template.startsWith("/api/v1/records")) {
                    return String.valueOf(target.record());
                }
                if (template.startsWith("/api/v1/upload-jobs")) {
                    return target.job().toString();
                }
                if (template.startsWith("/api/v1/complaints")) {
                    return String.valueOf(target.complaint());
                }
                if (template.startsWith("/api/v1/risk-clues")) {
                    return String.valueOf(target.riskClue());
                }
                if (template.startsWith("/api/v1/tasks")) {
                    return String.valueOf(target.task());
                }
                if (template.startsWith("/api/v1/random-plans")) {
                    return String.valueOf(target.randomPlan());
                }
                if (template.startsWith("/api/v1/random-draws")) {
                    return String.valueOf(target.randomDraw());
                }
                if (template.startsWith("/api/v1/joint-tasks")) {
                    return String.valueOf(target.jointTask());
                }
                return "999999999";
            default:
                return schema.get("enum") instanceof List<?> options && !options.isEmpty()
                        ? String.valueOf(options.get(0))
                        : null;
        }
    }

    /** A body valid enough that the scope answers, about the target's objects; null for {@code {}}. */
    private Object body(Operation operation, Holder target) {
        RecordFixture.Department department = target.department();
        Map<String, Function<Holder, Object>> bodies = new LinkedHashMap<>();
        bodies.put("POST /api/v1/items/{code}/claims", h -> Map.of("departmentCode", h.code()));
        bodies.put(
                "PUT /api/v1/items/{code}/claims/{departmentCode}/implementation-list",
                h -> Map.of(
                        "implementingBodyName", "矩阵测试局",
                        "implementingBodyCreditCode", h.department().creditCode(),
                        "exerciseLevel", 3,
                        "supervisedObject", "食品生产企业",
                        "checkForm", "ON_SITE",
                        "randomInspection", false,
                        "checkContent", "矩阵测试"));
        bodies.put(
                "PUT /api/v1/subjects/{creditCode}",
                h -> Map.of("source", "matrix", "name", "矩阵测试公司（改）", "regionCode", h.subjectRegion()));
        bodies.put(
                "POST /api/v1/subjects/persons",
                h -> Map.of("source", "matrix", "idNumber", idNumber(), "name", "矩阵", "regionCode", h.subjectRegion()));
        bodies.put("POST /api/v1/subjects/persons/lookup", h -> Map.of("idNumber", idNumber()));
        bodies.put(
                "PUT /api/v1/credentials/{issuer}/{certNo}",
                h -> Map.of(
                        "holder", Map.of("name", "矩阵", "idNumber", idNumber(), "departmentCode", h.code()),
                        "kind", "PROVINCIAL",
                        "validFrom", RecordFixture.TODAY.minusYears(1).toString(),
                        "validTo", RecordFixture.TODAY.plusYears(1).toString(),
                        "categories", List.of("SAMR"),
                        "status", "VALID"));
        bodies.put(
                "POST /api/v1/credentials/check",
                h -> Map.of(
                        "itemCode", h.department().inspectionItem(),
                        "certificates",
                                List.of(
                                        Map.of(
                                                "issuer",
                                                "GX_REC",
                                                "certNo",
                                                h.department().officerA()),
                                        Map.of(
                                                "issuer",
                                                "GX_REC",
                                                "certNo",
                                                h.department().officerB()))));
        bodies.put(
                "POST /api/v1/credentials/e-credential",
                h -> Map.of("issuer", "GX_REC", "certNo", h.department().officerA()));
        bodies.put(
                "POST /api/v1/permits/bindings",
                h -> Map.of(
                        "permitItemCode",
                        "MX-" + h.department().inspectionItem(),
                        "itemCode",
                        h.department().inspectionItem()));
        bodies.put(
                "POST /api/v1/records",
                h -> h.department().systemToken() == null
                        ? List.of(Map.of())
                        : List.of(fixture.inspection(h.department())));
        bodies.put(
                "PUT /api/v1/departments/{departmentCode}",
                h -> Map.of(
                        "name", "矩阵测试局",
                        "creditCode", h.department().creditCode(),
                        "regionCode", h.department().regionCode(),
                        "level", "CITY",
                        "sectorCodes", List.of("SAMR")));
        bodies.put(
                "PUT /api/v1/departments/{departmentCode}/administrators",
                h -> Map.of("administrators", List.of("matrix-admin")));
        for (String kind : List.of("complaints", "risk-clues", "tasks")) {
            bodies.put("POST /api/v1/" + kind + "/{id}/feedback", h -> Map.of("result", "矩阵测试已处理"));
        }
        bodies.put(
                "POST /api/v1/joint-tasks",
                h -> Map.of(
                        "title", "矩阵联合检查",
                        "initiatorDepartmentCode", h.code(),
                        "subjects", List.of(Map.of("creditCode", h.subject())),
                        "itemCodes", List.of(h.department().inspectionItem()),
                        "participants", List.of(h.code()),
                        "deadline", RecordFixture.TODAY.plusDays(10).toString()));
        bodies.put(
                "POST /api/v1/joint-tasks/{id}/participants/{departmentCode}/feedback",
                h -> Map.of("kind", "INSPECTION", "recordIds", List.of(h.record()), "suggestion", "矩阵测试已检查"));
        Function<Holder, Object> builder = bodies.get(operation.toString());
        return builder == null || department == null ? null : builder.apply(target);
    }

    private static String idNumber() {
        long n = Math.floorMod(System.nanoTime(), 15_000L);
        String first17 = "450103"
                + java.time.LocalDate.of(1970, 1, 1).plusDays(n).toString().replace("-", "")
                + String.format("%03d", Math.floorMod(System.nanoTime(), 1000L));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static String codeOf(Response response) {
        String type = response.getContentType();
        if (type != null && type.startsWith("application/problem+json")) {
            return response.jsonPath().getString("code");
        }
        return response.statusCode() < 300 ? null : type;
    }

    // ---- the report ------------------------------------------------------------------------------

    /** Writes every cell and the sizes to target/authorization-matrix.md; returns the summary line. */
    private static String report(List<Operation> operations, List<Cell> cells, int twins) {
        String summary = "authorization matrix: " + operations.size() + " operations x " + ROLES.size() + " roles x "
                + Place.values().length + " places = " + cells.size() + " calls (+" + twins
                + " calls of the same reads about nothing, to compare)";
        StringBuilder text = new StringBuilder("# Authorization matrix (generated by AuthorizationMatrixTest)\n\n")
                .append(summary)
                .append("\n\nEach cell: status and code for the caller's own department / another department of its ")
                .append("region / a department of another region.\n\n| operation |");
        ROLES.forEach(role -> text.append(' ').append(role).append(" |"));
        text.append("\n|---|").append("---|".repeat(ROLES.size())).append('\n');
        Map<String, Map<String, List<Cell>>> byOperation = new TreeMap<>();
        for (Cell cell : cells) {
            byOperation
                    .computeIfAbsent(cell.operation(), key -> new LinkedHashMap<>())
                    .computeIfAbsent(cell.role(), key -> new ArrayList<>())
                    .add(cell);
        }
        byOperation.forEach((operation, byRole) -> {
            text.append("| `").append(operation).append("` |");
            for (String role : ROLES) {
                text.append(' ')
                        .append(byRole.get(role).stream()
                                .map(cell -> cell.status() + (cell.code() == null ? "" : " " + cell.code()))
                                .collect(Collectors.joining(" / ")))
                        .append(" |");
            }
            text.append('\n');
        });
        try {
            Path target = Path.of("target", "authorization-matrix.md");
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summary;
    }
}
