package org.supervisionhub.common;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The database servers the hub connects to, and for each new connection the one to use. The Vert.x PostgreSQL client
 * takes several servers but picks them round-robin, whatever their role (it has no {@code target_session_attrs}), so
 * this bean creates the reactive pool itself ({@link PgPoolCreator}, used by Hibernate Reactive and the reactive client
 * alike) with a connection supplier that does what libpq does for {@code target_session_attrs=read-write}: it tries the
 * servers in order, starting with the one that took writes last time, and uses the first that is neither in recovery
 * nor read-only. A connection already in the pool that a failover leaves on a lost or demoted server fails its next
 * statement; {@link BlockingTransactions} retries the transaction on a new connection, which finds the new primary.
 */
@ApplicationScoped
public class DatabaseHosts implements PgPoolCreator {

    private static final Logger LOG = Logger.getLogger(DatabaseHosts.class);
    /** libpq's parameter; the reactive URL may carry it, but it is no server setting, so it never reaches the server. */
    static final String TARGET_SESSION_ATTRS = "target_session_attrs";

    private static final String READ_ONLY =
            "select pg_is_in_recovery() or current_setting('transaction_read_only') = 'on'";

    @Inject
    DatabaseConfig config;

    @Inject
    Instance<Pool> pool;

    private volatile List<PgConnectOptions> hosts;
    private volatile Supplier<Future<PgConnectOptions>> choice;

    @Override
    public Pool create(Input input) {
        List<PgConnectOptions> fromUrls = input.pgConnectOptionsList();
        DatabaseConfig.TargetSessionAttrs attrs = fromUrls.stream()
                .map(options -> options.getProperties().get(TARGET_SESSION_ATTRS))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(DatabaseConfig.TargetSessionAttrs::parse)
                .orElse(config.targetSessionAttrs());
        List<PgConnectOptions> servers = servers(fromUrls, config.hosts().orElse(List.of()), config);
        hosts = servers;
        choice = chooser(input.vertx(), servers, attrs);
        LOG.infof(
                "database servers %s, target_session_attrs=%s",
                servers.stream().map(DatabaseHosts::address).toList(),
                attrs.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return PgPool.pool(input.vertx(), choice, input.poolOptions());
    }

    /** The configured servers, in order of preference. */
    public List<PgConnectOptions> hosts() {
        ensurePool();
        return hosts;
    }

    /**
     * Options of the server a connection outside the pool should use now (the primary, with read-write): for a
     * session the pool cannot hold, such as a {@code LISTEN}. Fails with {@link NoWritableDatabaseException} when no
     * server qualifies.
     */
    public Future<PgConnectOptions> next() {
        ensurePool();
        return choice.get();
    }

    private void ensurePool() {
        if (choice == null) {
            pool.get().size(); // the pool is created on first use; creating it calls create(...)
        }
    }

    /**
     * One options object per server: the configured {@code host:port} pairs on the first URL's options, or the URLs'
     * own options; each with the connect timeout and without the libpq-only {@code target_session_attrs}.
     */
    static List<PgConnectOptions> servers(
            List<PgConnectOptions> fromUrls, List<String> configured, DatabaseConfig config) {
        List<PgConnectOptions> servers = new ArrayList<>();
        if (configured.isEmpty()) {
            fromUrls.forEach(options -> servers.add(new PgConnectOptions(options)));
        } else {
            for (String hostAndPort : configured) {
                PgConnectOptions server = new PgConnectOptions(fromUrls.get(0));
                server.setHost(host(hostAndPort));
                server.setPort(port(hostAndPort));
                servers.add(server);
            }
        }
        for (PgConnectOptions server : servers) {
            server.getProperties().remove(TARGET_SESSION_ATTRS);
            server.setConnectTimeout((int) config.connectTimeout().toMillis());
        }
        return List.copyOf(servers);
    }

    /** How the server of each new connection is chosen. */
    static Supplier<Future<PgConnectOptions>> chooser(
            Vertx vertx, List<PgConnectOptions> servers, DatabaseConfig.TargetSessionAttrs attrs) {
        if (servers.size() == 1) {
            // One server: nothing to choose. A standby refuses writes with 25006, which is retried like a failover.
            PgConnectOptions only = servers.get(0);
            return () -> Future.succeededFuture(only);
        }
        if (attrs == DatabaseConfig.TargetSessionAttrs.ANY) {
            AtomicInteger next = new AtomicInteger();
            return () -> Future.succeededFuture(servers.get(Math.floorMod(next.getAndIncrement(), servers.size())));
        }
        return new ReadWrite(vertx, servers);
    }

    /** {@code target_session_attrs=read-write} over several servers. */
    static final class ReadWrite implements Supplier<Future<PgConnectOptions>> {

        private final Vertx vertx;
        private final List<PgConnectOptions> servers;
        private final AtomicInteger lastWritable = new AtomicInteger();

        ReadWrite(Vertx vertx, List<PgConnectOptions> servers) {
            this.vertx = vertx;
            this.servers = servers;
        }

        @Override
        public Future<PgConnectOptions> get() {
            return probe(lastWritable.get(), 0, new ArrayList<>());
        }

        /** Asks the servers in turn, from the one at {@code index}, whether they take writes. */
        private Future<PgConnectOptions> probe(int index, int asked, List<String> refusals) {
            if (asked == servers.size()) {
                return Future.failedFuture(new NoWritableDatabaseException(
                        "no database server takes writes now: " + String.join("; ", refusals)));
            }
            PgConnectOptions server = servers.get(index);
            return PgConnection.connect(vertx, server)
                    .compose(connection -> connection.query(READ_ONLY).execute().andThen(done -> connection.close()))
                    .transform(answer -> {
                        if (answer.succeeded()
                                && !answer.result().iterator().next().getBoolean(0)) {
                            if (lastWritable.getAndSet(index) != index) {
                                LOG.infof("database server %s takes writes", address(server));
                            }
                            return Future.succeededFuture(server);
                        }
                        refusals.add(address(server)
                                + (answer.succeeded() ? " is read-only" : " failed: " + answer.cause()));
                        return probe((index + 1) % servers.size(), asked + 1, refusals);
                    });
        }
    }

    /** {@code host:port} of a server, for logs. */
    public static String address(PgConnectOptions options) {
        return options.getHost() + ":" + options.getPort();
    }

    /** The host of {@code host[:port]}; an IPv6 address is written in brackets ({@code [::1]:5432}). */
    static String host(String hostAndPort) {
        String value = hostAndPort.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("hub.db.hosts: unclosed bracket in " + hostAndPort);
            }
            return value.substring(1, end);
        }
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? value : value.substring(0, colon);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("hub.db.hosts: no host in " + hostAndPort);
        }
        return host;
    }

    /** The port of {@code host[:port]}; 5432 when absent. */
    static int port(String hostAndPort) {
        String value = hostAndPort.trim();
        int colon = value.lastIndexOf(':');
        if (colon < 0 || value.lastIndexOf(']') > colon) {
            return 5432;
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hub.db.hosts: not a port in " + hostAndPort);
        }
    }
}
