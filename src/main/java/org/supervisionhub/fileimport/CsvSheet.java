package org.supervisionhub.fileimport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;

/**
 * A CSV file (RFC 4180: comma-separated, double quotes, line breaks inside quotes) read as a stream of rows. Its charset
 * is UTF-8 (with or without a byte-order mark) or GB18030 (which includes GBK and GB2312): named by the caller, or
 * detected as UTF-8 when the whole file decodes as UTF-8, else GB18030.
 */
final class CsvSheet extends NonBlankRows {

    static final Charset GB18030 = Charset.forName("GB18030");

    private final Reader in;
    private final ImportLimits limits;
    private int line = 1;

    private CsvSheet(Reader in, ImportLimits limits) {
        this.in = in;
        this.limits = limits;
        readHeader("the file holds no header row");
    }

    static CsvSheet open(Path file, Charset charset, ImportLimits limits) {
        try {
            InputStream stream = Files.newInputStream(file);
            if (charset.equals(StandardCharsets.UTF_8)) {
                stream = skipBom(stream);
            }
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new CsvSheet(new BufferedReader(new InputStreamReader(stream, decoder), 64 * 1024), limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The charset to read the file with: the one requested (UTF-8 or GB18030; GBK and GB2312 read as GB18030, their
     * superset), else UTF-8 if the file starts with a UTF-8 byte-order mark or decodes as UTF-8 throughout, else GB18030.
     */
    static Charset charset(Path file, String requested) {
        if (requested != null && !requested.isBlank() && !requested.equalsIgnoreCase("auto")) {
            String name = requested.strip().toUpperCase(Locale.ROOT).replace("_", "-");
            switch (name) {
                case "UTF-8", "UTF8":
                    return StandardCharsets.UTF_8;
                case "GB18030", "GBK", "GB2312", "CP936":
                    return GB18030;
                default:
                    throw HubException.badRequest(
                            ErrorCode.CHARSET_UNSUPPORTED,
                            "a CSV is read as UTF-8 or GB18030 (GBK), not " + requested,
                            new FieldError("charset", ErrorCode.CHARSET_UNSUPPORTED.name(), "UTF-8 or GB18030"));
            }
        }
        return isUtf8(file) ? StandardCharsets.UTF_8 : GB18030;
    }

    private static boolean isUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[32 * 1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                bytes.put(chunk, 0, n);
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, false);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, true);
            return !result.isError() && !decoder.flush(chars).isError() && !bytes.hasRemaining();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream skipBom(InputStream stream) throws IOException {
        java.io.PushbackInputStream in = new java.io.PushbackInputStream(stream, 3);
        byte[] start = new byte[3];
        int n = in.readNBytes(start, 0, 3);
        if (!(n == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF)) {
            in.unread(start, 0, n);
        }
        return in;
    }

    @Override
    protected Row readNextRow() {
        int number = line;
        List<String> cells = readRecord();
        return cells == null ? null : new Row(number, cells);
    }

    /** The next record's fields, or null at the end of the file. */
    private List<String> readRecord() {
        try {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = in.read()) >= 0) {
                any = true;
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int following = in.read();
                        if (following == '"') {
                            append(cell, '"');
                        } else {
                            quoted = false;
                            if (following >= 0) {
                                in.reset();
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        append(cell, (char) c);
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    addCell(cells, cell);
                } else if (c == '\n') {
                    line++;
                    addCell(cells, cell);
                    return cells;
                } else if (c != '\r') {
                    append(cell, (char) c);
                }
            }
            if (!any) {
                return null;
            }
            addCell(cells, cell);
            return cells;
        } catch (CharacterCodingException e) {
            throw HubException.badRequest(
                    ErrorCode.FILE_UNREADABLE,
                    "line " + line + " cannot be decoded in the file's charset (UTF-8 or GB18030: name it with "
                            + "?charset=)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addCell(List<String> cells, StringBuilder cell) {
        if (cells.size() == limits.maxColumns()) {
            throw HubException.badRequest(
                    ErrorCode.FILE_UNREADABLE, "line " + line + " has more than " + limits.maxColumns() + " columns");
        }
        cells.add(cell.toString());
        cell.setLength(0);
    }

    private void append(StringBuilder cell, char c) {
        if (cell.length() == limits.maxCellChars()) {
            throw HubException.badRequest(
                    ErrorCode.CELL_TOO_LONG,
                    "a cell at line " + line + " holds more than " + limits.maxCellChars() + " characters");
        }
        cell.append(c);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing to do: the file is a temporary copy
        }
    }
}
