package org.supervisionhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.record.MappedRecord;
import org.supervisionhub.record.RecordUploads;
import org.supervisionhub.record.UploadResult;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;
import org.supervisionhub.sync.PullPositions;

/**
 * Docked systems at work: their payloads mapped onto canonical records and fed through the upload pipeline (the same
 * validation and idempotency as the standard endpoint), and the hub's changes mapped back to their formats. Blocking.
 */
@ApplicationScoped
public class AdapterService {

    // The system's events after the cursor, by pull position (see sync.PullPositions), and, read in the same snapshot,
    // the last position handed out: when the page is not full, every event up to it has been looked at.
    private static final String CHANGES = """
            select h.last_position as horizon, c.* from outbox_pull_counter h left join lateral (
                select p.pull_position, o.aggregate_type, o.aggregate_id, o.event_type, o.payload::text as payload
                from outbox_pull_position p join outbox o on o.id = p.outbox_id
                where p.pull_position > $3 and o.target = $1 and o.aggregate_type = any($2)
                  and (o.payload->>'departmentCode' is null or o.payload->>'departmentCode' = $4)
                order by p.pull_position limit $5) c on true
            order by c.pull_position""";
    private static final String PENDING = """
            select count(*) from outbox o left join outbox_pull_position p on p.outbox_id = o.id
            where o.target = $1 and o.aggregate_type = any($2)
              and (p.pull_position > $3 or p.pull_position is null)
              and (o.payload->>'departmentCode' is null or o.payload->>'departmentCode' = $4)""";

    private static final String PUSH_FIGURES = """
            select count(*) filter (where o.status in ('PENDING', 'IN_FLIGHT')) as pending,
                   count(*) filter (where o.status = 'DEAD') as dead,
                   coalesce(extract(epoch from now() - min(o.created_at)
                       filter (where o.status in ('PENDING', 'IN_FLIGHT'))), 0)::bigint as lag_seconds,
                   (select failing_since from sync_target_state where target = $1) as failing_since,
                   (select last_error from sync_target_state where target = $1) as last_error
            from outbox o where o.target = $1 and o.status <> 'DELIVERED'""";

    @Inject
    AdapterRegistry registry;

    @Inject
    RecordUploads uploads;

    @Inject
    org.supervisionhub.record.UploadLimits limits;

    @Inject
    InboundTargets targets;

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    @Inject
    DepartmentScope departments;

    @Inject
    PullPositions positions;

    @Inject
    jakarta.enterprise.inject.Instance<AdapterRouteStatus> routeStatus;

    private final Map<String, Health> health = new ConcurrentHashMap<>();

    private static final class Health {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        volatile OffsetDateTime lastSuccessAt;
        volatile OffsetDateTime lastFailureAt;
        volatile String lastFailure;
        volatile Long lastPulledCursor;
    }

    /**
     * Maps the system's payload (JSON, or XML read by {@link XmlPayloads}) and uploads the records; answers in the
     * system's terms when its descriptor says so. With {@code dryRun} (试运行) the payload is mapped and validated
     * exactly the same way, but nothing is stored, no event queued and the adapter's figures are left alone: the answer
     * gives the counts and issues the real call would give, with every record's mapping, and one ADAPTER_DRY_RUN audit
     * entry is written. Only kinds whose target is behaviour records offer a dry run.
     */
    public JsonNode receive(
            Caller caller,
            String clientId,
            String system,
            String kind,
            JsonNode payload,
            AdapterDescriptor.Format format,
            boolean dryRun) {
        AdapterDescriptor descriptor = registry.usable(system);
        requireClient(descriptor, clientId);
        AdapterDescriptor.Inbound inbound =
                descriptor.inbound() == null ? null : descriptor.inbound().get(kind);
        if (inbound == null) {
            throw HubException.notFound("INBOUND_KIND_NOT_FOUND", system + " sends no '" + kind + "'");
        }
        if (inbound.effectiveFormat() != format) {
            boolean xml = inbound.effectiveFormat() == AdapterDescriptor.Format.XML;
            throw new HubException(
                    415,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "Unsupported media type",
                    system + " sends '" + kind + "' as "
                            + (xml ? "XML: use application/xml" : "JSON: use application/json"),
                    List.of());
        }
        if (dryRun && inbound.effectiveTarget() != AdapterDescriptor.Target.RECORD) {
            throw HubException.badRequest(
                    "DRY_RUN_UNSUPPORTED",
                    system + " sends '" + kind + "' as " + inbound.effectiveTarget()
                            + " items; a dry run covers kinds that become behaviour records");
        }
        String department = caller.scope().ownDepartment();
        // A dry run's failures and counts stay out of the adapter's figures: they describe its real traffic.
        Health figures = dryRun ? new Health() : health(system);
        figures.calls.incrementAndGet();
        JsonNode list = AdapterMappings.recordsAt(inbound, payload);
        if (list == null || !(list.isArray() || list.isObject())) {
            fail(figures, "no records at '" + inbound.records() + "'");
            throw HubException.badRequest(
                    "PAYLOAD_UNEXPECTED", "the payload holds no records at '" + inbound.records() + "'");
        }
        if (list.size() > limits.maxJsonRecords()) {
            fail(figures, list.size() + " records in one call");
            throw new HubException(
                    413,
                    "PAYLOAD_TOO_LARGE",
                    "Payload too large",
                    "one call holds at most " + limits.maxJsonRecords() + " records, like POST /api/v1/records",
                    List.of());
        }
        List<MappedRecord> records = new ArrayList<>();
        for (JsonNode element : elements(list)) {
            records.add(map(descriptor, inbound, payload, element));
        }
        if (records.isEmpty()) {
            throw HubException.badRequest("BODY_EMPTY", "the payload holds no records");
        }
        ObjectNode answer = dryRun
                ? mapper.valueToTree(uploads.dryRunMapped(
                        caller,
                        department,
                        records,
                        "ADAPTER_DRY_RUN",
                        Map.of("system", descriptor.system(), "kind", kind)))
                : mapper.valueToTree(write(caller, department, descriptor, kind, inbound, records, figures));
        if (inbound.response() != null) {
            ObjectNode renamed = mapper.createObjectNode();
            answer.fields()
                    .forEachRemaining(field -> renamed.set(
                            inbound.response().getOrDefault(field.getKey(), field.getKey()), field.getValue()));
            return renamed;
        }
        return answer;
    }

    /**
     * Records of the system read by another route (a staging table, 前置库), already mapped: written through the same
     * validation and idempotent writes as {@link #receive}, and counted in the same health figures. The caller acts as
     * the system for its owner department.
     */
    public UploadResult write(Caller caller, AdapterDescriptor descriptor, String kind, List<MappedRecord> records) {
        Health figures = health(descriptor.system());
        figures.calls.incrementAndGet();
        return write(
                caller,
                caller.scope().ownDepartment(),
                descriptor,
                kind,
                descriptor.inbound().get(kind),
                records,
                figures);
    }

    private UploadResult write(
            Caller caller,
            String department,
            AdapterDescriptor descriptor,
            String kind,
            AdapterDescriptor.Inbound inbound,
            List<MappedRecord> records,
            Health figures) {
        UploadResult result = inbound.effectiveTarget() == AdapterDescriptor.Target.RECORD
                ? uploads.runMapped(caller, department, records, "adapter:" + descriptor.system() + ":" + kind)
                : targets.write(
                        caller,
                        descriptor.system(),
                        inbound.effectiveTarget(),
                        records.stream().map(MappedRecord::canonical).toList(),
                        records.stream().map(MappedRecord::failure).toList());
        figures.accepted.addAndGet(result.accepted() + result.updated() + result.unchanged() + result.deleted());
        figures.rejected.addAndGet(result.rejected());
        figures.lastSuccessAt = OffsetDateTime.now(WireTime.ZONE);
        return result;
    }

    /**
     * The system's changes after the cursor, mapped to its format. The cursor is a pull position: events get one only
     * once every older transaction has ended, so the cursor never moves past an event that commits later.
     */
    public ChangesView changes(Caller caller, String clientId, String system, long since, int limit) {
        AdapterDescriptor descriptor = registry.usable(system);
        requireClient(descriptor, clientId);
        ChangesView view = changes(descriptor, caller.scope().department().orElse(null), since, limit);
        health(system).lastPulledCursor = view.nextCursor();
        return view;
    }

    /**
     * The changes for a system after the cursor, mapped to its format, as {@code GET .../changes} gives them to a
     * caller of the department (another route, such as the staging tables' 回流, reads them through this).
     */
    public ChangesView changes(AdapterDescriptor descriptor, String department, long since, int limit) {
        List<String> events = descriptor.subscriptions();
        positions.assign();
        List<ChangesView.Change> items = new ArrayList<>();
        long cursor = since;
        long horizon = since;
        int rows = 0;
        for (Row row : pool.preparedQuery(CHANGES)
                .execute(Tuple.of(
                        org.supervisionhub.sync.Outbox.NATIONAL,
                        events.toArray(String[]::new),
                        since,
                        department,
                        limit))
                .await()
                .indefinitely()) {
            horizon = Math.max(since, row.getLong("horizon"));
            if (row.getLong("pull_position") == null) {
                continue;
            }
            rows++;
            cursor = row.getLong("pull_position");
            String event = row.getString("aggregate_type");
            Map<String, Object> data = null;
            String error = null;
            try {
                JsonNode payload = mapper.readTree(row.getString("payload"));
                if (!descriptor.outbound().wants(event, payload)) {
                    continue;
                }
                data = mapper.convertValue(AdapterMappings.outboundPayload(descriptor, event, payload), Map.class);
            } catch (FieldMapper.MappingException e) {
                error = e.field() + ": " + e.getMessage();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                error = "unreadable event";
            }
            items.add(new ChangesView.Change(
                    cursor, event, row.getString("event_type"), row.getString("aggregate_id"), data, error));
        }
        // A full page may stop short of later events; otherwise every event up to the horizon has been looked at.
        long next = rows == limit ? cursor : horizon;
        return new ChangesView(descriptor.system(), items, next);
    }

    /** The adapters the caller may see: all for the hub's operators, those of its region's departments for a region. */
    public List<AdapterView> list(Caller caller) {
        return registry.all().values().stream()
                .filter(adapter -> visible(caller, adapter.descriptor()))
                .map(this::view)
                .toList();
    }

    /**
     * One adapter's health: a docked system sees only its own (by its OIDC client, like inbound and changes); a
     * region-admin those owned by a department of its region, others reading as unknown.
     */
    public AdapterView view(Caller caller, String clientId, String system) {
        AdapterRegistry.Loaded adapter = registry.find(system).orElseThrow(() -> notFound(system));
        Scope scope = caller.scope();
        scope.requireBound();
        if (!scope.isAll() && !(scope instanceof Scope.Region)) {
            if (adapter.descriptor() == null) {
                throw notFound(system);
            }
            requireClient(adapter.descriptor(), clientId);
        } else if (!visible(caller, adapter.descriptor())) {
            throw notFound(system);
        }
        return view(adapter);
    }

    /** Whether the adapter's stored owner (the department its descriptor names, by its stored region) is in scope. */
    private boolean visible(Caller caller, AdapterDescriptor descriptor) {
        Scope scope = caller.scope();
        if (scope.isAll()) {
            return true;
        }
        if (descriptor == null || descriptor.ownerDepartment() == null) {
            return false;
        }
        return departments
                .storedRegion(descriptor.ownerDepartment())
                .map(region -> scope.covers(Scope.Owner.department(descriptor.ownerDepartment(), region)))
                .orElse(false);
    }

    private AdapterView view(AdapterRegistry.Loaded adapter) {
        AdapterDescriptor descriptor = adapter.descriptor();
        Health figures = health(adapter.system());
        Long pending = null;
        if (adapter.enabled() && !descriptor.subscriptions().isEmpty()) {
            pending = pool.preparedQuery(PENDING)
                    .execute(Tuple.of(
                            org.supervisionhub.sync.Outbox.NATIONAL,
                            descriptor.subscriptions().toArray(String[]::new),
                            figures.lastPulledCursor == null ? 0L : figures.lastPulledCursor,
                            descriptor.ownerDepartment()))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next()
                    .getLong(0);
        }
        Long pushPending = null;
        Long pushDead = null;
        Long pushLag = null;
        OffsetDateTime failingSince = null;
        String pushError = null;
        if (adapter.enabled()
                && descriptor.outbound() != null
                && descriptor.outbound().url() != null) {
            Row push = pool.preparedQuery(PUSH_FIGURES)
                    .execute(Tuple.of(adapter.system()))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next();
            pushPending = push.getLong("pending");
            pushDead = push.getLong("dead");
            pushLag = push.getLong("lag_seconds");
            failingSince = push.getOffsetDateTime("failing_since");
            pushError = push.getString("last_error");
        }
        return new AdapterView(
                adapter.system(),
                descriptor == null ? null : descriptor.name(),
                descriptor == null ? null : descriptor.ownerDepartment(),
                adapter.enabled() ? "UP" : "DISABLED",
                descriptor == null || descriptor.inbound() == null
                        ? List.of()
                        : List.copyOf(descriptor.inbound().keySet()),
                descriptor == null ? List.of() : descriptor.subscriptions(),
                adapter.problems().isEmpty() ? null : adapter.problems(),
                figures.calls.get(),
                figures.accepted.get(),
                figures.rejected.get(),
                figures.lastSuccessAt,
                figures.lastFailureAt,
                figures.lastFailure,
                figures.lastPulledCursor,
                pending,
                pushPending,
                pushDead,
                pushLag,
                WireTime.of(failingSince),
                pushError,
                stagingRoutes(adapter));
    }

    /** The staging-db routes' cursors, lag and errors (null when the adapter has none). */
    private List<AdapterView.StagingRoute> stagingRoutes(AdapterRegistry.Loaded adapter) {
        if (!adapter.enabled() || !StagingDescriptors.usesStagingDb(adapter.descriptor())) {
            return null;
        }
        List<AdapterView.StagingRoute> routes = new ArrayList<>();
        routeStatus.forEach(status -> routes.addAll(status.routes(adapter.descriptor())));
        return routes;
    }

    /** One element of the system's payload mapped by the kind's rules, or the reason it could not be. */
    public static MappedRecord map(AdapterDescriptor descriptor, AdapterDescriptor.Inbound inbound, JsonNode element) {
        return AdapterMappings.map(descriptor, inbound, element);
    }

    private static MappedRecord map(
            AdapterDescriptor descriptor, AdapterDescriptor.Inbound inbound, JsonNode payload, JsonNode element) {
        return AdapterMappings.map(descriptor, inbound, payload, element);
    }

    static Iterable<JsonNode> elements(JsonNode list) {
        return AdapterMappings.elements(list);
    }

    /** One record of the system's payload in the canonical shape (see {@link AdapterMappings}). */
    public static ObjectNode canonicalRecord(
            AdapterDescriptor descriptor, AdapterDescriptor.Inbound inbound, JsonNode element) {
        return AdapterMappings.canonicalRecord(descriptor, inbound, element);
    }

    /** A system's data comes only from its own OIDC client: another system's token cannot act as it. */
    private static void requireClient(AdapterDescriptor descriptor, String clientId) {
        String expected = descriptor.auth().inboundClientId();
        if (expected == null || !expected.equals(clientId)) {
            throw HubException.forbidden(
                    "ADAPTER_CLIENT_MISMATCH", "only the client " + expected + " acts as " + descriptor.system());
        }
    }

    private Health health(String system) {
        return health.computeIfAbsent(system, key -> new Health());
    }

    private static void fail(Health figures, String reason) {
        figures.lastFailureAt = OffsetDateTime.now(WireTime.ZONE);
        figures.lastFailure = reason;
    }

    private static HubException notFound(String system) {
        return HubException.notFound("ADAPTER_NOT_FOUND", "no adapter " + system);
    }
}
