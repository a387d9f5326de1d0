package org.supervisionhub.adapter.staging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.supervisionhub.adapter.AdapterDescriptor;

/**
 * A system's staging database (前置库): MariaDB/MySQL through the MariaDB driver, or PostgreSQL. Plain JDBC
 * connections opened per poll on the poller's worker thread (never on the event loop), each used for one short
 * statement or transaction and closed; never while a connection of the hub's own database is held.
 */
final class StagingDatabase {

    enum Dialect {
        MARIADB,
        POSTGRESQL
    }

    private final String url;
    private final String user;
    private final String secretRef;
    private final Dialect dialect;
    private final Duration timeout;

    StagingDatabase(AdapterDescriptor.StagingDb staging, Duration timeout) {
        String given = staging.url().startsWith("jdbc:") ? staging.url().substring(5) : staging.url();
        if (given.startsWith("postgresql://")) {
            this.dialect = Dialect.POSTGRESQL;
            this.url = "jdbc:" + given;
        } else {
            this.dialect = Dialect.MARIADB;
            // The MariaDB driver speaks to MySQL servers too; it only takes its own scheme.
            this.url = "jdbc:mariadb://" + given.substring(given.indexOf("://") + 3);
        }
        this.user = staging.user();
        this.secretRef = staging.secretRef();
        this.timeout = timeout;
    }

    Dialect dialect() {
        return dialect;
    }

    /** A new connection; the password from the environment variable the descriptor names (or a system property). */
    Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        String password = secretRef == null ? null : System.getenv(secretRef);
        if (password == null && secretRef != null) {
            password = System.getProperty(secretRef);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        long millis = Math.max(1000, timeout.toMillis());
        if (dialect == Dialect.MARIADB) {
            properties.setProperty("connectTimeout", Long.toString(millis));
            properties.setProperty("socketTimeout", Long.toString(millis));
        } else {
            properties.setProperty("connectTimeout", Long.toString(millis / 1000));
            properties.setProperty("socketTimeout", Long.toString(millis / 1000));
        }
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return connection;
    }

    /** Null-safe equality: the exchange columns of a broken row may be null and its receipt must still find it. */
    String same(String column) {
        return dialect == Dialect.MARIADB ? column + " <=> ?" : column + " is not distinct from ?";
    }

    /** A select of parameters with a condition (MariaDB needs a FROM before WHERE). */
    String selectWhere(String values, String condition) {
        return dialect == Dialect.MARIADB
                ? "select " + values + " from dual where " + condition
                : "select " + values + " where " + condition;
    }
}
