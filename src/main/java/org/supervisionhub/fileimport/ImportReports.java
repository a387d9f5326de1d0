package org.supervisionhub.fileimport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.supervisionhub.adapter.AdapterDescriptor;
import org.supervisionhub.adapter.AdapterRegistry;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.record.RecordKind;
import org.supervisionhub.record.UploadJobs;

/**
 * What a file import hands back: the annotated copy of the file (every row as it was, plus a column with its errors
 * and warnings; xlsx for an xlsx, CSV for a CSV), written as a stream (SXSSF keeps 100 rows in memory, the job's
 * issues are read page by page), and the template of each kind's standard sheet.
 */
@ApplicationScoped
public class ImportReports {

    /** The header of the column the annotated copy adds. */
    public static final String RESULT_HEADER = "导入结果 (import result)";

    @Inject
    ImportFiles files;

    @Inject
    FileImports imports;

    @Inject
    UploadJobs jobs;

    @Inject
    AdapterRegistry registry;

    /** Writes the job's file with its result column, in the file's own format. */
    public void writeAnnotated(java.util.UUID job, ImportFiles.Meta meta, OutputStream out) {
        Path file;
        try {
            file = Files.createTempFile("hub-import-report-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            files.copyTo(job, meta, file);
            try (SheetRows sheet = imports.openSheet(file, meta.format(), FileImports.charsetOf(meta))) {
                SheetMapping mapping = mappingOf(meta, sheet.header());
                Iterator<UploadJobs.JobIssue> issues = jobs.issues(job);
                if (meta.format().equals("xlsx")) {
                    writeXlsx(sheet, mapping, issues, out);
                } else {
                    writeCsv(sheet, mapping, issues, out);
                }
            }
        } finally {
            FileImports.delete(file);
        }
    }

    /** The mapping that names fields by their headers; none when the route changed since (fields stay paths). */
    private SheetMapping mappingOf(ImportFiles.Meta meta, List<String> header) {
        try {
            if (meta.system() == null) {
                return SheetMapping.standard(RecordKind.valueOf(meta.kind()), "x", header);
            }
            AdapterDescriptor descriptor =
                    registry.find(meta.system()).orElseThrow().descriptor();
            return SheetMapping.adapter(descriptor, descriptor.inbound().get(meta.kind()), header);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The result text of each data row, in order: its errors and warnings, or empty. */
    private static final class Results {
        private final Iterator<UploadJobs.JobIssue> issues;
        private final SheetMapping mapping;
        private UploadJobs.JobIssue pending;
        private int index;

        Results(Iterator<UploadJobs.JobIssue> issues, SheetMapping mapping) {
            this.issues = issues;
            this.mapping = mapping;
        }

        String next() {
            StringBuilder text = new StringBuilder();
            while (true) {
                if (pending == null && issues.hasNext()) {
                    pending = issues.next();
                }
                if (pending == null || pending.index() > index) {
                    break;
                }
                if (pending.index() == index) {
                    for (FieldError error : pending.errors()) {
                        if (!text.isEmpty()) {
                            text.append("；\n");
                        }
                        text.append(pending.severity().equals("ERROR") ? "错误 " : "警告 ");
                        String header =
                                mapping == null || error.field().isEmpty() ? null : mapping.headerOf(error.field());
                        if (header != null) {
                            text.append('【').append(header).append("】");
                        }
                        if (!error.field().isEmpty()) {
                            text.append(error.field()).append(' ');
                        }
                        text.append(error.code()).append(": ").append(error.message());
                    }
                }
                pending = null;
            }
            index++;
            return text.toString();
        }
    }

    private static void writeXlsx(
            SheetRows sheet, SheetMapping mapping, Iterator<UploadJobs.JobIssue> issues, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        workbook.setCompressTempFiles(true);
        try {
            Sheet result = workbook.createSheet("导入结果");
            CellStyle bold = boldStyle(workbook);
            Row header = result.createRow(0);
            List<String> names = sheet.header();
            for (int i = 0; i < names.size(); i++) {
                header.createCell(i).setCellValue(names.get(i));
            }
            org.apache.poi.ss.usermodel.Cell resultHeader = header.createCell(names.size());
            resultHeader.setCellValue(RESULT_HEADER);
            resultHeader.setCellStyle(bold);
            Results results = new Results(issues, mapping);
            int rowNumber = 1;
            while (sheet.hasNext()) {
                SheetRows.Row source = sheet.next();
                Row row = result.createRow(rowNumber++);
                for (int i = 0; i < source.cells().size(); i++) {
                    String cell = source.cells().get(i);
                    if (cell != null) {
                        row.createCell(i).setCellValue(cell);
                    }
                }
                String text = results.next();
                if (!text.isEmpty()) {
                    row.createCell(names.size()).setCellValue(text);
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                // written already
            }
        }
    }

    private static void writeCsv(
            SheetRows sheet, SheetMapping mapping, Iterator<UploadJobs.JobIssue> issues, OutputStream out) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            List<String> header = new ArrayList<>(sheet.header());
            header.add(RESULT_HEADER);
            out.write(csvLine(header).getBytes(StandardCharsets.UTF_8));
            Results results = new Results(issues, mapping);
            while (sheet.hasNext()) {
                List<String> cells = new ArrayList<>(sheet.next().cells());
                while (cells.size() < sheet.header().size()) {
                    cells.add(null);
                }
                cells.add(results.next());
                out.write(csvLine(cells).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 line; the result column's text is the hub's own, the row's cells are given back as they came. */
    private static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            if (cell.indexOf(',') >= 0
                    || cell.indexOf('"') >= 0
                    || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.append("\r\n").toString();
    }

    private static CellStyle boldStyle(org.apache.poi.ss.usermodel.Workbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    /**
     * The template of a kind's standard sheet: the Chinese headers (required ones bold), each with a comment giving
     * the English field and its format, one example row, and a second sheet "说明" listing every column.
     */
    public void writeTemplate(RecordKind kind, OutputStream out) {
        List<StandardColumns.Column> columns = StandardColumns.of(kind);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(kind.name().toLowerCase(java.util.Locale.ROOT));
            CellStyle bold = boldStyle(workbook);
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            for (int i = 0; i < columns.size(); i++) {
                StandardColumns.Column column = columns.get(i);
                org.apache.poi.ss.usermodel.Cell cell = header.createCell(i);
                cell.setCellValue(column.header());
                if (column.required()) {
                    cell.setCellStyle(bold);
                }
                ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
                anchor.setCol1(i);
                anchor.setCol2(i + 3);
                anchor.setRow1(0);
                anchor.setRow2(4);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(workbook.getCreationHelper().createRichTextString(column.description()));
                cell.setCellComment(comment);
                example.createCell(i).setCellValue(column.example() == null ? "" : column.example());
                sheet.setColumnWidth(
                        i, Math.min(60, Math.max(12, column.header().length() * 3)) * 256);
            }
            sheet.createFreezePane(0, 1);
            Sheet guide = workbook.createSheet("说明");
            Row guideHeader = guide.createRow(0);
            String[] titles = {"列名 (header)", "字段 (field)", "格式 (format)", "必填 (required)", "示例 (example)"};
            for (int i = 0; i < titles.length; i++) {
                guideHeader.createCell(i).setCellValue(titles[i]);
                guideHeader.getCell(i).setCellStyle(bold);
            }
            for (int i = 0; i < columns.size(); i++) {
                StandardColumns.Column column = columns.get(i);
                Row row = guide.createRow(i + 1);
                row.createCell(0).setCellValue(column.header());
                row.createCell(1).setCellValue(column.path());
                row.createCell(2).setCellValue(column.type().format());
                row.createCell(3).setCellValue(column.required() ? "是" : "否");
                row.createCell(4).setCellValue(column.example() == null ? "" : column.example());
            }
            Row note = guide.createRow(columns.size() + 2);
            note.createCell(0)
                    .setCellValue("第一行为表头，第二行起每行一条记录（示例行请替换）。One record per row below the header; "
                            + "replace the example row. Upload: POST /api/v1/imports/"
                            + kind.name().toLowerCase(java.util.Locale.ROOT));
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
