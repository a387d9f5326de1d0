package org.supervisionhub.support;

import java.util.concurrent.atomic.AtomicLong;
import org.supervisionhub.common.code.CreditCodes;

/** Valid unified social credit codes no other test uses. */
public final class CreditCodeGenerator {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 100_000_000L * 10);

    private CreditCodeGenerator() {}

    /** An enterprise (91) code registered in the given region. */
    public static String enterprise(String regionCode) {
        String first17 = "91" + regionCode + String.format("%09d", NEXT.incrementAndGet() % 1_000_000_000L);
        return first17 + CreditCodes.checkCharacter(first17);
    }
}
