package org.supervisionhub.randominspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.Hashes;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.code.CreditCodes;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.common.pii.PersonalData;
import org.supervisionhub.events.RandomDrawAnnounced;
import org.supervisionhub.events.RandomDrawExecuted;
import org.supervisionhub.events.RandomDrawPublished;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;
import org.supervisionhub.sync.Outbox;

/**
 * Credit-graded 双随机 draws of a department's sampling plan. A draw is <em>announced</em> with a fresh seed and a
 * snapshot of its inputs (candidates from the subject library, inspectors with valid certificates covering the items'
 * sectors, the previous plan's pairs and the declared conflicts), both published before anything is drawn; it is
 * then <em>executed</em> by {@link DrawEngine}, a pure function of the two, so anyone can recompute it. Every write is
 * one transaction with its audit entry and typed event, decided by the plan's stored department. Blocking.
 */
@ApplicationScoped
public class RandomDraws {

    /** The bands of the ratio of each credit class, in percent (published municipal rules). */
    static final Map<String, BigDecimal[]> BANDS = Map.of(
            "A", new BigDecimal[] {BigDecimal.ZERO, BigDecimal.valueOf(5)},
            "B", new BigDecimal[] {BigDecimal.valueOf(5), BigDecimal.valueOf(20)},
            "C", new BigDecimal[] {BigDecimal.valueOf(21), BigDecimal.valueOf(60)},
            "D", new BigDecimal[] {BigDecimal.valueOf(61), BigDecimal.valueOf(100)});

    private static final String PLAN = """
            select p.id, p.department_code, d.region_code, d.name as department_name, p.name, p.item_codes, p.start_date
            from random_inspection_plan p join department d on d.code = p.department_code where p.id = $1""";
    private static final String SECTORS = """
            select distinct sector_code from catalog_item where code = any($1) order by sector_code""";
    // Organisations in business in the region (and industry), supervised through one of the items' sectors.
    private static final String CANDIDATES = """
            select s.credit_code, s.name, s.region_code, s.industry_code, s.credit_level from subject s
            where s.credit_code is not null and s.status = 'ACTIVE' and s.region_code like $1 || '%'
              and ($2::text is null or s.industry_code like $2 || '%')
              and exists (select 1 from industry_sector x where x.sector_code = any($3)
                          and coalesce(s.industry_code, '') like x.industry_prefix || '%')
            order by s.credit_code""";
    // The department's officers with a certificate valid on the day whose categories include every sector.
    private static final String INSPECTORS = """
            select distinct on (o.id) o.id, o.name, c.issuer, c.cert_no
            from officer o join certificate c on c.officer_id = o.id
            where o.department_code = $1 and c.status = 'VALID' and $2::date between c.valid_from and c.valid_to
              and (select count(*) from certificate_category cc
                   where cc.certificate_id = c.id and cc.category_code = any($3)) = cardinality($3)
            order by o.id, c.issuer, c.cert_no""";
    private static final String PREVIOUS_PLAN = """
            select id from random_inspection_plan
            where department_code = $1 and id <> $2 and (start_date < $3 or (start_date = $3 and id < $2))
            order by start_date desc, id desc limit 1""";
    // Who inspected whom in a plan: the platform's tasks (officers by certificate) and the hub's executed draws.
    private static final String PLAN_PAIRS = """
            select c.officer_id, t.subject_credit_code as credit_code
            from random_inspection_task t cross join lateral jsonb_array_elements(t.officers) o
            join certificate c on c.issuer = o ->> 'issuer' and c.cert_no = o ->> 'certNo'
            where t.plan_id = $1
            union
            select (i ->> 'officerId')::bigint, s ->> 'creditCode'
            from random_draw d cross join lateral jsonb_array_elements(cast(d.result as jsonb) -> 'subjects') s
                 cross join lateral jsonb_array_elements(s -> 'inspectors') i
            where d.plan_id = $1 and d.status = 'EXECUTED'
            order by 1, 2""";
    private static final String CONFLICTS = """
            select officer_id, subject_credit_code from random_draw_conflict where officer_id = any($1)
            order by officer_id, subject_credit_code""";
    private static final String INSERT = """
            insert into random_draw (plan_id, department_code, status, seed, inputs, inputs_hash, announced_by)
            values ($1, $2, 'ANNOUNCED', $3, $4, $5, $6) returning id, announced_at""";
    private static final String DRAW = """
            select d.*, p.name as plan_name, dep.region_code, dep.name as department_name
            from random_draw d join random_inspection_plan p on p.id = d.plan_id
            join department dep on dep.code = d.department_code where d.id = $1""";
    private static final String EXECUTE = """
            update random_draw set status = 'EXECUTED', result = $2, result_hash = $3, executed_at = now()
            where id = $1 and status = 'ANNOUNCED' returning executed_at""";
    private static final String PUBLISH = """
            update random_draw set published = true, published_at = now()
            where id = $1 and status = 'EXECUTED' and not published returning published_at""";
    private static final String PLAN_DRAWS = "select id from random_draw where plan_id = $1 order by id";
    private static final String CERTIFICATE = """
            select o.id, o.name, o.department_code, d.region_code
            from certificate c join officer o on o.id = c.officer_id join department d on d.code = o.department_code
            where c.issuer = $1 and c.cert_no = $2""";
    private static final String DECLARE = """
            insert into random_draw_conflict (department_code, officer_id, subject_credit_code, reason, declared_by)
            values ($1, $2, $3, $4, $5) on conflict (officer_id, subject_credit_code) do nothing returning id""";
    private static final String LIST_CONFLICTS = """
            select k.*, o.name as officer_name from random_draw_conflict k join officer o on o.id = k.officer_id
            where k.department_code = $1 order by k.id desc limit 500""";

    private static final SecureRandom SEEDS = new SecureRandom();

    private final Pool pool;
    private final BlockingTransactions transactions;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final DepartmentScope departments;
    private final ObjectMapper mapper;
    private final RandomDrawsConfig config;

    @Inject
    RandomDraws(
            Pool pool,
            BlockingTransactions transactions,
            AuditTrail audit,
            Outbox outbox,
            DepartmentScope departments,
            ObjectMapper mapper,
            RandomDrawsConfig config) {
        this.pool = pool;
        this.transactions = transactions;
        this.audit = audit;
        this.outbox = outbox;
        this.departments = departments;
        this.mapper = mapper;
        this.config = config;
    }

    /** Announces a draw of the plan: a new seed and the snapshot of its inputs, published before the draw. */
    public RandomDrawView announce(Caller caller, long planId, DrawRequest request) {
        Row plan = visiblePlan(caller, planId);
        String department = plan.getString("department_code");
        String departmentRegion = plan.getString("region_code");
        caller.scope().requireCanWrite(Scope.Owner.department(department, departmentRegion));
        DrawRequest asked = request == null ? new DrawRequest(null, null, null) : request;
        Map<String, BigDecimal> ratios = ratios(asked, departmentRegion);
        String region = asked.regionCode() == null ? departmentRegion : asked.regionCode();

        List<String> items = List.of(plan.getArrayOfStrings("item_codes"));
        LocalDate day = plan.getLocalDate("start_date");
        List<String> sectors = new ArrayList<>();
        for (Row row : query(SECTORS, Tuple.of(items.toArray(String[]::new)))) {
            sectors.add(row.getString("sector_code"));
        }
        String[] sectorArray = sectors.toArray(String[]::new);
        List<DrawInputs.Candidate> candidates = new ArrayList<>();
        for (Row row :
                query(CANDIDATES, Tuple.of(RegionCodes.scopePrefix(region), asked.industryCode(), sectorArray))) {
            candidates.add(new DrawInputs.Candidate(
                    row.getString("credit_code"),
                    row.getString("name"),
                    row.getString("region_code"),
                    row.getString("industry_code"),
                    creditClass(row.getString("credit_level"))));
        }
        List<DrawInputs.Inspector> inspectors = new ArrayList<>();
        for (Row row : query(INSPECTORS, Tuple.of(department, day, sectorArray))) {
            inspectors.add(new DrawInputs.Inspector(
                    row.getLong("id"), row.getString("name"), row.getString("issuer"), row.getString("cert_no")));
        }
        if (inspectors.size() < config.inspectorsPerSubject()) {
            throw HubException.conflict(
                    ErrorCode.RANDOM_DRAW_TOO_FEW_INSPECTORS,
                    "the department has " + inspectors.size() + " officers with a certificate valid on " + day
                            + " covering " + sectors);
        }
        Set<String> candidateCodes = new HashSet<>();
        candidates.forEach(candidate -> candidateCodes.add(candidate.creditCode()));
        Long[] officerIds =
                inspectors.stream().map(DrawInputs.Inspector::officerId).toArray(Long[]::new);
        List<DrawInputs.Pair> previous = new ArrayList<>();
        RowSet<Row> previousPlan = query(PREVIOUS_PLAN, Tuple.of(department, planId, day));
        if (previousPlan.size() > 0) {
            Set<Long> drawable = Set.of(officerIds);
            for (Row row :
                    query(PLAN_PAIRS, Tuple.of(previousPlan.iterator().next().getLong("id")))) {
                DrawInputs.Pair pair = new DrawInputs.Pair(row.getLong(0), row.getString(1));
                if (drawable.contains(pair.officerId()) && candidateCodes.contains(pair.creditCode())) {
                    previous.add(pair);
                }
            }
        }
        List<DrawInputs.Pair> conflicts = new ArrayList<>();
        for (Row row : query(CONFLICTS, Tuple.of((Object) officerIds))) {
            DrawInputs.Pair pair = new DrawInputs.Pair(row.getLong(0), row.getString(1));
            if (candidateCodes.contains(pair.creditCode())) {
                conflicts.add(pair);
            }
        }
        DrawInputs inputs = new DrawInputs(
                planId,
                department,
                day,
                items,
                sectors,
                region,
                asked.industryCode(),
                ratios,
                config.inspectorsPerSubject(),
                candidates,
                inspectors,
                previous,
                conflicts);
        String inputsText = json(inputs);
        String inputsHash = Hashes.sha256Hex(inputsText);
        byte[] seedBytes = new byte[32];
        SEEDS.nextBytes(seedBytes);
        String seed = HexFormat.of().formatHex(seedBytes);
        long id = transactions.inTransaction(connection -> {
            Row row = connection
                    .preparedQuery(INSERT)
                    .execute(Tuple.from(
                            new Object[] {planId, department, seed, inputsText, inputsHash, caller.auditName()}))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next();
            long drawId = row.getLong("id");
            outbox.enqueue(
                    connection,
                    new RandomDrawAnnounced(
                            drawId,
                            planId,
                            department,
                            seed,
                            inputsHash,
                            candidates.size(),
                            inspectors.size(),
                            row.getOffsetDateTime("announced_at").toInstant()));
            audit.record(
                    connection,
                    caller,
                    "RANDOM_DRAW_ANNOUNCED",
                    "random-draw",
                    String.valueOf(drawId),
                    Map.of(
                            "planId", planId,
                            "seed", seed,
                            "inputsHash", inputsHash,
                            "candidates", candidates.size(),
                            "inspectors", inspectors.size()));
            return drawId;
        });
        return get(caller, id);
    }

    /** Executes an announced draw from its seed and inputs; a second execution is refused. */
    public RandomDrawView execute(Caller caller, long id) {
        Row draw = visibleDraw(caller, id);
        requireWrite(caller, draw);
        if (!"ANNOUNCED".equals(draw.getString("status"))) {
            throw alreadyExecuted(id);
        }
        String seed = draw.getString("seed");
        DrawInputs inputs = read(draw.getString("inputs"), DrawInputs.class);
        DrawResult result = DrawEngine.draw(seed, inputs);
        String resultText = json(result);
        String resultHash = Hashes.sha256Hex(resultText);
        transactions.inTransaction(connection -> {
            RowSet<Row> updated = connection
                    .preparedQuery(EXECUTE)
                    .execute(Tuple.of(id, resultText, resultHash))
                    .await()
                    .indefinitely();
            if (updated.size() == 0) {
                throw alreadyExecuted(id);
            }
            outbox.enqueue(
                    connection,
                    new RandomDrawExecuted(
                            id,
                            inputs.planId(),
                            inputs.departmentCode(),
                            seed,
                            draw.getString("inputs_hash"),
                            resultHash,
                            result.subjects().size(),
                            updated.iterator()
                                    .next()
                                    .getOffsetDateTime("executed_at")
                                    .toInstant()));
            audit.record(
                    connection,
                    caller,
                    "RANDOM_DRAW_EXECUTED",
                    "random-draw",
                    String.valueOf(id),
                    Map.of(
                            "resultHash",
                            resultHash,
                            "subjects",
                            result.subjects().size()));
            return null;
        });
        return get(caller, id);
    }

    /** Makes an executed draw's result public (desensitised); publishing again changes nothing. */
    public RandomDrawView publish(Caller caller, long id) {
        Row draw = visibleDraw(caller, id);
        requireWrite(caller, draw);
        if (!"EXECUTED".equals(draw.getString("status"))) {
            throw HubException.conflict(ErrorCode.RANDOM_DRAW_NOT_EXECUTED, "draw " + id + " has not been executed");
        }
        if (!draw.getBoolean("published")) {
            transactions.inTransaction(connection -> {
                RowSet<Row> updated = connection
                        .preparedQuery(PUBLISH)
                        .execute(Tuple.of(id))
                        .await()
                        .indefinitely();
                if (updated.size() == 0) {
                    return null; // published meanwhile by another request
                }
                outbox.enqueue(
                        connection,
                        new RandomDrawPublished(
                                id,
                                draw.getLong("plan_id"),
                                draw.getString("department_code"),
                                draw.getString("result_hash"),
                                updated.iterator()
                                        .next()
                                        .getOffsetDateTime("published_at")
                                        .toInstant()));
                audit.record(connection, caller, "RANDOM_DRAW_PUBLISHED", "random-draw", String.valueOf(id), Map.of());
                return null;
            });
        }
        return get(caller, id);
    }

    public RandomDrawView get(Caller caller, long id) {
        return view(visibleDraw(caller, id));
    }

    /** The stored inputs, byte for byte the text whose SHA-256 is {@code inputsHash}. */
    public String inputsText(Caller caller, long id) {
        return visibleDraw(caller, id).getString("inputs");
    }

    public List<RandomDrawView> ofPlan(Caller caller, long planId) {
        visiblePlan(caller, planId);
        List<RandomDrawView> views = new ArrayList<>();
        for (Row row : query(PLAN_DRAWS, Tuple.of(planId))) {
            views.add(get(caller, row.getLong("id")));
        }
        return views;
    }

    /** Recomputes the draw from its stored seed and inputs and compares. */
    public DrawVerification verify(Caller caller, long id) {
        Row draw = visibleDraw(caller, id);
        if (!"EXECUTED".equals(draw.getString("status"))) {
            throw HubException.conflict(ErrorCode.RANDOM_DRAW_NOT_EXECUTED, "draw " + id + " has not been executed");
        }
        String inputsText = draw.getString("inputs");
        boolean intact = Hashes.sha256Hex(inputsText).equals(draw.getString("inputs_hash"));
        String recomputed =
                Hashes.sha256Hex(json(DrawEngine.draw(draw.getString("seed"), read(inputsText, DrawInputs.class))));
        String stored = draw.getString("result_hash");
        return new DrawVerification(id, intact, stored, recomputed, intact && recomputed.equals(stored));
    }

    /** A published draw for the public: no natural person's name or number. Unpublished reads as absent. */
    public PublicDrawView published(long id) {
        RowSet<Row> rows = query(DRAW, Tuple.of(id));
        if (rows.size() == 0 || !rows.iterator().next().getBoolean("published")) {
            throw drawNotFound(id);
        }
        Row draw = rows.iterator().next();
        DrawResult result = read(draw.getString("result"), DrawResult.class);
        return new PublicDrawView(
                id,
                draw.getString("department_code"),
                draw.getString("department_name"),
                draw.getString("plan_name"),
                draw.getString("seed"),
                draw.getString("inputs_hash"),
                draw.getString("result_hash"),
                result.classes(),
                result.subjects().stream()
                        .map(subject -> new PublicDrawView.Subject(
                                subject.creditCode(),
                                subject.name(),
                                subject.creditClass(),
                                subject.inspectors().stream()
                                        .map(inspector -> PersonalData.maskName(inspector.name()))
                                        .toList()))
                        .toList(),
                time(draw.getOffsetDateTime("executed_at")),
                time(draw.getOffsetDateTime("published_at")));
    }

    /** Declares that the certificate's holder must not inspect the subject; declaring it again changes nothing. */
    public ConflictView declareConflict(Caller caller, ConflictRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.issuer() == null || request.issuer().isBlank()) {
            errors.add(new FieldError("issuer", ErrorCode.REQUIRED, "the certificate's issuer"));
        }
        if (request == null || request.certNo() == null || request.certNo().isBlank()) {
            errors.add(new FieldError("certNo", ErrorCode.REQUIRED, "the certificate's number"));
        }
        if (request == null || request.subjectCreditCode() == null) {
            errors.add(new FieldError("subjectCreditCode", ErrorCode.REQUIRED, "the subject's credit code"));
        } else if (!CreditCodes.isValid(request.subjectCreditCode())) {
            errors.add(new FieldError("subjectCreditCode", ErrorCode.CREDIT_CODE_INVALID, "a valid credit code"));
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            errors.add(new FieldError("reason", ErrorCode.REQUIRED, "why the officer must stand aside"));
        } else if (request.reason().length() > 300) {
            errors.add(new FieldError("reason", ErrorCode.LENGTH_OUT_OF_RANGE, "at most 300 characters"));
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
        caller.scope().requireBound();
        RowSet<Row> found = query(CERTIFICATE, Tuple.of(request.issuer(), request.certNo()));
        Row holder = found.size() == 0 ? null : found.iterator().next();
        if (holder == null
                || !caller.scope()
                        .covers(Scope.Owner.department(
                                holder.getString("department_code"), holder.getString("region_code")))) {
            throw HubException.notFound(
                    ErrorCode.CERTIFICATE_NOT_FOUND, "no certificate " + request.issuer() + "/" + request.certNo());
        }
        String department = holder.getString("department_code");
        caller.scope().requireCanWrite(Scope.Owner.department(department, holder.getString("region_code")));
        long officer = holder.getLong("id");
        transactions.inTransaction(connection -> {
            RowSet<Row> inserted = connection
                    .preparedQuery(DECLARE)
                    .execute(Tuple.of(
                            department, officer, request.subjectCreditCode(), request.reason(), caller.auditName()))
                    .await()
                    .indefinitely();
            if (inserted.size() > 0) {
                audit.record(
                        connection,
                        caller,
                        "RANDOM_DRAW_CONFLICT_DECLARED",
                        "random-draw-conflict",
                        String.valueOf(inserted.iterator().next().getLong("id")),
                        Map.of("officerId", officer, "subject", request.subjectCreditCode()));
            }
            return null;
        });
        return conflicts(caller, department).stream()
                .filter(conflict -> conflict.officerId() == officer
                        && conflict.subjectCreditCode().equals(request.subjectCreditCode()))
                .findFirst()
                .orElseThrow();
    }

    public List<ConflictView> conflicts(Caller caller, String department) {
        String target = DepartmentScope.departmentToRead(
                caller, caller.scope().departmentFilter(department).orElse(null));
        departments.requireReadableNow(caller, target);
        List<ConflictView> views = new ArrayList<>();
        for (Row row : query(LIST_CONFLICTS, Tuple.of(target))) {
            views.add(new ConflictView(
                    row.getLong("id"),
                    row.getString("department_code"),
                    row.getLong("officer_id"),
                    row.getString("officer_name"),
                    row.getString("subject_credit_code"),
                    row.getString("reason"),
                    row.getString("declared_by"),
                    time(row.getOffsetDateTime("declared_at"))));
        }
        return views;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Map<String, BigDecimal> ratios(DrawRequest request, String departmentRegion) {
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        ratios.put("A", config.ratios().a());
        ratios.put("B", config.ratios().b());
        ratios.put("C", config.ratios().c());
        ratios.put("D", config.ratios().d());
        List<FieldError> errors = new ArrayList<>();
        if (request.ratios() != null) {
            request.ratios().forEach((creditClass, ratio) -> {
                if (!BANDS.containsKey(creditClass)) {
                    errors.add(new FieldError(
                            "ratios." + creditClass, ErrorCode.CREDIT_CLASS_INVALID, "a credit class: A, B, C or D"));
                } else if (ratio == null) {
                    errors.add(new FieldError("ratios." + creditClass, ErrorCode.REQUIRED, "a percentage"));
                } else {
                    ratios.put(creditClass, ratio);
                }
            });
        }
        ratios.forEach((creditClass, ratio) -> {
            BigDecimal[] band = BANDS.get(creditClass);
            if (ratio.compareTo(band[0]) < 0 || ratio.compareTo(band[1]) > 0) {
                errors.add(new FieldError(
                        "ratios." + creditClass,
                        ErrorCode.OUT_OF_RANGE,
                        "class " + creditClass + " samples between " + band[0] + "% and " + band[1] + "%"));
            }
        });
        if (request.regionCode() != null) {
            if (!RegionCodes.isValid(request.regionCode())) {
                errors.add(new FieldError("regionCode", ErrorCode.REGION_CODE_INVALID, "a GB/T 2260 region code"));
            } else if (!RegionCodes.contains(departmentRegion, request.regionCode())) {
                errors.add(new FieldError(
                        "regionCode",
                        ErrorCode.REGION_OUT_OF_SCOPE,
                        "within the department's region " + departmentRegion));
            }
        }
        if (request.industryCode() != null && !request.industryCode().matches("^[A-T]([0-9]{2,4})?$")) {
            errors.add(new FieldError(
                    "industryCode", ErrorCode.FORMAT_INVALID, "a GB/T 4754 section letter or division prefix"));
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
        return ratios;
    }

    /** The credit class of a stored credit level: its first letter when A-D; an unrated subject is class B. */
    static String creditClass(String level) {
        if (level != null && !level.isBlank()) {
            String first = level.trim().substring(0, 1).toUpperCase(java.util.Locale.ROOT);
            if (BANDS.containsKey(first)) {
                return first;
            }
        }
        return "B";
    }

    private Row visiblePlan(Caller caller, long planId) {
        caller.scope().requireBound();
        RowSet<Row> rows = query(PLAN, Tuple.of(planId));
        if (rows.size() == 0) {
            throw HubException.notFound(ErrorCode.RANDOM_PLAN_NOT_FOUND, "no sampling plan " + planId);
        }
        Row plan = rows.iterator().next();
        if (!caller.scope()
                .covers(Scope.Owner.department(plan.getString("department_code"), plan.getString("region_code")))) {
            throw HubException.notFound(ErrorCode.RANDOM_PLAN_NOT_FOUND, "no sampling plan " + planId);
        }
        return plan;
    }

    private Row visibleDraw(Caller caller, long id) {
        caller.scope().requireBound();
        RowSet<Row> rows = query(DRAW, Tuple.of(id));
        if (rows.size() == 0) {
            throw drawNotFound(id);
        }
        Row draw = rows.iterator().next();
        if (!caller.scope()
                .covers(Scope.Owner.department(draw.getString("department_code"), draw.getString("region_code")))) {
            throw drawNotFound(id);
        }
        return draw;
    }

    private static void requireWrite(Caller caller, Row draw) {
        caller.scope()
                .requireCanWrite(
                        Scope.Owner.department(draw.getString("department_code"), draw.getString("region_code")));
    }

    private RandomDrawView view(Row draw) {
        String result = draw.getString("result");
        return new RandomDrawView(
                draw.getLong("id"),
                draw.getLong("plan_id"),
                draw.getString("department_code"),
                draw.getString("status"),
                draw.getString("seed"),
                draw.getString("inputs_hash"),
                read(draw.getString("inputs"), DrawInputs.class),
                draw.getString("result_hash"),
                result == null ? null : read(result, DrawResult.class),
                draw.getBoolean("published"),
                draw.getString("announced_by"),
                time(draw.getOffsetDateTime("announced_at")),
                time(draw.getOffsetDateTime("executed_at")),
                time(draw.getOffsetDateTime("published_at")));
    }

    private static OffsetDateTime time(OffsetDateTime time) {
        return time == null ? null : WireTime.of(time);
    }

    private static HubException drawNotFound(long id) {
        return HubException.notFound(ErrorCode.RANDOM_DRAW_NOT_FOUND, "no draw " + id);
    }

    private static HubException alreadyExecuted(long id) {
        return HubException.conflict(ErrorCode.RANDOM_DRAW_ALREADY_EXECUTED, "draw " + id + " was executed already");
    }

    private RowSet<Row> query(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).await().indefinitely();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored draw JSON unreadable", e);
        }
    }
}
