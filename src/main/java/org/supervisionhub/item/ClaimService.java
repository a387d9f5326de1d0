package org.supervisionhub.item;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.ReactiveTransactions;
import org.supervisionhub.events.ClaimCreated;
import org.supervisionhub.events.ClaimReleased;
import org.supervisionhub.organization.Department;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.security.Caller;
import org.supervisionhub.sync.Outbox;

/**
 * Claims (认领) and releases of sub-items by departments. Each change writes its audit entry and its
 * outbox event to the national platform in the same transaction.
 */
@ApplicationScoped
public class ClaimService {

    @Inject
    ReactiveTransactions transactions;

    @Inject
    DepartmentScope scope;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    /** The outcome of a claim call: the claim, and whether this call created it. */
    public record ClaimOutcome(ClaimView claim, boolean created) {}

    /**
     * Claims the item for the department; claiming again returns the existing claim. The item row is
     * locked so that concurrent claims of one item serialise and can never produce two active claims.
     */
    public Uni<ClaimOutcome> claim(Caller caller, String itemCode, String departmentCode) {
        return transactions.inTransaction(() -> scope.departmentToActFor(caller, departmentCode)
                .chain(department -> CatalogItem.<CatalogItem>findById(itemCode, LockModeType.PESSIMISTIC_WRITE)
                        .onItem()
                        .ifNull()
                        .failWith(() -> HubException.notFound("ITEM_NOT_FOUND", "no catalog item " + itemCode))
                        .chain(item -> {
                            requireClaimable(item, department);
                            return activeClaim(itemCode, department.code)
                                    .chain(existing -> existing != null
                                            ? Uni.createFrom().item(new ClaimOutcome(ClaimView.of(existing), false))
                                            : create(caller, item, department));
                        })));
    }

    private Uni<ClaimOutcome> create(Caller caller, CatalogItem item, Department department) {
        ItemClaim claim = new ItemClaim();
        claim.itemCode = item.code;
        claim.departmentCode = department.code;
        claim.status = ClaimStatus.ACTIVE;
        claim.claimedAt = Instant.now();
        claim.claimedBy = caller.auditName();
        return claim.<ItemClaim>persistAndFlush()
                .call(() -> audit.record(
                        caller,
                        "CLAIM_CREATED",
                        "item_claim",
                        String.valueOf(claim.id),
                        Map.of("itemCode", item.code, "departmentCode", department.code)))
                .call(() -> outbox.enqueue(new ClaimCreated(
                        claim.id,
                        claim.itemCode,
                        claim.departmentCode,
                        department.creditCode,
                        department.regionCode,
                        claim.status.name(),
                        claim.claimedAt)))
                .map(saved -> new ClaimOutcome(ClaimView.of(claim), true));
    }

    /**
     * Releases the department's active claim with a reason. Releasing again returns the last released
     * claim unchanged, so a retried release is harmless.
     */
    public Uni<ClaimView> release(Caller caller, String itemCode, String departmentCode, String reason) {
        return transactions.inTransaction(() -> scope.departmentToActFor(caller, departmentCode)
                .chain(department -> CatalogItem.<CatalogItem>findById(itemCode, LockModeType.PESSIMISTIC_WRITE)
                        .onItem()
                        .ifNull()
                        .failWith(() -> HubException.notFound("ITEM_NOT_FOUND", "no catalog item " + itemCode))
                        .chain(item -> activeClaim(itemCode, department.code))
                        .chain(active -> active != null
                                ? releaseOne(caller, active, department, reason).map(ClaimView::of)
                                : lastClaim(itemCode, department.code).map(last -> {
                                    if (last == null) {
                                        throw HubException.notFound(
                                                "CLAIM_NOT_FOUND", "the department has never claimed item " + itemCode);
                                    }
                                    return ClaimView.of(last);
                                }))));
    }

    private Uni<ItemClaim> releaseOne(Caller caller, ItemClaim claim, Department department, String reason) {
        claim.status = ClaimStatus.RELEASED;
        claim.releasedAt = Instant.now();
        claim.releasedBy = caller.auditName();
        claim.releaseReason = reason;
        return audit.record(
                        caller,
                        "CLAIM_RELEASED",
                        "item_claim",
                        String.valueOf(claim.id),
                        Map.of("itemCode", claim.itemCode, "departmentCode", claim.departmentCode, "reason", reason))
                .chain(() -> outbox.enqueue(new ClaimReleased(
                        claim.id,
                        claim.itemCode,
                        claim.departmentCode,
                        department.creditCode,
                        department.regionCode,
                        ClaimStatus.RELEASED.name(),
                        claim.claimedAt,
                        claim.releasedAt,
                        claim.releaseReason)))
                .replaceWith(claim);
    }

    /** The claims of an item that the caller may see, newest first. */
    @WithSession
    public Uni<List<ClaimView>> claimsOf(Caller caller, String itemCode) {
        return CatalogItem.<CatalogItem>findById(itemCode)
                .onItem()
                .ifNull()
                .failWith(() -> HubException.notFound("ITEM_NOT_FOUND", "no catalog item " + itemCode))
                .chain(item ->
                        ItemClaim.<ItemClaim>list("itemCode", Sort.by("id").descending(), itemCode))
                .chain(claims -> claims.isEmpty()
                        ? Uni.createFrom().item(List.<ClaimView>of())
                        : Department.<Department>list(
                                        "code in ?1",
                                        claims.stream()
                                                .map(claim -> claim.departmentCode)
                                                .distinct()
                                                .toList())
                                .map(departments -> {
                                    Map<String, Department> byCode = new LinkedHashMap<>();
                                    departments.forEach(department -> byCode.put(department.code, department));
                                    return claims.stream()
                                            .filter(claim -> scope.mayRead(caller, byCode.get(claim.departmentCode)))
                                            .map(ClaimView::of)
                                            .toList();
                                }));
    }

    static Uni<ItemClaim> activeClaim(String itemCode, String departmentCode) {
        return ItemClaim.find(
                        "itemCode = ?1 and departmentCode = ?2 and status = ?3",
                        itemCode,
                        departmentCode,
                        ClaimStatus.ACTIVE)
                .<ItemClaim>firstResult();
    }

    private static Uni<ItemClaim> lastClaim(String itemCode, String departmentCode) {
        return ItemClaim.find(
                        "itemCode = ?1 and departmentCode = ?2", Sort.by("id").descending(), itemCode, departmentCode)
                .<ItemClaim>firstResult();
    }

    private static void requireClaimable(CatalogItem item, Department department) {
        if (!item.isSubItem()) {
            throw HubException.unprocessable(
                    "ITEM_NOT_CLAIMABLE", item.code + " is a main item (主项); claim its sub-items (子项)");
        }
        if (item.status != ItemStatus.IN_USE) {
            throw HubException.conflict("ITEM_NOT_IN_USE", item.code + " is " + item.status + " and cannot be claimed");
        }
        if (!department.sectorCodes.contains(item.sectorCode)) {
            throw HubException.unprocessable(
                    "ITEM_OUTSIDE_DEPARTMENT_SECTORS",
                    "item " + item.code + " belongs to sector " + item.sectorCode + ", which department "
                            + department.code + " does not cover");
        }
    }
}
