package org.supervisionhub.record;

import com.fasterxml.jackson.databind.JsonNode;
import org.supervisionhub.common.FieldError;

/**
 * One record as read from an upload, before binding: its 0-based position, its 1-based NDJSON line (null in a JSON
 * array), either the parsed JSON value or the reason the line could not be read, and the bytes of its JSON text (what
 * batches are budgeted by; 0 where the record did not come as text).
 */
record RawRecord(int index, Integer line, JsonNode node, FieldError unreadable, int bytes) {}
