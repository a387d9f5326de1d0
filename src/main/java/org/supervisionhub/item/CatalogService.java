package org.supervisionhub.item;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.security.Caller;

/** Maintains the supervision item catalog: versioned upserts, cancellation, and scoped listing. */
@ApplicationScoped
public class CatalogService {

    @Inject
    CatalogWriter writer;

    @Inject
    org.supervisionhub.common.BlockingTransactions transactions;

    @Inject
    DepartmentScope scope;

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> SNAPSHOT =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    @Inject
    ObjectMapper mapper;

    /**
     * Creates the item, or records a new version when its content changed; an identical re-send changes
     * nothing. Cancelling releases the item's claims (and cancels the sub-items of a main item). One short
     * transaction on one connection, written by {@link CatalogWriter}, the same code the national items callback
     * uses. Blocking: call from a worker thread.
     */
    public ItemUpsertResult upsert(Caller caller, String code, CatalogItemRequest request) {
        return transactions.inTransaction(connection -> writer.upsert(connection, caller, code, request));
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
