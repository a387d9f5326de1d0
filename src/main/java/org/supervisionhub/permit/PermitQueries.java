package org.supervisionhub.permit;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.security.Caller;

/** Reads of permits: follow-ups and binding rates, scoped like the hub's other figures. Blocking. */
@ApplicationScoped
public class PermitQueries {

    @Schema(name = "PermitFollowup")
    public record FollowupView(
            long id,
            String status,
            String departmentCode,
            String itemCode,
            String itemName,
            String permitNumber,
            String permitItemName,
            String subjectCreditCode,
            String subjectName,
            String regionCode,
            LocalDate issuedDate,
            OffsetDateTime createdAt) {}

    @Schema(name = "PermitBindingRate")
    public record BindingRateView(
            String departmentCode, String departmentName, long permitItems, long boundItems, BigDecimal bindingRate) {}

    private static final String FOLLOWUPS = """
            select f.id, f.status, f.department_code, f.item_code, i.name as item_name, p.permit_number,
                   p.permit_item_name, p.subject_credit_code, p.subject_name, p.region_code, p.issued_date, f.created_at
            from permit_followup f join permit p on p.id = f.permit_id join catalog_item i on i.code = f.item_code
            where f.department_code = $1 order by f.created_at desc, f.id desc limit 500""";
    private static final String RATES = """
            select d.code, d.name, count(distinct p.permit_item_code) as items,
                   count(distinct p.permit_item_code) filter (where exists (
                       select 1 from permit_binding b where b.permit_item_code = p.permit_item_code)) as bound
            from permit p join department d on d.code = p.issuing_department
            where ($1::text is null or d.code = $1) and ($2::text is null or d.region_code like $2::text || '%')
            group by d.code, d.name order by d.code""";

    @Inject
    Pool pool;

    @Inject
    DepartmentScope scope;

    public List<FollowupView> followups(Caller caller, String department) {
        String target = DepartmentScope.departmentToRead(caller, department);
        scope.requireReadableNow(caller, target);
        List<FollowupView> views = new ArrayList<>();
        for (Row row :
                pool.preparedQuery(FOLLOWUPS).execute(Tuple.of(target)).await().indefinitely()) {
            views.add(new FollowupView(
                    row.getLong("id"),
                    row.getString("status"),
                    row.getString("department_code"),
                    row.getString("item_code"),
                    row.getString("item_name"),
                    row.getString("permit_number"),
                    row.getString("permit_item_name"),
                    row.getString("subject_credit_code"),
                    row.getString("subject_name"),
                    row.getString("region_code"),
                    row.getLocalDate("issued_date"),
                    WireTime.of(row.getOffsetDateTime("created_at"))));
        }
        return views;
    }

    public List<BindingRateView> bindingRates(Caller caller, String department) {
        String scopedDepartment = caller.scope().departmentFilter(department).orElse(null);
        String regionPrefix =
                caller.scope().region().map(RegionCodes::scopePrefix).orElse(null);
        List<BindingRateView> views = new ArrayList<>();
        for (Row row : pool.preparedQuery(RATES)
                .execute(Tuple.of(scopedDepartment, regionPrefix))
                .await()
                .indefinitely()) {
            long items = row.getLong("items");
            long bound = row.getLong("bound");
            views.add(new BindingRateView(
                    row.getString("code"),
                    row.getString("name"),
                    items,
                    bound,
                    items == 0
                            ? null
                            : BigDecimal.valueOf(bound).divide(BigDecimal.valueOf(items), 4, RoundingMode.HALF_UP)));
        }
        return views;
    }
}
