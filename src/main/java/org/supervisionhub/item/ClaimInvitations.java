package org.supervisionhub.item;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.supervisionhub.common.WireTime;

/** Open claim invitations of a department: issued in-use sub-items of its sectors it has not claimed yet. */
@ApplicationScoped
public class ClaimInvitations {

    private static final String OPEN = """
            select i.code, i.name, i.item_type, i.sector_code, v.department_code, v.invited_at
            from claim_invitation v join catalog_item i on i.code = v.item_code
            where v.department_code = $1 and i.status = 'IN_USE'
              and not exists (select 1 from item_claim c where c.item_code = v.item_code
                              and c.department_code = v.department_code and c.status = 'ACTIVE')
            order by v.invited_at desc, i.code limit 500""";

    @Inject
    Pool pool;

    public Uni<List<ClaimInvitationView>> open(String departmentCode) {
        return pool.preparedQuery(OPEN).execute(Tuple.of(departmentCode)).map(rows -> {
            List<ClaimInvitationView> views = new ArrayList<>();
            for (Row row : rows) {
                String type = row.getString("item_type");
                views.add(new ClaimInvitationView(
                        row.getString("code"),
                        row.getString("name"),
                        type == null ? null : ItemType.valueOf(type),
                        row.getString("sector_code"),
                        row.getString("department_code"),
                        WireTime.of(row.getOffsetDateTime("invited_at"))));
            }
            return views;
        });
    }
}
