package org.supervisionhub.common;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JacksonFeatureSet;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeFeature;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads the dates and date-times of client JSON in their common ISO shapes ({@code 2026-03-01},
 * {@code 2026-03-01T09:30:00+08:00}, with or without a fraction, or {@code Z}) without going through
 * {@link DateTimeFormatter}, whose general parser took about 6% of the hub's CPU per uploaded record (the records
 * profile in bench/results). Anything else (other shapes, out-of-range fields, a custom format) is left to
 * Jackson's own deserializers, of which these are subclasses, so every value reads exactly as it did, errors
 * included: IsoDatesTest holds the two to the same answers on generated texts.
 */
@Singleton
public class IsoDates implements ObjectMapperCustomizer {

    /** After Quarkus' own customizers, which register the Java time module: the last module registered wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("iso-dates")
                .addDeserializer(LocalDate.class, new LocalDates())
                .addDeserializer(OffsetDateTime.class, new OffsetDateTimes()));
    }

    /** {@code yyyy-MM-dd} as a LocalDate, or null when the text has another shape or is no date. */
    static LocalDate localDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)} as the OffsetDateTime it names (not yet moved to any time zone),
     * or null when the text has another shape or is no date-time.
     */
    static OffsetDateTime offsetDateTime(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        LocalDate date = localDate(text.substring(0, 10));
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (date == null || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int at = 19;
        int nano = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 10 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            int fractionDigits = at - start;
            if (fractionDigits == 0 || fractionDigits > 9) {
                return null;
            }
            nano = digits(text, start, fractionDigits);
            for (int i = fractionDigits; i < 9; i++) {
                nano *= 10;
            }
        }
        ZoneOffset offset;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (at == length - 6
                && (text.charAt(at) == '+' || text.charAt(at) == '-')
                && text.charAt(at + 3) == ':') {
            int sign = text.charAt(at) == '-' ? -1 : 1;
            int offsetHours = digits(text, at + 1, 2);
            int offsetMinutes = digits(text, at + 4, 2);
            if (offsetHours < 0 || offsetMinutes < 0) {
                return null;
            }
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(
                    date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1 if any is not one. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Jackson's LocalDate deserializer with the ISO date read directly. */
    static final class LocalDates extends LocalDateDeserializer {
        private static final long serialVersionUID = 1L;

        LocalDates() {
            super();
        }

        // Jackson copies a deserializer for each property's format (shape, leniency, pattern, features): the copies
        // are of this class too, and read directly only where the format is still ISO.

        private LocalDates(LocalDates base, JsonFormat.Shape shape) {
            super(base, shape);
        }

        private LocalDates(LocalDates base, Boolean leniency) {
            super(base, leniency);
        }

        private LocalDates(LocalDates base, DateTimeFormatter formatter) {
            super(base, formatter);
        }

        private LocalDates(LocalDates base, JacksonFeatureSet<JavaTimeFeature> features) {
            super(base, features);
        }

        @Override
        protected LocalDates withShape(JsonFormat.Shape shape) {
            return new LocalDates(this, shape);
        }

        @Override
        protected LocalDates withLeniency(Boolean leniency) {
            return new LocalDates(this, leniency);
        }

        @Override
        protected LocalDates withDateFormat(DateTimeFormatter formatter) {
            return new LocalDates(this, formatter);
        }

        @Override
        public LocalDates withFeatures(JacksonFeatureSet<JavaTimeFeature> features) {
            return new LocalDates(this, features);
        }

        @Override
        protected LocalDate _fromString(JsonParser p, DeserializationContext ctxt, String text) throws IOException {
            if (_formatter == DateTimeFormatter.ISO_LOCAL_DATE) {
                LocalDate date = localDate(text);
                if (date != null) {
                    return date;
                }
            }
            return super._fromString(p, ctxt, text);
        }
    }

    /**
     * Jackson's OffsetDateTime deserializer with the common ISO date-time read directly, then moved to the context's
     * time zone as Jackson moves it (ADJUST_DATES_TO_CONTEXT_TIME_ZONE).
     */
    static final class OffsetDateTimes extends InstantDeserializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;

        OffsetDateTimes() {
            super(InstantDeserializer.OFFSET_DATE_TIME, (Boolean) null);
        }

        private OffsetDateTimes(OffsetDateTimes base, DateTimeFormatter formatter) {
            super(base, formatter);
        }

        private OffsetDateTimes(OffsetDateTimes base, DateTimeFormatter formatter, Boolean leniency) {
            super(base, formatter, leniency);
        }

        private OffsetDateTimes(OffsetDateTimes base, JacksonFeatureSet<JavaTimeFeature> features) {
            super(base, features);
        }

        @Override
        protected OffsetDateTimes withDateFormat(DateTimeFormatter formatter) {
            return formatter == _formatter ? this : new OffsetDateTimes(this, formatter);
        }

        @Override
        protected OffsetDateTimes withLeniency(Boolean leniency) {
            return new OffsetDateTimes(this, _formatter, leniency);
        }

        @Override
        public OffsetDateTimes withFeatures(JacksonFeatureSet<JavaTimeFeature> features) {
            return new OffsetDateTimes(this, features);
        }

        @Override
        protected OffsetDateTime _fromString(JsonParser p, DeserializationContext ctxt, String text)
                throws IOException {
            if (_formatter == DateTimeFormatter.ISO_OFFSET_DATE_TIME) {
                OffsetDateTime value = offsetDateTime(text);
                if (value != null) {
                    if (!shouldAdjustToContextTimezone(ctxt)) {
                        return value;
                    }
                    ZoneId zone = ctxt.getTimeZone().toZoneId();
                    return adjust.apply(value, _normalizeZoneId ? zone.normalized() : zone);
                }
            }
            return super._fromString(p, ctxt, text);
        }
    }
}
