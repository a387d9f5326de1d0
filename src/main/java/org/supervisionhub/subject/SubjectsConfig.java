package org.supervisionhub.subject;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** The subject library's reads, and who may set its credit fields. */
@ConfigMapping(prefix = "hub.subjects")
public interface SubjectsConfig {

    /** How long "who supervises" answers are cached per region and industry. Defaults to 60 seconds. */
    @WithDefault("PT60S")
    Duration supervisorCacheTtl();

    /** Lookups of natural persons by ID number, per caller (token subject) across all replicas. */
    PersonLookupLimit personLookupLimit();

    /** At most {@code requests} person lookups per {@code period} and caller; refused (503) while Redis is down. */
    interface PersonLookupLimit {

        /** Lookups per period; defaults to 60. */
        @WithDefault("60")
        int requests();

        /** The counting window; defaults to one minute. */
        @WithDefault("PT1M")
        Duration period();
    }

    /**
     * The systems designated for the credit fields of organisations: a report carrying one of these fields from any
     * other OIDC client (hub-admin's included) is refused with 403 {@code FIELD_SOURCE_NOT_DESIGNATED} naming the
     * field. Clients are named as in the token ({@code azp}, else {@code client_id}, else the principal).
     */
    CreditSources creditSources();

    /** One list of OIDC client ids per credit field. */
    interface CreditSources {

        /** Who may set {@code creditLevel} (信用等级). Defaults to {@code system-credit} (adapters/credit). */
        @WithDefault("system-credit")
        Set<String> creditLevel();

        /**
         * Who may set {@code seriousIllegalListed} (严重违法失信名单). Defaults to {@code system-credit} (adapters/credit).
         */
        @WithDefault("system-credit")
        Set<String> seriousIllegalListed();

        /** Who may set {@code abnormalListed} (经营异常名录). Defaults to {@code system-credit} (adapters/credit). */
        @WithDefault("system-credit")
        Set<String> abnormalListed();
    }
}
