package org.supervisionhub.fileimport;

import java.util.List;
import java.util.NoSuchElementException;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;

/**
 * The part of {@link SheetRows} that every file type shares: the header is the first row that is not blank, and the
 * iteration yields the further rows that are not blank, one read ahead at the most. A file type only reads its next
 * row.
 */
abstract class NonBlankRows implements SheetRows {

    private List<String> header;
    private Row next;
    private boolean ended;

    /** The file's next row, blank or not, or null after the last. */
    protected abstract Row readNextRow();

    /** Reads the header row (its cells trimmed), or fails with FILE_HEADERS_INVALID when the file holds none. */
    protected final void readHeader(String noHeaderDetail) {
        Row first;
        do {
            first = readNextRow();
        } while (first != null && SheetRows.blank(first.cells()));
        if (first == null) {
            throw HubException.badRequest(ErrorCode.FILE_HEADERS_INVALID, noHeaderDetail);
        }
        this.header = first.cells().stream()
                .map(cell -> cell == null ? "" : cell.strip())
                .toList();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !ended) {
            Row row = readNextRow();
            if (row == null) {
                ended = true;
            } else if (!SheetRows.blank(row.cells())) {
                next = row;
            }
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
    }
}
