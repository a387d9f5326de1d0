package org.supervisionhub.fileimport;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of a sheet, read one at a time: the header (the first row that is not blank) and then every data row that
 * is not blank. Never holds more than one row; closing releases the file.
 */
public interface SheetRows extends Iterator<SheetRows.Row>, Closeable {

    /** A data row: its 1-based number in the sheet (or the CSV record's first line), and its cells as text. */
    record Row(int number, List<String> cells) {

        /** The cell at a 0-based column, or null when the row is shorter. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : null;
        }
    }

    /** The header row's cells (trimmed). */
    List<String> header();

    @Override
    void close();

    /** Whether every cell is empty or blank. */
    static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
