package org.supervisionhub.fileimport;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;

/**
 * The first worksheet of an xlsx workbook, read as a stream: POI's event API opens the package from the file (the zip
 * is read entry by entry, under POI's ZipSecureFile limits, never inflated whole) and the sheet's XML is pulled with
 * StAX one row at a time, so only the shared strings and the styles are held, never the sheet. Cells become text:
 * shared and inline strings as they are, numbers without exponent or trailing zeros, date-formatted numbers as
 * {@code yyyy-MM-dd} (or {@code yyyy-MM-dd HH:mm:ss} when they carry a time), booleans as TRUE/FALSE.
 */
final class XlsxSheet extends NonBlankRows {

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private final OPCPackage pkg;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final ImportLimits limits;

    private XlsxSheet(OPCPackage pkg, ImportLimits limits) throws IOException, OpenXML4JException, XMLStreamException {
        this.pkg = pkg;
        this.limits = limits;
        try {
            XSSFReader reader = new XSSFReader(pkg);
            this.strings = new ReadOnlySharedStringsTable(pkg, false);
            this.styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw HubException.badRequest(ErrorCode.FILE_UNREADABLE, "the workbook holds no worksheet");
            }
            this.sheet = sheets.next();
            this.xml = XML.createXMLStreamReader(sheet);
        } catch (org.xml.sax.SAXException e) {
            throw unreadable(e);
        }
        readHeader("the first worksheet holds no header row");
    }

    static XlsxSheet open(Path file, ImportLimits limits) {
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(limits.maxUnzippedBytes());
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw unreadable(e);
        }
        try {
            return new XlsxSheet(pkg, limits);
        } catch (HubException e) {
            pkg.revert();
            throw e;
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
            pkg.revert();
            throw unreadable(e);
        }
    }

    private static HubException unreadable(Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (reason.contains("Zip bomb")) {
            reason = "a part inflates beyond the limits (a zip bomb?)";
        } else if (reason.length() > 200) {
            reason = reason.substring(0, 200) + "...";
        }
        return HubException.badRequest(
                ErrorCode.FILE_UNREADABLE, "the file is not a readable xlsx workbook: " + reason);
    }

    @Override
    protected Row readNextRow() {
        try {
            return readRow();
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof HubException hub) {
                throw hub;
            }
            throw unreadable(e);
        }
    }

    /** The next {@code <row>} of the sheet, or null after the last. */
    private Row readRow() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT
                    && xml.getLocalName().equals("row")) {
                return row();
            }
        }
        return null;
    }

    private Row row() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        int number = r == null ? -1 : Integer.parseInt(r);
        List<String> cells = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                int column = column(xml.getAttributeValue(null, "r"), cells.size());
                if (column >= limits.maxColumns()) {
                    throw HubException.badRequest(
                            ErrorCode.FILE_UNREADABLE,
                            "row " + number + " has more than " + limits.maxColumns() + " columns");
                }
                String value = cell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
                while (cells.size() < column) {
                    cells.add(null);
                }
                cells.add(value);
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.getLocalName().equals("row")) {
                break;
            }
        }
        return new Row(number, cells);
    }

    /** Reads one {@code <c>} element to its end and gives its value as text (null when empty). */
    private String cell(String type, String style) throws XMLStreamException {
        StringBuilder value = new StringBuilder();
        StringBuilder inline = new StringBuilder();
        boolean inValue = false;
        boolean inText = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                inValue = name.equals("v");
                inText = name.equals("t");
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (inValue) {
                    append(value, xml.getText());
                } else if (inText) {
                    append(inline, xml.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("c")) {
                    break;
                }
                inValue = false;
                inText = false;
            }
        }
        if ("inlineStr".equals(type)) {
            return inline.toString();
        }
        if (value.isEmpty()) {
            return null;
        }
        String text = value.toString();
        if (type == null || type.equals("n")) {
            return number(text, style);
        }
        return switch (type) {
            case "s" -> sharedString(text);
            case "b" -> text.equals("1") ? "TRUE" : "FALSE";
            default -> text; // str (a formula's text), e (an error such as #N/A), d (an ISO date)
        };
    }

    private String sharedString(String index) {
        try {
            String text = strings.getItemAt(Integer.parseInt(index.strip())).getString();
            if (text != null && text.length() > limits.maxCellChars()) {
                throw tooLong();
            }
            return text;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw HubException.badRequest(ErrorCode.FILE_UNREADABLE, "a cell names a shared string that is not there");
        }
    }

    private String number(String text, String style) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return text;
        }
        if (style != null && styles != null) {
            try {
                XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style.strip()));
                if (cellStyle != null
                        && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString())
                        && DateUtil.isValidExcelDate(value)) {
                    LocalDateTime time = DateUtil.getLocalDateTime(value, false, true);
                    return time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                            ? time.toLocalDate().toString()
                            : time.toLocalDate() + " " + time.toLocalTime().withNano(0);
                }
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                // no such style: the value stays a number
            }
        }
        try {
            BigDecimal decimal = new BigDecimal(text).stripTrailingZeros();
            return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private void append(StringBuilder cell, String text) {
        if (cell.length() + text.length() > limits.maxCellChars()) {
            throw tooLong();
        }
        cell.append(text);
    }

    private HubException tooLong() {
        return HubException.badRequest(
                ErrorCode.CELL_TOO_LONG, "a cell holds more than " + limits.maxCellChars() + " characters");
    }

    /** The 0-based column of a cell reference such as "AB12"; the next column when the reference is absent. */
    private static int column(String reference, int next) {
        if (reference == null) {
            return next;
        }
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            if (column > 16384) {
                break;
            }
        }
        return column - 1;
    }

    @Override
    public void close() {
        try {
            xml.close();
            sheet.close();
        } catch (XMLStreamException | IOException e) {
            // a temporary copy: nothing to keep
        }
        pkg.revert();
    }
}
