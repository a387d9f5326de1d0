package org.supervisionhub.item;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Json;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.events.ClaimReleased;
import org.supervisionhub.security.Caller;
import org.supervisionhub.sync.Outbox;

/**
 * The one catalog upsert, on the caller's reactive-client connection and inside its transaction: the API's
 * {@code PUT /items/{code}} (through {@link CatalogService#upsert}) and the national platform's items callback (the
 * inbox handler) both write through it. Validation, versions, content hash, audit entries and the cancellation
 * cascade (claims released with their events, sub-items of a cancelled main item cancelled). Blocking: call from a
 * worker thread.
 */
@ApplicationScoped
public class CatalogWriter {

    private static final String PARENT = "select parent_code from catalog_item where code = $1";
    private static final String LOCK = "select * from catalog_item where code = $1 for update";
    private static final String READ = "select * from catalog_item where code = $1";
    private static final String CHILD_COUNT = "select count(*) as n from catalog_item where parent_code = $1";
    private static final String LIVE_CHILDREN = """
            select * from catalog_item where parent_code = $1 and status <> 'CANCELLED' order by code for update""";
    private static final String INSERT = """
            insert into catalog_item (code, name, parent_code, item_type, sector_code, legal_basis, supervised_object,
                                      method, catalog_level, status, effective_date, cancel_date, catalog_version,
                                      version, content_hash, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now(), now())""";
    private static final String UPDATE = """
            update catalog_item set name = $2, parent_code = $3, item_type = $4, sector_code = $5, legal_basis = $6,
                   supervised_object = $7, method = $8, catalog_level = $9, status = $10, effective_date = $11,
                   cancel_date = $12, catalog_version = $13, version = $14, content_hash = $15, updated_at = now()
            where code = $1""";
    private static final String VERSION = """
            insert into catalog_item_version (item_code, version, snapshot, change_reason, changed_by, changed_at)
            values ($1, $2, cast($3::text as jsonb), $4, $5, now())""";
    private static final String RELEASE = """
            with released as (
                update item_claim set status = 'RELEASED', released_at = now(), released_by = $2, release_reason = $3
                where item_code = $1 and status = 'ACTIVE'
                returning id, item_code, department_code, claimed_at, claimed_by, released_at, released_by,
                          release_reason)
            select r.*, d.credit_code, d.region_code from released r join department d on d.code = r.department_code
            order by r.id""";

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Json json;

    /**
     * Creates the item, or records a new version when its content changed; an identical re-send changes nothing.
     * Cancelling releases the item's claims (and cancels the sub-items of a main item).
     */
    public ItemUpsertResult upsert(SqlConnection connection, Caller caller, String code, CatalogItemRequest request) {
        validateFields(code, request);
        checkParent(connection, request);
        RowSet<Row> existing =
                connection.preparedQuery(LOCK).execute(Tuple.of(code)).await().indefinitely();
        ItemUpsertResult.Outcome outcome;
        int released = 0;
        if (existing.size() == 0) {
            create(connection, caller, code, request);
            outcome = ItemUpsertResult.Outcome.CREATED;
        } else if (hash(request).equals(existing.iterator().next().getString("content_hash"))) {
            outcome = ItemUpsertResult.Outcome.UNCHANGED;
        } else {
            released = update(connection, caller, existing.iterator().next(), request);
            outcome = ItemUpsertResult.Outcome.UPDATED;
        }
        Row stored = connection
                .preparedQuery(READ)
                .execute(Tuple.of(code))
                .await()
                .indefinitely()
                .iterator()
                .next();
        return new ItemUpsertResult(outcome, CatalogItemView.of(stored), released);
    }

    private void create(SqlConnection connection, Caller caller, String code, CatalogItemRequest request) {
        connection
                .preparedQuery(INSERT)
                .execute(values(code, request, 1))
                .await()
                .indefinitely();
        recordVersion(connection, caller, code, 1, request, request.changeReason());
        audit.record(
                connection,
                caller,
                "ITEM_CREATED",
                "catalog_item",
                code,
                Map.of("version", 1, "status", request.status().name()));
    }

    /** A changed item: its new version; the claims released when it was cancelled. */
    private int update(SqlConnection connection, Caller caller, Row item, CatalogItemRequest request) {
        String code = item.getString("code");
        if (request.parentCode() != null
                && item.getString("parent_code") == null
                && connection
                                .preparedQuery(CHILD_COUNT)
                                .execute(Tuple.of(code))
                                .await()
                                .indefinitely()
                                .iterator()
                                .next()
                                .getLong("n")
                        > 0) {
            throw HubException.unprocessable(
                    "ITEM_HAS_SUB_ITEMS",
                    "a main item with sub-items cannot become a sub-item",
                    new FieldError("parentCode", "ITEM_HAS_SUB_ITEMS", "this item has sub-items"));
        }
        ItemStatus before = ItemStatus.valueOf(item.getString("status"));
        int version = item.getInteger("version") + 1;
        connection
                .preparedQuery(UPDATE)
                .execute(values(code, request, version))
                .await()
                .indefinitely();
        recordVersion(connection, caller, code, version, request, request.changeReason());
        audit.record(
                connection,
                caller,
                "ITEM_UPDATED",
                "catalog_item",
                code,
                Map.of(
                        "version",
                        version,
                        "status",
                        request.status().name(),
                        "reason",
                        request.changeReason() == null ? "" : request.changeReason()));
        if (before != ItemStatus.CANCELLED && request.status() == ItemStatus.CANCELLED) {
            return cancelConsequences(connection, caller, code, request.parentCode() != null, request.changeReason());
        }
        return 0;
    }

    /** Releases the item's claims; for a main item, also cancels its sub-items that are still in force. */
    private int cancelConsequences(
            SqlConnection connection, Caller caller, String code, boolean subItem, String reason) {
        int released = releaseClaims(connection, caller, code, "ITEM_CANCELLED: " + reason);
        if (subItem) {
            return released;
        }
        List<Row> children = new ArrayList<>();
        connection
                .preparedQuery(LIVE_CHILDREN)
                .execute(Tuple.of(code))
                .await()
                .indefinitely()
                .forEach(children::add);
        for (Row child : children) {
            CatalogItemRequest current = requestOf(child, reason);
            LocalDate cancelDate = current.cancelDate();
            if (cancelDate == null) {
                // Today, but never before the sub-item takes effect (the schema requires cancel >= effective).
                LocalDate today = LocalDate.now(WireTime.ZONE);
                cancelDate = current.effectiveDate() != null
                                && current.effectiveDate().isAfter(today)
                        ? current.effectiveDate()
                        : today;
            }
            String childReason = "main item " + code + " cancelled: " + reason;
            CatalogItemRequest cancelled = new CatalogItemRequest(
                    current.name(),
                    current.parentCode(),
                    current.itemType(),
                    current.sectorCode(),
                    current.legalBasis(),
                    current.supervisedObject(),
                    current.method(),
                    current.catalogLevel(),
                    ItemStatus.CANCELLED,
                    current.effectiveDate(),
                    cancelDate,
                    current.catalogVersion(),
                    childReason);
            String childCode = child.getString("code");
            int version = child.getInteger("version") + 1;
            connection
                    .preparedQuery(UPDATE)
                    .execute(values(childCode, cancelled, version))
                    .await()
                    .indefinitely();
            recordVersion(connection, caller, childCode, version, cancelled, childReason);
            audit.record(
                    connection,
                    caller,
                    "ITEM_UPDATED",
                    "catalog_item",
                    childCode,
                    Map.of("version", version, "status", ItemStatus.CANCELLED.name(), "reason", childReason));
            released += releaseClaims(connection, caller, childCode, "ITEM_CANCELLED: " + childReason);
        }
        return released;
    }

    private int releaseClaims(SqlConnection connection, Caller caller, String code, String reason) {
        int released = 0;
        for (Row row : connection
                .preparedQuery(RELEASE)
                .execute(Tuple.of(code, caller.auditName(), reason))
                .await()
                .indefinitely()) {
            released++;
            long claimId = row.getLong("id");
            String itemCode = row.getString("item_code");
            String departmentCode = row.getString("department_code");
            audit.record(
                    connection,
                    caller,
                    "CLAIM_RELEASED",
                    "item_claim",
                    String.valueOf(claimId),
                    Map.of("itemCode", itemCode, "departmentCode", departmentCode, "reason", reason));
            outbox.enqueue(
                    connection,
                    new ClaimReleased(
                            claimId,
                            itemCode,
                            departmentCode,
                            row.getString("credit_code"),
                            row.getString("region_code"),
                            ClaimStatus.RELEASED.name(),
                            row.getOffsetDateTime("claimed_at").toInstant(),
                            row.getOffsetDateTime("released_at").toInstant(),
                            row.getString("release_reason")));
        }
        return released;
    }

    private void checkParent(SqlConnection connection, CatalogItemRequest request) {
        if (request.parentCode() == null) {
            return;
        }
        RowSet<Row> parent = connection
                .preparedQuery(PARENT)
                .execute(Tuple.of(request.parentCode()))
                .await()
                .indefinitely();
        if (parent.size() == 0) {
            throw HubException.unprocessable(
                    "PARENT_ITEM_NOT_FOUND",
                    "the main item does not exist",
                    new FieldError("parentCode", "PARENT_ITEM_NOT_FOUND", "no catalog item " + request.parentCode()));
        }
        if (parent.iterator().next().getString("parent_code") != null) {
            throw HubException.unprocessable(
                    "PARENT_ITEM_INVALID",
                    "a sub-item cannot have sub-items",
                    new FieldError("parentCode", "PARENT_ITEM_INVALID", request.parentCode() + " is a sub-item"));
        }
    }

    private void recordVersion(
            SqlConnection connection,
            Caller caller,
            String code,
            int version,
            CatalogItemRequest content,
            String reason) {
        // The snapshot holds what is stored: the name without surrounding blanks.
        CatalogItemRequest stored = new CatalogItemRequest(
                content.name().strip(),
                content.parentCode(),
                content.itemType(),
                content.sectorCode(),
                content.legalBasis(),
                content.supervisedObject(),
                content.method(),
                content.catalogLevel(),
                content.status(),
                content.effectiveDate(),
                content.cancelDate(),
                content.catalogVersion(),
                reason);
        connection
                .preparedQuery(VERSION)
                .execute(Tuple.of(code, version, json.write(stored.content()), reason, caller.auditName()))
                .await()
                .indefinitely();
    }

    private Tuple values(String code, CatalogItemRequest request, int version) {
        return Tuple.from(new Object[] {
            code,
            request.name().strip(),
            request.parentCode(),
            request.itemType() == null ? null : request.itemType().name(),
            request.sectorCode(),
            request.legalBasis(),
            request.supervisedObject(),
            request.method(),
            request.catalogLevel().name(),
            request.status().name(),
            request.effectiveDate(),
            request.cancelDate(),
            request.catalogVersion(),
            version,
            hash(request)
        });
    }

    private static CatalogItemRequest requestOf(Row item, String reason) {
        CatalogItemView stored = CatalogItemView.of(item);
        return new CatalogItemRequest(
                stored.name(),
                stored.parentCode(),
                stored.itemType(),
                stored.sectorCode(),
                stored.legalBasis(),
                stored.supervisedObject(),
                stored.method(),
                stored.catalogLevel(),
                stored.status(),
                stored.effectiveDate(),
                stored.cancelDate(),
                stored.catalogVersion(),
                reason);
    }

    /** The rules of an item that Bean Validation cannot express (they span several fields). */
    static void validateFields(String code, CatalogItemRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.parentCode() != null && request.itemType() == null) {
            errors.add(new FieldError("itemType", "REQUIRED", "a sub-item needs its type"));
        }
        if (code.equals(request.parentCode())) {
            errors.add(new FieldError("parentCode", "PARENT_ITEM_INVALID", "an item cannot be its own main item"));
        }
        if (request.effectiveDate() != null
                && request.cancelDate() != null
                && request.cancelDate().isBefore(request.effectiveDate())) {
            errors.add(
                    new FieldError("cancelDate", "DATE_RANGE_INVALID", "the cancel date precedes the effective date"));
        }
        if (request.status() == ItemStatus.CANCELLED
                && (request.changeReason() == null || request.changeReason().isBlank())) {
            errors.add(new FieldError("changeReason", "REQUIRED", "say why the item is cancelled"));
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
    }

    /** The content hash that makes an identical re-send UNCHANGED. */
    private String hash(CatalogItemRequest request) {
        return org.supervisionhub.common.Hashes.sha256Hex(json.write(request.content()));
    }
}
