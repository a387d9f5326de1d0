package org.supervisionhub.record;

import com.fasterxml.jackson.databind.JsonNode;
import org.supervisionhub.common.FieldError;

/**
 * A record another component (an adapter) has already turned into the canonical shape, or the reason it could not:
 * it goes through the same validation and idempotent write as an upload.
 */
public record MappedRecord(JsonNode canonical, FieldError failure) {}
