package org.supervisionhub.record;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Size limits, batching and job processing of record uploads. */
@ConfigMapping(prefix = "hub.records")
public interface UploadLimits {

    /** Records in one JSON array upload. Defaults to 1000. */
    @WithDefault("1000")
    int maxJsonRecords();

    /** Bytes of one JSON array upload. Defaults to 16 MiB. */
    @WithDefault("16777216")
    long maxJsonBytes();

    /** Lines of one NDJSON upload. Defaults to 100000. */
    @WithDefault("100000")
    int maxNdjsonLines();

    /** Bytes of one NDJSON upload. Defaults to 512 MiB. */
    @WithDefault("536870912")
    long maxNdjsonBytes();

    /** Bytes of one NDJSON line (one record). Defaults to 256 KiB. */
    @WithDefault("262144")
    int maxLineBytes();

    /** An NDJSON upload whose Content-Length exceeds this becomes a job (202). Defaults to 8 MiB. */
    @WithDefault("8388608")
    long asyncThresholdBytes();

    /**
     * Records of one atomic upload: it is read and validated whole before its one transaction opens, so it is held
     * in memory. Defaults to 10000.
     */
    @WithDefault("10000")
    int maxAtomicRecords();

    /**
     * Bytes of an atomic upload's records (their JSON text): it is held in memory whole, as canonical records, until
     * its transaction commits. Defaults to 32 MiB.
     */
    @WithDefault("33554432")
    long maxAtomicBytes();

    /** Records validated and written per transaction. Defaults to 500. */
    @WithDefault("500")
    int batchSize();

    /**
     * The memory budget of one batch, in bytes of the records' JSON text: a batch ends at {@link #batchSize()} records
     * or once its records reach this many bytes, whichever comes first. A record is held as a JSON tree while it is
     * validated, many times its text, so large records make smaller batches. Defaults to 4 MiB.
     */
    @WithDefault("4194304")
    long maxBatchBytes();

    /** Rejections and warnings listed in a synchronous answer; more are counted only. Defaults to 1000. */
    @WithDefault("1000")
    int maxReportedIssues();

    /** Upload jobs. */
    Jobs jobs();

    interface Jobs {

        /** Whether this replica processes upload jobs. Defaults to true. */
        @WithDefault("true")
        boolean enabled();

        /** How often to look for queued jobs and expired leases. Defaults to 5 seconds. */
        @WithDefault("PT5S")
        java.time.Duration pollInterval();

        /**
         * How long a job is held by the replica receiving or processing it. The receiving replica renews it every third
         * of it while the request is open (the body still arriving, however slowly), the processing one with every
         * chunk; a job left with an expired lease is taken over (queued or running) or failed (still receiving: its
         * body never fully arrived). Defaults to 60 seconds.
         */
        @WithDefault("PT60S")
        java.time.Duration lease();

        /** Finished jobs (counters and issue reports) are kept this long, then purged hourly. Defaults to 30 days. */
        @WithDefault("P30D")
        java.time.Duration retention();
    }
}
