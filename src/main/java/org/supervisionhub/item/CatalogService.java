package org.supervisionhub.item;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Json;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.security.Caller;

/** Maintains the supervision item catalog: versioned upserts, cancellation, and scoped listing. */
@ApplicationScoped
public class CatalogService {

    @Inject
    AuditTrail audit;

    @Inject
    ClaimService claims;

    @Inject
    DepartmentScope scope;

    @Inject
    Json json;

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> SNAPSHOT =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    @Inject
    ObjectMapper mapper;

    /**
     * Creates the item, or records a new version when its content changed; an identical re-send changes
     * nothing. Cancelling releases the item's claims (and cancels the sub-items of a main item).
     */
    @WithTransaction
    public Uni<ItemUpsertResult> upsert(Caller caller, String code, CatalogItemRequest request) {
        validateFields(code, request);
        return checkParent(code, request)
                .chain(() -> CatalogItem.<CatalogItem>findById(code, LockModeType.PESSIMISTIC_WRITE))
                .chain(existing ->
                        existing == null ? create(caller, code, request) : update(caller, existing, request));
    }

    private Uni<ItemUpsertResult> create(Caller caller, String code, CatalogItemRequest request) {
        CatalogItem item = new CatalogItem();
        item.code = code;
        item.version = 1;
        item.createdAt = Instant.now();
        apply(item, request);
        return item.<CatalogItem>persistAndFlush()
                .chain(() -> recordVersion(caller, item, request.changeReason()))
                .chain(() -> audit.record(
                        caller,
                        "ITEM_CREATED",
                        "catalog_item",
                        code,
                        Map.of("version", item.version, "status", item.status.name())))
                .map(ignored ->
                        new ItemUpsertResult(ItemUpsertResult.Outcome.CREATED, CatalogItemView.of(item, null), 0));
    }

    private Uni<ItemUpsertResult> update(Caller caller, CatalogItem item, CatalogItemRequest request) {
        if (hash(request).equals(item.contentHash)) {
            return Uni.createFrom()
                    .item(new ItemUpsertResult(ItemUpsertResult.Outcome.UNCHANGED, CatalogItemView.of(item, null), 0));
        }
        Uni<Void> shapeCheck = request.parentCode() != null && item.parentCode == null
                ? CatalogItem.count("parentCode", item.code)
                        .map(children -> {
                            if (children > 0) {
                                throw HubException.unprocessable(
                                        "ITEM_HAS_SUB_ITEMS",
                                        "a main item with sub-items cannot become a sub-item",
                                        new FieldError("parentCode", "ITEM_HAS_SUB_ITEMS", "this item has sub-items"));
                            }
                            return null;
                        })
                        .replaceWithVoid()
                : Uni.createFrom().voidItem();
        ItemStatus before = item.status;
        return shapeCheck
                .chain(() -> {
                    apply(item, request);
                    item.version += 1;
                    return recordVersion(caller, item, request.changeReason());
                })
                .chain(() -> audit.record(
                        caller,
                        "ITEM_UPDATED",
                        "catalog_item",
                        item.code,
                        Map.of(
                                "version",
                                item.version,
                                "status",
                                item.status.name(),
                                "reason",
                                request.changeReason() == null ? "" : request.changeReason())))
                .chain(() -> becameCancelled(before, item.status)
                        ? cancelConsequences(caller, item, request.changeReason())
                        : Uni.createFrom().item(0))
                .map(released -> new ItemUpsertResult(
                        ItemUpsertResult.Outcome.UPDATED, CatalogItemView.of(item, null), released));
    }

    /** Releases the item's claims; for a main item, also cancels its sub-items that are still in force. */
    private Uni<Integer> cancelConsequences(Caller caller, CatalogItem item, String reason) {
        String releaseReason = "ITEM_CANCELLED: " + reason;
        Uni<Integer> own = claims.releaseAllForCancelledItem(caller, item.code, releaseReason);
        if (item.isSubItem()) {
            return own;
        }
        return own.chain(releasedOwn -> CatalogItem.<CatalogItem>list(
                        "parentCode = ?1 and status <> ?2 order by code", item.code, ItemStatus.CANCELLED)
                .chain(children -> cancelEach(caller, children, 0, reason, item.code))
                .map(releasedChildren -> releasedOwn + releasedChildren));
    }

    private Uni<Integer> cancelEach(
            Caller caller, List<CatalogItem> children, int index, String reason, String parentCode) {
        if (index >= children.size()) {
            return Uni.createFrom().item(0);
        }
        CatalogItem child = children.get(index);
        child.status = ItemStatus.CANCELLED;
        if (child.cancelDate == null) {
            // Today, but never before the sub-item takes effect (the schema requires cancel >= effective).
            java.time.LocalDate today = java.time.LocalDate.now(WireTime.ZONE);
            child.cancelDate =
                    child.effectiveDate != null && child.effectiveDate.isAfter(today) ? child.effectiveDate : today;
        }
        child.version += 1;
        child.updatedAt = Instant.now();
        child.contentHash = hash(requestOf(child, reason));
        String childReason = "main item " + parentCode + " cancelled: " + reason;
        return recordVersion(caller, child, childReason)
                .chain(() -> audit.record(
                        caller,
                        "ITEM_UPDATED",
                        "catalog_item",
                        child.code,
                        Map.of("version", child.version, "status", child.status.name(), "reason", childReason)))
                .chain(() -> claims.releaseAllForCancelledItem(caller, child.code, "ITEM_CANCELLED: " + childReason))
                .chain(released -> cancelEach(caller, children, index + 1, reason, parentCode)
                        .map(rest -> released + rest));
    }

    private static boolean becameCancelled(ItemStatus before, ItemStatus after) {
        return before != ItemStatus.CANCELLED && after == ItemStatus.CANCELLED;
    }

    @WithSession
    public Uni<CatalogItemView> get(Caller caller, String code) {
        return CatalogItem.<CatalogItem>findById(code)
                .onItem()
                .ifNull()
                .failWith(() -> HubException.notFound("ITEM_NOT_FOUND", "no catalog item " + code))
                .chain(item -> claimedByDepartment(caller, List.of(item.code))
                        .map(claimed -> CatalogItemView.of(item, claimedFlag(caller, claimed, item.code))));
    }

    @WithSession
    public Uni<List<ItemVersionView>> versions(String code) {
        return CatalogItem.<CatalogItem>findById(code)
                .onItem()
                .ifNull()
                .failWith(() -> HubException.notFound("ITEM_NOT_FOUND", "no catalog item " + code))
                .chain(item ->
                        CatalogItemVersion.<CatalogItemVersion>list("key.itemCode", Sort.by("key.version"), code))
                .map(versions -> versions.stream().map(this::versionView).toList());
    }

    /** Lists the catalog with filters; {@code claimed} is relative to the caller's own department. */
    @WithSession
    public Uni<Page<CatalogItemView>> list(Caller caller, ItemFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.text() != null) {
            where.append(" and i.name ilike :text");
            parameters.and("text", "%" + escapeLike(filter.text()) + "%");
        }
        if (filter.type() != null) {
            where.append(" and i.itemType = :type");
            parameters.and("type", filter.type());
        }
        if (filter.status() != null) {
            where.append(" and i.status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.level() != null) {
            where.append(" and i.catalogLevel = :level");
            parameters.and("level", filter.level());
        }
        if (filter.sector() != null) {
            where.append(" and i.sectorCode = :sector");
            parameters.and("sector", filter.sector());
        }
        if (filter.parentCode() != null) {
            where.append(" and i.parentCode = :parent");
            parameters.and("parent", filter.parentCode());
        }
        Uni<Void> scoped = Uni.createFrom().voidItem();
        if (filter.claimed() != null) {
            String own = caller.scope()
                    .department()
                    .orElseThrow(() -> HubException.badRequest(
                            "DEPARTMENT_REQUIRED",
                            "'claimed' is relative to the caller's department, and the token carries none"));
            where.append(filter.claimed() ? " and " : " and not ").append(claimedBy("mine"));
            parameters.and("mine", own).and("active", ClaimStatus.ACTIVE);
        }
        if (filter.department() != null) {
            scoped = scope.requireReadable(caller, filter.department());
            where.append(" and ").append(claimedBy("department"));
            parameters.and("department", filter.department()).and("active", ClaimStatus.ACTIVE);
        }
        String query = "from CatalogItem i where " + where;
        return scoped.chain(() -> CatalogItem.<CatalogItem>find(query, Sort.by("i.code"), parameters)
                        .page(io.quarkus.panache.common.Page.of(page, size))
                        .list())
                .chain(items -> CatalogItem.count(query, parameters)
                        .chain(total -> claimedByDepartment(
                                        caller, items.stream().map(i -> i.code).toList())
                                .map(claimed -> new Page<>(
                                        items.stream()
                                                .map(item -> CatalogItemView.of(
                                                        item, claimedFlag(caller, claimed, item.code)))
                                                .toList(),
                                        page,
                                        size,
                                        total))));
    }

    private static String claimedBy(String parameter) {
        return "exists (select 1 from ItemClaim c where c.itemCode = i.code and c.departmentCode = :" + parameter
                + " and c.status = :active)";
    }

    private static Boolean claimedFlag(Caller caller, Set<String> claimed, String code) {
        return caller.scope().department().isPresent() ? claimed.contains(code) : null;
    }

    private Uni<Set<String>> claimedByDepartment(Caller caller, List<String> codes) {
        Optional<String> own = caller.scope().department();
        if (own.isEmpty() || codes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return ItemClaim.<ItemClaim>list(
                        "departmentCode = ?1 and status = ?2 and itemCode in ?3", own.get(), ClaimStatus.ACTIVE, codes)
                .map(list -> list.stream().map(claim -> claim.itemCode).collect(Collectors.toSet()));
    }

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

    private static Uni<Void> checkParent(String code, CatalogItemRequest request) {
        if (request.parentCode() == null) {
            return Uni.createFrom().voidItem();
        }
        return CatalogItem.<CatalogItem>findById(request.parentCode())
                .map(parent -> {
                    if (parent == null) {
                        throw HubException.unprocessable(
                                "PARENT_ITEM_NOT_FOUND",
                                "the main item does not exist",
                                new FieldError(
                                        "parentCode",
                                        "PARENT_ITEM_NOT_FOUND",
                                        "no catalog item " + request.parentCode()));
                    }
                    if (parent.isSubItem()) {
                        throw HubException.unprocessable(
                                "PARENT_ITEM_INVALID",
                                "a sub-item cannot have sub-items",
                                new FieldError(
                                        "parentCode", "PARENT_ITEM_INVALID", request.parentCode() + " is a sub-item"));
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    private void apply(CatalogItem item, CatalogItemRequest request) {
        item.name = request.name().strip();
        item.parentCode = request.parentCode();
        item.itemType = request.itemType();
        item.sectorCode = request.sectorCode();
        item.legalBasis = request.legalBasis();
        item.supervisedObject = request.supervisedObject();
        item.method = request.method();
        item.catalogLevel = request.catalogLevel();
        item.status = request.status();
        item.effectiveDate = request.effectiveDate();
        item.cancelDate = request.cancelDate();
        item.catalogVersion = request.catalogVersion();
        item.contentHash = hash(request);
        item.updatedAt = Instant.now();
    }

    private Uni<Void> recordVersion(Caller caller, CatalogItem item, String reason) {
        CatalogItemVersion version = new CatalogItemVersion();
        version.key = new CatalogItemVersion.Key(item.code, item.version);
        version.snapshot = json.write(requestOf(item, reason).content());
        version.changeReason = reason;
        version.changedBy = caller.auditName();
        version.changedAt = Instant.now();
        return version.persist().replaceWithVoid();
    }

    static CatalogItemRequest requestOf(CatalogItem item, String reason) {
        return new CatalogItemRequest(
                item.name,
                item.parentCode,
                item.itemType,
                item.sectorCode,
                item.legalBasis,
                item.supervisedObject,
                item.method,
                item.catalogLevel,
                item.status,
                item.effectiveDate,
                item.cancelDate,
                item.catalogVersion,
                reason);
    }

    String hash(CatalogItemRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.write(request.content()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private ItemVersionView versionView(CatalogItemVersion version) {
        try {
            return new ItemVersionView(
                    version.key.version,
                    WireTime.of(version.changedAt),
                    version.changedBy,
                    version.changeReason,
                    mapper.readValue(version.snapshot, SNAPSHOT));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot of " + version.key.itemCode + " is not JSON", e);
        }
    }

    /** LIKE wildcards typed by a user are literal text. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Filters of the catalog list. */
    public record ItemFilter(
            String text,
            ItemType type,
            ItemStatus status,
            CatalogLevel level,
            String sector,
            String parentCode,
            Boolean claimed,
            String department) {}
}
