package org.supervisionhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.supervisionhub.support.Fuzz;

/**
 * The hub reads ISO dates and date-times without Jackson's formatter, and answers exactly as Jackson's own
 * deserializers do: the same value (offset included) or the same kind of failure, for generated texts near and on the
 * common shapes, with dates moved to the context's time zone or not.
 */
@QuarkusTest
class IsoDatesTest {

    @Inject
    ObjectMapper hubMapper;

    private static final List<String> ZONES = List.of("UTC", "Asia/Shanghai", "America/New_York");

    private static JsonMapper reference(String zone, boolean adjust) {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .defaultTimeZone(TimeZone.getTimeZone(zone))
                .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, adjust)
                .build();
    }

    private static JsonMapper withIsoDates(String zone, boolean adjust) {
        JsonMapper mapper = reference(zone, adjust);
        new IsoDates().customize(mapper);
        return mapper;
    }

    /** What a mapper makes of {@code json} as {@code type}: the value, or the class of the failure. */
    private static Object answer(ObjectMapper mapper, String json, Class<?> type) {
        try {
            Object value = mapper.readValue(json, type);
            // equals on OffsetDateTime compares the offset too; toString makes a failed comparison readable.
            return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    /** Dates and date-times built from parts that are mostly right and sometimes not, in every shape ISO allows. */
    private static Gen<String> dateTimes() {
        return Generate.longRange(0, Long.MAX_VALUE).map(seed -> {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder();
            text.append(pick(random, "2026", "0000", "9999", "1970", "2024", "202", "+2026", "20x6"));
            text.append(pick(random, "-", "-", "-", "/"));
            text.append(String.format("%02d", random.nextInt(14)));
            text.append("-");
            text.append(String.format("%02d", random.nextInt(33)));
            if (random.nextInt(4) == 0) {
                return maybeSpaced(random, text.toString());
            }
            text.append(pick(random, "T", "T", "T", "t", " "));
            text.append(String.format("%02d", random.nextInt(26)));
            text.append(":").append(String.format("%02d", random.nextInt(62)));
            if (random.nextInt(8) != 0) {
                text.append(":").append(String.format("%02d", random.nextInt(62)));
            }
            if (random.nextBoolean()) {
                text.append('.');
                int digits = random.nextInt(11);
                for (int i = 0; i < digits; i++) {
                    text.append(random.nextInt(10));
                }
            }
            switch (random.nextInt(9)) {
                case 0 -> text.append('Z');
                case 1 -> text.append('z');
                case 2 -> {} // no offset
                case 3 ->
                    text.append(pick(random, "+", "-"))
                            .append(String.format("%02d%02d", random.nextInt(20), random.nextInt(61)));
                case 4 -> text.append(pick(random, "+", "-")).append(String.format("%02d", random.nextInt(20)));
                case 5 ->
                    text.append(pick(random, "+", "-"))
                            .append(String.format(
                                    "%02d:%02d:%02d", random.nextInt(19), random.nextInt(60), random.nextInt(61)));
                default ->
                    text.append(pick(random, "+", "-", "+", "−"))
                            .append(String.format("%02d:%02d", random.nextInt(20), random.nextInt(62)));
            }
            return maybeSpaced(random, text.toString());
        });
    }

    private static String maybeSpaced(Random random, String text) {
        return random.nextInt(10) == 0 ? " " + text + (random.nextBoolean() ? " " : "") : text;
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static void sameAnswers(String text) {
        String json = "\"" + text + "\"";
        for (String zone : ZONES) {
            for (boolean adjust : new boolean[] {true, false}) {
                for (Class<?> type : List.of(LocalDate.class, OffsetDateTime.class)) {
                    assertThat(answer(withIsoDates(zone, adjust), json, type))
                            .as("%s as %s in %s, adjusted %s", json, type.getSimpleName(), zone, adjust)
                            .isEqualTo(answer(reference(zone, adjust), json, type));
                }
            }
        }
    }

    @Test
    void generatedDatesAndDateTimesReadAsJacksonReadsThem() {
        Fuzz.property("ISO dates and date-times as Jackson reads them", dateTimes(), IsoDatesTest::sameAnswers);
    }

    @Test
    void theCommonShapesAndTheirEdgesReadAsJacksonReadsThem() {
        for (String text : List.of(
                "2026-03-01",
                "2024-02-29",
                "2026-02-29",
                "2026-13-01",
                "2026-00-10",
                "2026-03-01T09:30:00+08:00",
                "2026-03-01T09:30:00.123+08:00",
                "2026-03-01T09:30:00.123456789Z",
                "2026-03-01T09:30:00.1234567890Z",
                "2026-03-01T09:30:00.Z",
                "2026-03-01T23:59:60Z",
                "2026-03-01T24:00:00Z",
                "2026-03-01T09:30:00-00:00",
                "2026-03-01T09:30:00+18:00",
                "2026-03-01T09:30:00+18:01",
                "2026-03-01T09:30:00+05:60",
                "2026-03-01T09:30:00-05:30",
                "2026-03-01T09:30Z",
                "2026-03-01T09:30:00+0800",
                "2026-03-01T09:30:00",
                "")) {
            sameAnswers(text);
        }
    }

    @Test
    void aDateTimeIsMovedToTheContextsZoneKeepingItsInstant() throws Exception {
        OffsetDateTime read =
                withIsoDates("UTC", true).readValue("\"2026-03-01T09:30:00+08:00\"", OffsetDateTime.class);

        assertThat(read).isEqualTo(OffsetDateTime.of(2026, 3, 1, 1, 30, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void theHubsMapperReadsDatesAndDateTimesWithThese() throws Exception {
        DefaultDeserializationContext context = ((DefaultDeserializationContext) hubMapper.getDeserializationContext())
                .createInstance(hubMapper.getDeserializationConfig(), null, null);
        JsonDeserializer<Object> dates = context.findRootValueDeserializer(hubMapper.constructType(LocalDate.class));
        JsonDeserializer<Object> dateTimes =
                context.findRootValueDeserializer(hubMapper.constructType(OffsetDateTime.class));

        assertThat(dates).isInstanceOf(IsoDates.LocalDates.class);
        assertThat(dateTimes).isInstanceOf(IsoDates.OffsetDateTimes.class);
        assertThat(hubMapper.readValue("\"2026-03-01T09:30:00+08:00\"", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2026, 3, 1, 1, 30, 0, 0, ZoneOffset.UTC));
    }
}
