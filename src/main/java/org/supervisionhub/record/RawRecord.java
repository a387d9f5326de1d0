package org.supervisionhub.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.supervisionhub.common.FieldError;

/**
 * One record as read from an upload, before binding: its 0-based position, its 1-based NDJSON line (null in a JSON
 * array), either its JSON value or the reason it could not be read, and the bytes of its JSON text (what batches are
 * budgeted by; 0 where the record did not come as text).
 *
 * <p>A record read from text keeps the text, already checked well-formed and within the JSON limits, and is bound to
 * the wire model straight from it ({@link #parser}); its JSON tree is built only when someone asks for it ({@link
 * #node}: a dry run's answer, the source record id of a record that could not be bound), so the hot path parses each
 * record once instead of into a tree and then out of it.
 */
final class RawRecord {

    private final int index;
    private final Integer line;
    private final FieldError unreadable;
    private final int bytes;
    private final ObjectMapper mapper;
    private final byte[] text;
    private final int offset;
    private final int length;
    private JsonNode node;

    /** A record given as a JSON value (or as the reason it could not be read). */
    RawRecord(int index, Integer line, JsonNode node, FieldError unreadable, int bytes) {
        this(index, line, node, unreadable, bytes, null, null, 0, 0);
    }

    private RawRecord(
            int index,
            Integer line,
            JsonNode node,
            FieldError unreadable,
            int bytes,
            ObjectMapper mapper,
            byte[] text,
            int offset,
            int length) {
        this.index = index;
        this.line = line;
        this.node = node;
        this.unreadable = unreadable;
        this.bytes = bytes;
        this.mapper = mapper;
        this.text = text;
        this.offset = offset;
        this.length = length;
    }

    /** A record given as checked JSON text: {@code length} bytes at {@code offset} hold exactly one JSON value. */
    static RawRecord ofText(ObjectMapper mapper, int index, Integer line, byte[] text, int offset, int length) {
        return new RawRecord(index, line, null, null, length, mapper, text, offset, length);
    }

    /** This record at another line (a stored chunk's or a sheet's row numbers). */
    RawRecord atLine(Integer line) {
        return new RawRecord(index, line, node, unreadable, bytes, mapper, text, offset, length);
    }

    int index() {
        return index;
    }

    Integer line() {
        return line;
    }

    FieldError unreadable() {
        return unreadable;
    }

    int bytes() {
        return bytes;
    }

    /** Whether the record came as text, to be bound with {@link #parser}. */
    boolean isText() {
        return text != null;
    }

    /** A parser over the record's text, before its first token. */
    JsonParser parser() throws IOException {
        return mapper.createParser(text, offset, length);
    }

    /** Whether the record's text holds {@code ascii} (say, a key) anywhere, without parsing it. */
    boolean textContains(byte[] ascii) {
        outer:
        for (int i = offset, end = offset + length - ascii.length; i <= end; i++) {
            for (int j = 0; j < ascii.length; j++) {
                if (text[i + j] != ascii[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The record's JSON value: null where it could not be read. */
    JsonNode node() {
        if (node == null && text != null) {
            try {
                node = mapper.readTree(text, offset, length);
            } catch (IOException e) {
                // Checked when it was read: only a limit the streaming check could not see is left, and binding the
                // same text has answered it as the record's error.
                return null;
            }
        }
        return node;
    }
}
