package org.supervisionhub.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.supervisionhub.common.ByteLimitedInputStream;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.JsonLimits;

/** Reads uploads as a sequence of raw records: a JSON array (bounded, read whole) or NDJSON (streamed). */
final class UploadSource {

    static final String NDJSON = "application/x-ndjson";

    private UploadSource() {}

    /**
     * A JSON array of at most {@code maxJsonRecords} elements; malformed JSON, or a value beyond the JSON limits,
     * rejects the whole upload. The body (at most {@code maxJsonBytes}) is kept as bytes and checked in one streaming
     * pass; each element stays text until it is bound (see {@link RawRecord}).
     */
    static JsonArray jsonArray(ObjectMapper mapper, InputStream body, UploadLimits limits) {
        byte[] bytes;
        try (InputStream in = limited(body, limits.maxJsonBytes())) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<long[]> elements = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw HubException.badRequest(
                        "BODY_NOT_AN_ARRAY",
                        "a JSON upload is an array of records "
                                + "(send one record per line as application/x-ndjson to stream)");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (elements.size() == limits.maxJsonRecords()) {
                    throw tooLarge("at most " + limits.maxJsonRecords() + " records per JSON upload; "
                            + "send larger uploads as application/x-ndjson");
                }
                long start = parser.currentTokenLocation().getByteOffset();
                if (start < 0) {
                    // Only a UTF-16 or UTF-32 body is read by characters; a JSON upload is UTF-8 (RFC 8259).
                    throw HubException.badRequest("MALFORMED_JSON", "the body is not JSON in UTF-8");
                }
                checkValue(parser);
                elements.add(new long[] {start, parser.currentLocation().getByteOffset()});
            }
            if (parser.nextToken() != null) {
                throw HubException.badRequest("MALFORMED_JSON", "content after the closing ']' of the array");
            }
        } catch (JsonProcessingException e) {
            StreamConstraintsException limit = limitOf(e);
            if (limit != null) {
                throw JsonLimits.problemOf(limit, "the body");
            }
            throw HubException.badRequest(
                    "MALFORMED_JSON",
                    "the body is not valid JSON: " + e.getOriginalMessage() + " (line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        } catch (java.io.CharConversionException e) {
            throw HubException.badRequest("MALFORMED_JSON", "the body is not JSON in UTF-8: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (elements.isEmpty()) {
            throw HubException.badRequest("BODY_EMPTY", "the array holds no records");
        }
        return new JsonArray(mapper, bytes, elements);
    }

    /**
     * Reads the value at the parser's current token to its end, materialising every string on the way so that the
     * string-length limit is enforced here, as building the tree would (nesting and number limits apply as tokens are
     * read).
     */
    private static void checkValue(JsonParser parser) throws IOException {
        int depth = 0;
        JsonToken token = parser.currentToken();
        do {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.VALUE_STRING) {
                parser.getText();
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
        } while (token != null);
    }

    /** The elements of a checked JSON array upload, each kept as its text (see {@link RawRecord}). */
    static final class JsonArray extends AbstractList<RawRecord> {
        private final ObjectMapper mapper;
        private final byte[] bytes;
        private final List<long[]> elements;

        private JsonArray(ObjectMapper mapper, byte[] bytes, List<long[]> elements) {
            this.mapper = mapper;
            this.bytes = bytes;
            this.elements = elements;
        }

        @Override
        public int size() {
            return elements.size();
        }

        @Override
        public RawRecord get(int index) {
            long[] element = elements.get(index);
            int start = (int) element[0];
            return RawRecord.ofText(mapper, index, null, bytes, start, (int) element[1] - start);
        }

        /** The JSON text of elements {@code from} (inclusive) to {@code to} (exclusive). */
        List<String> texts(int from, int to) {
            List<String> texts = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                long[] element = elements.get(i);
                texts.add(new String(bytes, (int) element[0], (int) (element[1] - element[0]), StandardCharsets.UTF_8));
            }
            return texts;
        }
    }

    /** NDJSON lines as raw records, streamed: a malformed line becomes that record's error; blank lines are skipped. */
    static Iterator<RawRecord> ndjson(ObjectMapper mapper, InputStream body, UploadLimits limits) {
        return new NdjsonRecords(
                mapper,
                new NdjsonLines(limited(body, limits.maxNdjsonBytes()), limits.maxLineBytes()),
                limits.maxNdjsonLines());
    }

    /** The raw lines of an NDJSON body (for spooling a job), with the same limits. */
    static NdjsonLines ndjsonLines(InputStream body, UploadLimits limits) {
        return new NdjsonLines(limited(body, limits.maxNdjsonBytes()), limits.maxLineBytes());
    }

    static HubException tooLarge(String detail) {
        return new HubException(413, "PAYLOAD_TOO_LARGE", "Payload too large", detail, List.of());
    }

    private static InputStream limited(InputStream body, long maxBytes) {
        return new ByteLimitedInputStream(body, maxBytes, limit -> tooLarge("the body exceeds " + limit + " bytes"));
    }

    /** A line of an NDJSON body: its 1-based number and bytes, or null bytes when the line was too long. */
    record Line(int number, byte[] bytes) {}

    /** Splits a stream into lines of bounded length, without decoding more than one line at a time. */
    static final class NdjsonLines implements Iterator<Line> {
        private final InputStream in;
        private final int maxLineBytes;
        private final byte[] chunk = new byte[64 * 1024];
        private int position;
        private int limit;
        private byte[] buffer = new byte[8192];
        private int lineNumber;
        private Line next;
        private boolean ended;

        NdjsonLines(InputStream in, int maxLineBytes) {
            this.in = in;
            this.maxLineBytes = maxLineBytes;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !ended) {
                next = readLine();
            }
            return next != null;
        }

        @Override
        public Line next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Line line = next;
            next = null;
            return line;
        }

        private Line readLine() {
            try {
                while (true) {
                    int length = 0;
                    boolean overflow = false;
                    boolean newline = false;
                    while (!newline) {
                        if (position == limit && !fill()) {
                            break;
                        }
                        int end = position;
                        while (end < limit && chunk[end] != '\n') {
                            end++;
                        }
                        newline = end < limit;
                        int take = end - position;
                        if (length + take > maxLineBytes) {
                            overflow = true;
                        } else {
                            if (length + take > buffer.length) {
                                buffer = Arrays.copyOf(
                                        buffer, Math.min(Math.max(buffer.length * 2, length + take), maxLineBytes));
                            }
                            System.arraycopy(chunk, position, buffer, length, take);
                            length += take;
                        }
                        position = newline ? end + 1 : end;
                    }
                    if (!newline && length == 0 && !overflow) {
                        ended = true;
                        return null;
                    }
                    lineNumber++;
                    if (overflow) {
                        return new Line(lineNumber, null);
                    }
                    if (length > 0 && buffer[length - 1] == '\r') {
                        length--;
                    }
                    if (!isBlank(buffer, length)) {
                        return new Line(lineNumber, Arrays.copyOf(buffer, length));
                    }
                    if (!newline) {
                        ended = true;
                        return null;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private boolean fill() throws IOException {
            int n = in.read(chunk, 0, chunk.length);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }

        private static boolean isBlank(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                if (bytes[i] != ' ' && bytes[i] != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class NdjsonRecords implements Iterator<RawRecord> {
        private final ObjectMapper mapper;
        private final NdjsonLines lines;
        private final int maxLines;
        private int index;

        NdjsonRecords(ObjectMapper mapper, NdjsonLines lines, int maxLines) {
            this.mapper = mapper;
            this.lines = lines;
            this.maxLines = maxLines;
        }

        @Override
        public boolean hasNext() {
            return lines.hasNext();
        }

        @Override
        public RawRecord next() {
            Line line = lines.next();
            if (index == maxLines) {
                throw tooLarge("at most " + maxLines + " records per NDJSON upload; the records before line "
                        + line.number() + " were processed");
            }
            return parse(mapper, index++, line);
        }
    }

    /**
     * The key of a stored record that stands for a failure to produce one (a file row its mapping could not convert):
     * the job worker reads it back as that record's error. Never a field of a record, so it cannot hide one.
     */
    static final String FAILURE = "$unreadable";

    /** The stored text of a record read from a file: its JSON, or its failure under {@link #FAILURE}. */
    static String text(ObjectMapper mapper, com.fasterxml.jackson.databind.JsonNode canonical, FieldError failure) {
        try {
            return failure != null
                    ? mapper.writeValueAsString(java.util.Map.of(FAILURE, failure))
                    : mapper.writeValueAsString(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final byte[] FAILURE_NAME = "unreadable".getBytes(StandardCharsets.US_ASCII);

    /**
     * A parsed record that is a stored failure becomes that record's error; any other stays as it is. Only a text
     * holding the key as the hub writes it (unescaped) is parsed to find out.
     */
    static RawRecord failureOf(ObjectMapper mapper, RawRecord parsed) {
        if (parsed.isText() && !parsed.textContains(FAILURE_NAME)) {
            return parsed;
        }
        com.fasterxml.jackson.databind.JsonNode node = parsed.node();
        if (node == null || !node.isObject() || node.size() != 1 || !node.has(FAILURE)) {
            return parsed;
        }
        FieldError failure;
        try {
            failure = mapper.treeToValue(node.get(FAILURE), FieldError.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            failure = new FieldError("", "MALFORMED_JSON", "the record cannot be read");
        }
        return new RawRecord(parsed.index(), parsed.line(), null, failure, parsed.bytes());
    }

    /**
     * A line as a record: its first JSON value is checked (well-formed, within the JSON limits) in one streaming pass
     * and kept as text; anything after that value is ignored, as a tree reader ignores it.
     */
    static RawRecord parse(ObjectMapper mapper, int index, Line line) {
        String at = "line " + line.number();
        if (line.bytes() == null) {
            return unreadable(index, line, new FieldError("", "LINE_TOO_LONG", at + " is longer than the limit"));
        }
        try (JsonParser parser = mapper.getFactory().createParser(line.bytes())) {
            if (parser.nextToken() != null) {
                checkValue(parser);
            }
            return RawRecord.ofText(mapper, index, line.number(), line.bytes(), 0, line.bytes().length);
        } catch (JsonProcessingException e) {
            StreamConstraintsException limit = limitOf(e);
            if (limit != null) {
                ErrorCode code = JsonLimits.codeOf(limit);
                return unreadable(
                        index,
                        line,
                        new FieldError("", code, at + " exceeds a JSON limit: " + JsonLimits.describe(code)));
            }
            return unreadable(
                    index,
                    line,
                    new FieldError("", "MALFORMED_JSON", at + " is not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            // The line is in memory: the only I/O failure left is its bytes (e.g. taken for broken UTF-32).
            return unreadable(index, line, new FieldError("", "MALFORMED_JSON", at + " is not JSON in UTF-8"));
        }
    }

    private static RawRecord unreadable(int index, Line line, FieldError error) {
        return new RawRecord(index, line.number(), null, error, 0);
    }

    /** The broken JSON limit in the cause chain, if that is why parsing failed. */
    private static StreamConstraintsException limitOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }
}
