package org.supervisionhub.adapter.staging;

import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.supervisionhub.adapter.AdapterDescriptor;
import org.supervisionhub.adapter.AdapterRouteStatus;
import org.supervisionhub.adapter.AdapterView;
import org.supervisionhub.adapter.StagingDescriptors;
import org.supervisionhub.common.WireTime;

/** The staging routes' cursors, lag and errors in the adapter's status ({@code GET /api/v1/adapters/{system}/health}). */
@ApplicationScoped
public class StagingStatus implements AdapterRouteStatus {

    @Inject
    StagingCursors cursors;

    @Override
    public List<AdapterView.StagingRoute> routes(AdapterDescriptor descriptor) {
        java.util.Map<String, Row> figures = new java.util.HashMap<>();
        cursors.figures(descriptor.system()).forEach(row -> figures.put(row.getString("route"), row));
        List<AdapterView.StagingRoute> routes = new ArrayList<>();
        for (String kind : StagingDescriptors.inboundKinds(descriptor)) {
            routes.add(view("in:" + kind, descriptor.inbound().get(kind).table(), figures.get("in:" + kind)));
        }
        if (!StagingDescriptors.outboundEvents(descriptor).isEmpty()) {
            routes.add(view(
                    StagingOutbound.ROUTE,
                    String.join(
                            ",",
                            new java.util.TreeSet<>(
                                    descriptor.outbound().stagingTables().values())),
                    figures.get(StagingOutbound.ROUTE)));
        }
        return routes;
    }

    private static AdapterView.StagingRoute view(String route, String table, Row row) {
        if (row == null) {
            return new AdapterView.StagingRoute(route, table, null, null, null, null, null, 0, 0, null, null);
        }
        boolean inbound = route.startsWith("in:");
        LocalDateTime cursorTime = row.getLocalDateTime("last_cd_time");
        LocalDateTime oldest = row.getLocalDateTime("oldest_pending");
        Long lag = !inbound
                ? null
                : oldest == null
                        ? 0L
                        : Math.max(
                                0,
                                Duration.between(oldest, LocalDateTime.now(WireTime.ZONE))
                                        .toSeconds());
        return new AdapterView.StagingRoute(
                route,
                table,
                WireTime.of(row.getOffsetDateTime("polled_at")),
                cursorTime == null ? null : cursorTime.atZone(WireTime.ZONE).toOffsetDateTime(),
                row.getString("last_cd_id"),
                inbound ? null : row.getLong("last_position"),
                lag,
                row.getLong("rows_applied"),
                row.getLong("rows_rejected"),
                WireTime.of(row.getOffsetDateTime("failing_since")),
                row.getString("last_error"));
    }
}
