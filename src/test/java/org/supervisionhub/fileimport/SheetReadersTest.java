package org.supervisionhub.fileimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supervisionhub.common.HubException;

/** The streaming readers on their own: CSV quoting and charsets, xlsx cell types, and refusals. */
class SheetReadersTest {

    private static final ImportLimits LIMITS = CountyInspectionSheetTest.LIMITS;

    @TempDir
    Path directory;

    private Path write(byte[] bytes) throws Exception {
        return Files.write(Files.createTempFile(directory, "sheet", ".bin"), bytes);
    }

    private static List<SheetRows.Row> rows(SheetRows sheet) {
        List<SheetRows.Row> rows = new ArrayList<>();
        sheet.forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void csvKeepsQuotedCommasQuotesAndLineBreaksAndSkipsBlankRows() throws Exception {
        Path file = write("名称,说明\r\n\"甲,乙\",\"他说\"\"好\"\"\"\r\n,\r\n丙,\"两\n行\"\r\n".getBytes(StandardCharsets.UTF_8));

        try (SheetRows sheet = CsvSheet.open(file, StandardCharsets.UTF_8, LIMITS)) {
            assertThat(sheet.header()).containsExactly("名称", "说明");
            List<SheetRows.Row> rows = rows(sheet);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).cells()).containsExactly("甲,乙", "他说\"好\"");
            assertThat(rows.get(0).number()).isEqualTo(2);
            assertThat(rows.get(1).cells()).containsExactly("丙", "两\n行");
            assertThat(rows.get(1).number()).isEqualTo(4);
        }
    }

    @Test
    void csvCharsetIsUtf8WhenItDecodesSoElseGb18030() throws Exception {
        byte[] text = "检查日期,结果\n2026-11-30,未发现问题\n".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "检查日期,结果\n2026-11-30,未发现问题\n".getBytes(CsvSheet.GB18030);

        assertThat(CsvSheet.charset(write(text), null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvSheet.charset(write(gbk), null)).isEqualTo(CsvSheet.GB18030);
        assertThat(CsvSheet.charset(write(gbk), "gbk")).isEqualTo(CsvSheet.GB18030);
        try (SheetRows sheet = CsvSheet.open(write(gbk), CsvSheet.GB18030, LIMITS)) {
            assertThat(sheet.header()).containsExactly("检查日期", "结果");
            assertThat(sheet.next().cells()).containsExactly("2026-11-30", "未发现问题");
        }
        assertThatThrownBy(() -> CsvSheet.open(write(gbk), StandardCharsets.UTF_8, LIMITS))
                .isInstanceOf(HubException.class)
                .hasFieldOrPropertyWithValue("code", "FILE_UNREADABLE");
    }

    @Test
    void xlsxCellsBecomeTextDatesNumbersAndGaps() throws Exception {
        List<Object> row = new ArrayList<>();
        row.add("45000000010001");
        row.add(45000000010001L);
        row.add(LocalDate.of(2026, 11, 28));
        row.add(null);
        row.add(5000.5);
        Path file = write(Sheets.xlsx(List.of("编码文本", "编码数字", "日期", "空", "金额"), List.of(row)));

        try (SheetRows sheet = XlsxSheet.open(file, LIMITS)) {
            assertThat(sheet.header()).containsExactly("编码文本", "编码数字", "日期", "空", "金额");
            SheetRows.Row first = sheet.next();
            assertThat(first.number()).isEqualTo(2);
            assertThat(first.cells()).containsExactly("45000000010001", "45000000010001", "2026-11-28", null, "5000.5");
            assertThat(sheet.hasNext()).isFalse();
        }
    }

    @Test
    void xlsxThatInflatesBeyondTheRatioIsRefusedAsAZipBomb() throws Exception {
        byte[] valid = Sheets.xlsx(List.of("a"), List.of(List.of("b")));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(valid));
                ZipOutputStream out = new ZipOutputStream(bomb)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().endsWith("sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    content = xml.replace("<sheetData>", "<sheetData>" + " ".repeat(30_000_000))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.write(content);
                out.closeEntry();
            }
        }

        Path file = write(bomb.toByteArray());
        assertThatThrownBy(() -> {
                    try (SheetRows sheet = XlsxSheet.open(file, LIMITS)) {
                        rows(sheet);
                    }
                })
                .isInstanceOf(HubException.class)
                .hasFieldOrPropertyWithValue("code", "FILE_UNREADABLE")
                .hasMessageContaining("zip bomb");
    }
}
