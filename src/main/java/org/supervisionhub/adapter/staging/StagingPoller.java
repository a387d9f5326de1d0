package org.supervisionhub.adapter.staging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.supervisionhub.adapter.AdapterDescriptor;
import org.supervisionhub.adapter.AdapterRegistry;
import org.supervisionhub.adapter.StagingDescriptors;
import org.supervisionhub.common.Workers;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Roles;

/**
 * Polls the staging routes: one {@link Workers} worker per system with staging routes, each round one batch of every
 * inbound kind and one of the 回流 tables, then a pause of the descriptor's poll interval (none while a batch came back
 * full). A route is polled by one replica at a time: each poll first takes the route's lease row in
 * {@code staging_cursor} (as upload jobs do), and gives it back when done.
 */
@ApplicationScoped
public class StagingPoller {

    private static final Logger LOG = Logger.getLogger(StagingPoller.class);

    @Inject
    AdapterRegistry registry;

    @Inject
    Workers workers;

    @Inject
    StagingInbound inbound;

    @Inject
    StagingOutbound outbound;

    @Inject
    StagingCursors cursors;

    @Inject
    StagingConfig config;

    @Inject
    DepartmentScope departments;

    private final String owner = "replica-" + UUID.randomUUID();

    /** Routes failing since their last success: logged once when they start failing, then in the status only. */
    private final Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void start(@Observes StartupEvent event) {
        if (!config.poll()) {
            return;
        }
        for (AdapterRegistry.Loaded adapter : registry.all().values()) {
            if (!adapter.enabled() || !StagingDescriptors.usesStagingDb(adapter.descriptor())) {
                continue;
            }
            AdapterDescriptor descriptor = adapter.descriptor();
            Duration interval = StagingDescriptors.pollInterval(descriptor.stagingDb());
            workers.start(
                    "staging-" + descriptor.system(),
                    () -> round(descriptor) ? Duration.ZERO : interval,
                    interval,
                    Duration.ofSeconds(10));
        }
    }

    /** One batch of every route of the system; whether one came back full (more is waiting). */
    public boolean round(AdapterDescriptor descriptor) {
        boolean more = false;
        for (String kind : StagingDescriptors.inboundKinds(descriptor)) {
            try {
                more |= pollKind(descriptor, kind)
                        .map(StagingInbound.Poll::full)
                        .orElse(false);
            } catch (Exception e) {
                LOG.warnf(e, "staging route %s in:%s failed", descriptor.system(), kind);
            }
        }
        if (!StagingDescriptors.outboundEvents(descriptor).isEmpty()) {
            try {
                more |= pushOutbound(descriptor).map(StagingOutbound.Push::full).orElse(false);
                recovered(descriptor.system() + " out");
            } catch (Exception e) {
                failed(descriptor.system() + " out", e);
            }
        }
        return more;
    }

    /** One poll of an inbound kind under its lease; empty when another replica holds the lease. */
    public Optional<StagingInbound.Poll> pollKind(AdapterDescriptor descriptor, String kind) throws Exception {
        String route = "in:" + kind;
        if (cursors.acquire(descriptor.system(), route, owner, config.lease()) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(inbound.poll(systemCaller(descriptor), descriptor, kind));
        } catch (Exception e) {
            cursors.failed(descriptor.system(), route, describe(e));
            throw e;
        } finally {
            cursors.release(descriptor.system(), route, owner);
        }
    }

    /** One round of 回流 under its lease; empty when another replica holds the lease. */
    public Optional<StagingOutbound.Push> pushOutbound(AdapterDescriptor descriptor) throws Exception {
        String route = StagingOutbound.ROUTE;
        Long since = cursors.acquire(descriptor.system(), route, owner, config.lease());
        if (since == null) {
            return Optional.empty();
        }
        try {
            StagingOutbound.Push push = outbound.push(descriptor, since);
            cursors.advance(
                    descriptor.system(),
                    route,
                    push.position(),
                    push.written(),
                    push.failed(),
                    push.failed() == 0 ? null : push.failed() + " change(s) could not be mapped by the outbound rules");
            return Optional.of(push);
        } catch (Exception e) {
            cursors.failed(descriptor.system(), route, describe(e));
            throw e;
        } finally {
            cursors.release(descriptor.system(), route, owner);
        }
    }

    /**
     * The system acting for its owner department, as its own OIDC client would through the HTTP inbound: role
     * {@code system}, the department and the department's stored region.
     */
    public Caller systemCaller(AdapterDescriptor descriptor) {
        Optional<String> region = departments.storedRegion(descriptor.ownerDepartment());
        return new Caller(
                "adapter:" + descriptor.system(),
                Set.of(Roles.SYSTEM),
                Optional.of(descriptor.ownerDepartment()),
                region);
    }

    private void failed(String route, Exception e) {
        if (failing.add(route)) {
            LOG.warnf(e, "staging route %s fails (reported in the adapter status until it recovers)", route);
        } else {
            LOG.debugf(e, "staging route %s still fails", route);
        }
    }

    private void recovered(String route) {
        if (failing.remove(route)) {
            LOG.infof("staging route %s recovered", route);
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
