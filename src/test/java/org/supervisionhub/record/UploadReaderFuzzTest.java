package org.supervisionhub.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.JsonLimits;
import org.supervisionhub.support.Fuzz;

/**
 * The upload readers (NDJSON streamed, JSON array read whole) on arbitrary bytes: every line is a record or that
 * record's documented error, and the whole upload either reads or is refused with a documented problem (413 when a
 * limit is passed), never another exception. Small limits, so the fuzzer reaches them.
 */
class UploadReaderFuzzTest {

    private static final JsonLimits JSON_LIMITS = new JsonLimits() {
        @Override
        public int maxNestingDepth() {
            return 16;
        }

        @Override
        public int maxNumberLength() {
            return 400;
        }

        @Override
        public int maxStringLength() {
            return 200;
        }
    };

    private static final UploadLimits LIMITS = new UploadLimits() {
        @Override
        public int maxJsonRecords() {
            return 20;
        }

        @Override
        public long maxJsonBytes() {
            return 6_000;
        }

        @Override
        public int maxNdjsonLines() {
            return 30;
        }

        @Override
        public long maxNdjsonBytes() {
            return 6_000;
        }

        @Override
        public int maxLineBytes() {
            return 700;
        }

        @Override
        public long asyncThresholdBytes() {
            return 4_000;
        }

        @Override
        public int maxAtomicRecords() {
            return 10;
        }

        @Override
        public int batchSize() {
            return 4;
        }

        @Override
        public long maxBatchBytes() {
            return 4096;
        }

        @Override
        public long maxAtomicBytes() {
            return 65_536;
        }

        @Override
        public int maxReportedIssues() {
            return 100;
        }

        @Override
        public Jobs jobs() {
            return new Jobs() {
                @Override
                public boolean enabled() {
                    return false;
                }

                @Override
                public Duration pollInterval() {
                    return Duration.ofSeconds(5);
                }

                @Override
                public Duration lease() {
                    return Duration.ofSeconds(60);
                }

                @Override
                public Duration retention() {
                    return Duration.ofDays(30);
                }
            };
        }
    };

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(JSON_LIMITS.constraints());
        return mapper;
    }

    @Test
    void anNdjsonBodyOfArbitraryBytesReadsAsRecordsOrDocumentedErrorsNeverAnotherException() {
        ObjectMapper mapper = mapper();
        Fuzz.property("NDJSON reader", Fuzz.jsonishBytes(400), bytes -> {
            int expectedIndex = 0;
            int lastLine = 0;
            try {
                Iterator<RawRecord> records = UploadSource.ndjson(mapper, new ByteArrayInputStream(bytes), LIMITS);
                while (records.hasNext()) {
                    RawRecord record = records.next();
                    assertThat(record.index()).isEqualTo(expectedIndex++);
                    assertThat(record.line()).isGreaterThan(lastLine);
                    lastLine = record.line();
                    assertThat(record.node() == null).isNotEqualTo(record.unreadable() == null);
                    if (record.unreadable() != null) {
                        Fuzz.requireCatalogCode(record.unreadable().code());
                    }
                }
            } catch (HubException e) {
                Fuzz.requireDocumentedProblem(e);
            }
        });
    }

    @Test
    void aJsonArrayBodyOfArbitraryBytesReadsWholeOrIsRefusedWithADocumentedProblem() {
        ObjectMapper mapper = mapper();
        Fuzz.property("JSON array reader", Fuzz.jsonishBytes(300), bytes -> {
            try {
                List<RawRecord> records = UploadSource.jsonArray(mapper, new ByteArrayInputStream(bytes), LIMITS);
                assertThat(records).isNotEmpty().hasSizeLessThanOrEqualTo(LIMITS.maxJsonRecords());
                records.forEach(record -> assertThat(record.node()).isNotNull());
            } catch (HubException e) {
                Fuzz.requireDocumentedProblem(e);
            }
        });
    }
}
