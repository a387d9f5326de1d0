package org.supervisionhub.adapter;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The {@code stagingDb} section of a descriptor (前置库 docking): its checks at load time and its defaults. Table and
 * column names go into SQL text, so they must be plain identifiers ({@code schema.table} allowed for tables).
 */
public final class StagingDescriptors {

    /** A plain SQL identifier: letters, digits and '_', not starting with a digit. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private static final Pattern TABLE =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,63}\\.)?[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern URL = Pattern.compile("(jdbc:)?(mariadb|mysql|postgresql)://.+");

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
    public static final int DEFAULT_BATCH_SIZE = 200;
    public static final int MAX_BATCH_SIZE = 1000;

    private StagingDescriptors() {}

    /** The exchange columns in effect: the descriptor's names, else the convention's {@code cd_*}. */
    public static AdapterDescriptor.StagingColumns columns(AdapterDescriptor.StagingDb staging) {
        AdapterDescriptor.StagingColumns named = staging.columns() == null
                ? new AdapterDescriptor.StagingColumns(null, null, null, null)
                : staging.columns();
        return new AdapterDescriptor.StagingColumns(
                named.id() == null ? "cd_id" : named.id(),
                named.time() == null ? "cd_time" : named.time(),
                named.batch() == null ? "cd_batch" : named.batch(),
                named.operation() == null ? "cd_operation" : named.operation());
    }

    public static Duration pollInterval(AdapterDescriptor.StagingDb staging) {
        return staging.pollInterval() == null ? DEFAULT_POLL_INTERVAL : Duration.parse(staging.pollInterval());
    }

    public static int batchSize(AdapterDescriptor.StagingDb staging) {
        return staging.batchSize() == null ? DEFAULT_BATCH_SIZE : staging.batchSize();
    }

    /** Whether the descriptor reads or writes a staging database at all. */
    public static boolean usesStagingDb(AdapterDescriptor descriptor) {
        return !inboundKinds(descriptor).isEmpty()
                || !outboundEvents(descriptor).isEmpty();
    }

    /** The inbound kinds read from the staging database. */
    public static List<String> inboundKinds(AdapterDescriptor descriptor) {
        return descriptor.inbound() == null
                ? List.of()
                : descriptor.inbound().entrySet().stream()
                        .filter(entry -> entry.getValue().fromStagingDb())
                        .map(java.util.Map.Entry::getKey)
                        .sorted()
                        .toList();
    }

    /** The subscribed events written into staging tables (回流). */
    public static List<String> outboundEvents(AdapterDescriptor descriptor) {
        return descriptor.outbound() == null || descriptor.outbound().stagingTables() == null
                ? List.of()
                : descriptor.outbound().stagingTables().keySet().stream()
                        .sorted()
                        .toList();
    }

    static void validate(AdapterDescriptor descriptor, BiConsumer<String, String> report) {
        if (descriptor.inbound() != null) {
            descriptor.inbound().forEach((kind, inbound) -> {
                String at = "inbound." + kind;
                if (inbound.source() != null
                        && !inbound.fromStagingDb()
                        && !inbound.source().equals("http")) {
                    return; // another route's source, checked by its own code
                }
                if (inbound.fromStagingDb()
                        && (inbound.table() == null
                                || !TABLE.matcher(inbound.table()).matches())) {
                    report.accept(
                            at + ".table", "a staging-db kind names its table ([schema.]name, plain identifiers)");
                }
                if (!inbound.fromStagingDb() && inbound.table() != null) {
                    report.accept(at + ".table", "table applies to source: staging-db only");
                }
            });
        }
        if (descriptor.outbound() != null && descriptor.outbound().stagingTables() != null) {
            descriptor.outbound().stagingTables().forEach((event, table) -> {
                if (descriptor.outbound().events() == null
                        || !descriptor.outbound().events().containsKey(event)) {
                    report.accept(
                            "outbound.stagingTables." + event, "a table for an event the system does not subscribe to");
                }
                if (table == null || !TABLE.matcher(table).matches()) {
                    report.accept("outbound.stagingTables." + event, "a table is [schema.]name, plain identifiers");
                }
                if (descriptor.outbound().events() != null
                        && descriptor.outbound().events().get(event) != null) {
                    descriptor
                            .outbound()
                            .events()
                            .get(event)
                            .keySet()
                            .forEach(column -> identifier(report, "outbound.events." + event + "." + column, column));
                }
            });
        }
        AdapterDescriptor.StagingDb staging = descriptor.stagingDb();
        if (staging == null) {
            if (usesStagingDb(descriptor)) {
                report.accept(
                        "stagingDb", "stagingDb (the connection) is required by source: staging-db and stagingTables");
            }
            return;
        }
        if (staging.url() == null || !URL.matcher(staging.url()).matches()) {
            report.accept(
                    "stagingDb.url",
                    "a JDBC or reactive URL of MariaDB/MySQL or PostgreSQL (jdbc:mariadb://host:3306/db, "
                            + "postgresql://host/db)");
        }
        if (staging.user() == null || staging.user().isBlank()) {
            report.accept("stagingDb.user", "user is required");
        }
        if (staging.pollInterval() != null) {
            try {
                if (Duration.parse(staging.pollInterval()).toMillis() < 1000) {
                    report.accept("stagingDb.pollInterval", "at least one second (PT1S)");
                }
            } catch (DateTimeParseException e) {
                report.accept("stagingDb.pollInterval", "an ISO-8601 duration such as PT30S");
            }
        }
        if (staging.batchSize() != null && (staging.batchSize() < 1 || staging.batchSize() > MAX_BATCH_SIZE)) {
            report.accept("stagingDb.batchSize", "1 to " + MAX_BATCH_SIZE);
        }
        AdapterDescriptor.StagingColumns columns = columns(staging);
        identifier(report, "stagingDb.columns.id", columns.id());
        identifier(report, "stagingDb.columns.time", columns.time());
        identifier(report, "stagingDb.columns.batch", columns.batch());
        identifier(report, "stagingDb.columns.operation", columns.operation());
        if (!inboundKinds(descriptor).isEmpty()
                && (staging.receipt() == null || staging.receipt().status() == null)) {
            report.accept("stagingDb.receipt.status", "the receipt status column is required to read a staging table");
        }
        if (staging.receipt() != null) {
            identifier(report, "stagingDb.receipt.status", staging.receipt().status());
            identifier(report, "stagingDb.receipt.errors", staging.receipt().errors());
            identifier(report, "stagingDb.receipt.hubId", staging.receipt().hubId());
            identifier(report, "stagingDb.receipt.time", staging.receipt().time());
        }
        if (staging.jsonColumns() != null) {
            staging.jsonColumns().forEach(column -> identifier(report, "stagingDb.jsonColumns", column));
        }
    }

    private static void identifier(BiConsumer<String, String> report, String field, String name) {
        if (name != null && !IDENTIFIER.matcher(name).matches()) {
            report.accept(field, "'" + name + "' is not a plain SQL identifier (letters, digits, '_')");
        }
    }
}
