package org.supervisionhub.item;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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

    @Inject
    CatalogQueries queries;

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

    /**
     * Lists the catalog with filters, in code order, through {@link CatalogQueries}: after a cursor's code, or by page
     * number. {@code claimed} is relative to the caller's own department; a {@code department} filter must be one the
     * caller may read.
     */
    public Uni<CatalogItemPage> list(
            Caller caller, ItemFilter filter, String afterCode, int page, int size, CatalogQueries.Count count) {
        Optional<String> own = caller.scope().department();
        if (filter.claimed() != null && own.isEmpty()) {
            throw HubException.badRequest(
                    "DEPARTMENT_REQUIRED",
                    "'claimed' is relative to the caller's department, and the token carries none");
        }
        Uni<Void> scoped = filter.department() == null
                ? Uni.createFrom().voidItem()
                : scope.requireReadableOnPool(caller, filter.department());
        return scoped.chain(() -> queries.list(filter, own, afterCode, page, size, count));
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
