package org.supervisionhub.fileimport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds and reads small sheets for the tests: xlsx (shared strings, as Excel writes them) and CSV. */
public final class Sheets {

    private Sheets() {}

    /** An xlsx whose first sheet holds the header and rows; a value that is a LocalDate becomes a date cell. */
    public static byte[] xlsx(List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                first.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (value instanceof java.time.LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV in the charset, optionally with a UTF-8 byte-order mark. */
    public static byte[] csv(List<String> header, List<List<Object>> rows, Charset charset, boolean bom) {
        StringBuilder text = new StringBuilder();
        text.append(line(new ArrayList<>(header)));
        rows.forEach(row -> text.append(line(row)));
        byte[] body = text.toString().getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    private static String line(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object cell = cells.get(i);
            if (cell != null) {
                line.append('"').append(cell.toString().replace("\"", "\"\"")).append('"');
            }
        }
        return line.append("\r\n").toString();
    }

    /** The cells of an xlsx's first sheet as text (numeric cells as their plain value), row by row. */
    public static List<List<String>> read(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard row of a record (as the fixture builds it) under the kind's columns. */
    @SuppressWarnings("unchecked")
    public static List<Object> standardRow(List<StandardColumns.Column> columns, Map<String, Object> record) {
        List<Object> row = new ArrayList<>();
        for (StandardColumns.Column column : columns) {
            if (column.path().startsWith("officers[].")) {
                String part = column.path().substring("officers[].".length());
                List<Map<String, Object>> officers = (List<Map<String, Object>>) record.get("officers");
                row.add(
                        officers == null
                                ? null
                                : String.join(
                                        ",",
                                        officers.stream()
                                                .map(o -> String.valueOf(o.get(part)))
                                                .toList()));
                continue;
            }
            Object value = record;
            for (String part : column.path().split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            if (value instanceof List<?> list) {
                value = String.join(",", list.stream().map(String::valueOf).toList());
            } else if (value instanceof Boolean bool) {
                value = bool ? "是" : "否";
            }
            row.add(value);
        }
        return row;
    }

    public static List<String> headers(List<StandardColumns.Column> columns) {
        return columns.stream().map(StandardColumns.Column::header).toList();
    }
}
