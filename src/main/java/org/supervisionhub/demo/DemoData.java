package org.supervisionhub.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the Guangxi demo data set at start-up when {@code hub.demo.data=true} (the demo profile).
 * Flyway locations are fixed at build time, so the demo set is a plain idempotent script run here,
 * after the migrations, and never part of a production schema history.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    /** Run in order on one connection: the first defines session-local generators the second calls. */
    private static final List<String> SCRIPTS = List.of("db/demo/generators.sql", "db/demo/guangxi-demo-data.sql");

    @Inject
    DemoConfig config;

    @Inject
    AgroalDataSource dataSource;

    void load(@Observes @Priority(10) StartupEvent event) throws IOException, SQLException {
        if (!config.data()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (String script : SCRIPTS) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(read(script));
                }
            }
            connection.commit();
            // Fresh bulk data has no planner statistics until autovacuum runs; without them the
            // statistics queries pick nested loops and take seconds.
            try (Statement statement = connection.createStatement()) {
                statement.execute(
                        "analyze region, department, department_sector, catalog_item, item_claim, implementation_list,"
                                + " subject, officer, certificate, behaviour_record");
            }
            try (Statement statement = connection.createStatement();
                    ResultSet counts = statement.executeQuery("""
                         select (select count(*) from department), (select count(*) from catalog_item),
                                (select count(*) from item_claim where status = 'ACTIVE'),
                                (select count(*) from implementation_list), (select count(*) from subject),
                                (select count(*) from officer), (select count(*) from behaviour_record)""")) {
                counts.next();
                LOG.infof(
                        "Demo data ready: %d departments, %d catalog items, %d active claims, %d implementation lists,"
                                + " %d subjects, %d officers, %d supervision records",
                        counts.getLong(1),
                        counts.getLong(2),
                        counts.getLong(3),
                        counts.getLong(4),
                        counts.getLong(5),
                        counts.getLong(6),
                        counts.getLong(7));
            }
        }
    }

    private static String read(String script) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("demo data script " + script + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
