package org.supervisionhub.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Timestamps leave the hub as ISO-8601 with the China Standard Time offset, as the data standard shows them. */
public final class WireTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private WireTime() {}

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    /** The same instant with the China Standard Time offset (database timestamps come back in UTC). */
    public static OffsetDateTime of(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
