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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.supervisionhub.organization.DepartmentLevel;
import org.supervisionhub.organization.DepartmentRegistry;
import org.supervisionhub.organization.DepartmentRequest;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Roles;

/**
 * Loads the Guangxi demo data set at start-up when {@code hub.demo.data=true} (the demo profile).
 * Flyway locations are fixed at build time, so the demo set is a plain idempotent script run here,
 * after the migrations, and never part of a production schema history.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    /**
     * Run in order on one connection and transaction: generators (session-local functions), the demo organisation
     * (temporary tables of sectors and cities), then, once the departments are registered, the rest of the data set.
     */
    private static final List<String> ORGANISATION =
            List.of("db/demo/generators.sql", "db/demo/guangxi-demo-organisation.sql");

    private static final String DATA = "db/demo/guangxi-demo-data.sql";

    /** The departments of the demo: one per sector for the autonomous region, the twelve busiest lines per city. */
    private static final String DEPARTMENTS = """
            select 'GX_' || s.code as code, '广西壮族自治区' || s.dept as name,
                   pg_temp.demo_credit_code('450000', 'GX_' || s.code) as credit_code, '450000' as region_code,
                   'PROVINCIAL' as level, s.code as sector
            from demo_sector s
            union all
            select c.code || '_' || s.code, c.name || s.city_dept, pg_temp.demo_credit_code(c.code, c.code || s.code),
                   c.code, 'CITY', s.code
            from demo_city c cross join demo_sector s
            where s.no <= 12
            order by 1""";

    /** Who the demo loader acts as: a hub-admin, named in the audit log. */
    private static final Caller LOADER =
            new Caller("demo-data-loader", Set.of(Roles.HUB_ADMIN), Optional.empty(), Optional.empty());

    @Inject
    DemoConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DepartmentRegistry departments;

    void load(@Observes @Priority(10) StartupEvent event) throws IOException, SQLException {
        if (!config.data()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (String script : ORGANISATION) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(read(script));
                }
            }
            registerDepartments(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(read(DATA));
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

    /**
     * Registers the demo's departments through the organisation registry (the same service and rules as
     * PUT /api/v1/departments/{departmentCode}, each in its own audited transaction); an unchanged one is left alone.
     */
    private void registerDepartments(Connection connection) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery(DEPARTMENTS)) {
            while (found.next()) {
                rows.add(new String[] {
                    found.getString(1),
                    found.getString(2),
                    found.getString(3),
                    found.getString(4),
                    found.getString(5),
                    found.getString(6)
                });
            }
        }
        int created = 0;
        for (String[] row : rows) {
            DepartmentRequest request = new DepartmentRequest(
                    row[1],
                    row[2],
                    row[3],
                    DepartmentLevel.valueOf(row[4]),
                    null,
                    List.of(row[5]),
                    List.of(),
                    null,
                    null);
            if (departments.upsert(LOADER, row[0], request, null).outcome() == DepartmentRegistry.Outcome.CREATED) {
                created++;
            }
        }
        LOG.infof("Demo departments registered through the organisation registry: %d, %d new", rows.size(), created);
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
