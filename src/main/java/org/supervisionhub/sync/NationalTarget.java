package org.supervisionhub.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.supervisionhub.common.WireTime;

/**
 * The national platform as a delivery target: events go up in the exchange envelope (batch number = date + daily
 * sequence, source, send time, one row per event with operation i/u/d, unique id and idempotency key).
 */
@ApplicationScoped
public class NationalTarget implements DeliveryTarget, DeliveryTargets {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String BATCH_NUMBER = """
            insert into sync_batch_sequence as s (target, day, seq) values ($1, $2, 1)
            on conflict (target, day) do update set seq = s.seq + 1 returning seq""";

    @Inject
    SyncConfig config;

    @Inject
    NationalClient client;

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    @Override
    public List<DeliveryTarget> targets() {
        return config.national().url().isPresent() ? List.of(this) : List.of();
    }

    @Override
    public String name() {
        return Outbox.NATIONAL;
    }

    @Override
    public String breakerName() {
        return NationalClient.BREAKER;
    }

    @Override
    public DeliveryResult deliver(List<OutboxEvent> events) {
        String batchNo = batchNumber();
        try {
            return client.push(envelope(events, batchNo), batchNo);
        } catch (NationalClient.Unavailable e) {
            return DeliveryResult.failed(e.getMessage());
        }
    }

    private String batchNumber() {
        LocalDate day = LocalDate.now(WireTime.ZONE);
        int seq = pool.preparedQuery(BATCH_NUMBER)
                .execute(Tuple.of(name(), day))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getInteger("seq");
        return day.format(DAY) + String.format("%05d", seq);
    }

    private String envelope(List<OutboxEvent> events, String batchNo) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("batchNo", batchNo);
        envelope.put("source", config.national().source());
        envelope.put("sendTime", OffsetDateTime.now(WireTime.ZONE).toString());
        ArrayNode records = envelope.putArray("records");
        for (OutboxEvent event : events) {
            ObjectNode record = records.addObject();
            record.put("operation", operation(event.eventType()));
            record.put("uniqueId", event.aggregateType() + ":" + event.aggregateId());
            record.put("kind", event.aggregateType());
            record.put("eventType", event.eventType());
            record.put("idempotencyKey", event.idempotencyKey().toString());
            record.putRawValue("data", new RawValue(event.payload()));
        }
        try {
            return mapper.writeValueAsString(envelope);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * i / u / d by the verb that ends the type ({@code <aggregate>.<verb>}): created → i, deleted and released → d,
     * anything else (upserted, updated, sent) → u.
     */
    static String operation(String eventType) {
        String type = eventType.toLowerCase(Locale.ROOT);
        if (type.endsWith("deleted") || type.endsWith("released")) {
            return "d";
        }
        return type.endsWith("created") ? "i" : "u";
    }
}
