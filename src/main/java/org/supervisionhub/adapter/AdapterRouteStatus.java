package org.supervisionhub.adapter;

import java.util.List;

/**
 * How a route that runs beside the HTTP inbound (the staging-database poller) reports its cursors, lag and errors in
 * the adapter's status, without {@code adapter} depending on it.
 */
public interface AdapterRouteStatus {

    List<AdapterView.StagingRoute> routes(AdapterDescriptor descriptor);
}
