package org.supervisionhub.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The dashboard's figures as an xlsx workbook: a sheet 说明 (scope, period, time), then one sheet per indicator group,
 * each with Chinese headers and one row for the total (合计), each region (地区) and each department (部门). Rates are
 * numbers formatted as percentages, exactly the JSON's values; a null figure is an empty cell.
 */
final class StatsWorkbook {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The columns that say which row it is; every group sheet starts with them. */
    static final List<String> KEY_HEADERS = List.of("层级", "地区代码", "地区名称", "部门代码", "部门名称");

    static final String LEVEL_TOTAL = "合计";
    static final String LEVEL_REGION = "地区";
    static final String LEVEL_DEPARTMENT = "部门";

    private StatsWorkbook() {}

    /** One column of a group sheet: its header, its value and whether it is a rate. */
    private record Column<F>(String header, Function<F, Object> value, boolean rate) {}

    private static <F> Column<F> count(String header, Function<F, Object> value) {
        return new Column<>(header, value, false);
    }

    private static <F> Column<F> rate(String header, Function<F, Object> value) {
        return new Column<>(header, value, true);
    }

    /** One row of a group sheet: the keys and the figures of the group. */
    private record Line<F>(String level, String regionCode, String regionName, String code, String name, F figures) {}

    static byte[] write(
            ClaimStats claims, CoverageStats coverage, EffectivenessStats effectiveness, LocalDate from, LocalDate to) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            about(workbook, styles, effectiveness, from, to);
            sheet(
                    workbook,
                    styles,
                    "认领与编制",
                    claimLines(claims),
                    List.of(
                            count("应认领事项数", ClaimStats.Figures::claimableItems),
                            count("已认领事项数", ClaimStats.Figures::claimedItems),
                            rate("事项认领率", ClaimStats.Figures::claimRate),
                            count("已认领检查事项数", ClaimStats.Figures::claimedInspectionItems),
                            count("已编制清单数", ClaimStats.Figures::compiledLists),
                            rate("清单编制完成率", ClaimStats.Figures::completionRate)));
            sheet(
                    workbook,
                    styles,
                    "数据覆盖与质量",
                    coverageLines(coverage),
                    List.of(
                            count("已认领事项数", CoverageStats.Figures::claimedItems),
                            count("有监管行为的事项数", CoverageStats.Figures::coveredItems),
                            rate("监管行为数据覆盖率", CoverageStats.Figures::coverageRate),
                            count("接收记录数", CoverageStats.Figures::receivedRecords),
                            count("拒收记录数", CoverageStats.Figures::rejectedRecords),
                            rate("上报拒收率", CoverageStats.Figures::rejectionRate)));
            sheet(
                    workbook,
                    styles,
                    "实施清单质量",
                    effectivenessLines(effectiveness, EffectivenessStats.Figures::lists),
                    List.of(
                            count("已认领检查事项数", EffectivenessStats.ListFigures::claimedInspectionItems),
                            count("已编制清单数", EffectivenessStats.ListFigures::compiledLists),
                            count("要素完备清单数", EffectivenessStats.ListFigures::completeLists),
                            rate("实施清单完备度", EffectivenessStats.ListFigures::completenessRate),
                            count("要素准确清单数", EffectivenessStats.ListFigures::accurateLists),
                            rate("事项要素填报准确率", EffectivenessStats.ListFigures::accuracyRate)));
            sheet(
                    workbook,
                    styles,
                    "执法人员",
                    effectivenessLines(effectiveness, EffectivenessStats.Figures::officers),
                    List.of(
                            count("注册执法人员数", EffectivenessStats.OfficerFigures::registeredOfficers),
                            count("持证有效人员数", EffectivenessStats.OfficerFigures::certifiedOfficers),
                            rate("注册执法人员率", EffectivenessStats.OfficerFigures::certifiedRate),
                            count("部门数", EffectivenessStats.OfficerFigures::departments),
                            count("持证人员不少于两名的部门数", EffectivenessStats.OfficerFigures::departmentsWithTwoCertified)));
            sheet(
                    workbook,
                    styles,
                    "逾期案件",
                    effectivenessLines(effectiveness, EffectivenessStats.Figures::cases),
                    List.of(
                            count("待办案件数", EffectivenessStats.CaseFigures::openCases),
                            count("逾期案件数", EffectivenessStats.CaseFigures::overdueCases),
                            rate("逾期率", EffectivenessStats.CaseFigures::overdueRate),
                            count(
                                    "最早逾期期限",
                                    f -> f.oldestOverdueDeadline() == null
                                            ? null
                                            : f.oldestOverdueDeadline().toString())));
            sheet(
                    workbook,
                    styles,
                    "推送延迟与积压",
                    effectivenessLines(effectiveness, EffectivenessStats.Figures::push),
                    List.of(
                            count("积压事件数", EffectivenessStats.PushFigures::pendingEvents),
                            count("死信数", EffectivenessStats.PushFigures::deadEvents),
                            count("最久积压（秒）", EffectivenessStats.PushFigures::oldestPendingSeconds),
                            count("已推送事件数", EffectivenessStats.PushFigures::deliveredEvents),
                            count("平均推送延迟（秒）", EffectivenessStats.PushFigures::averageLagSeconds),
                            count("95%推送延迟（秒）", EffectivenessStats.PushFigures::p95LagSeconds),
                            count("最长推送延迟（秒）", EffectivenessStats.PushFigures::maxLagSeconds)));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void about(
            XSSFWorkbook workbook, Styles styles, EffectivenessStats stats, LocalDate from, LocalDate to) {
        Sheet sheet = workbook.createSheet("说明");
        String[][] lines = {
            {"监管效能指标导出", "Effectiveness indicators"},
            {"地区", stats.region() == null ? "全部" : stats.region()},
            {"部门", stats.department() == null ? "全部" : stats.department()},
            {"统计期间起", from.toString()},
            {"统计期间止", to.toString()},
            {"统计时点（案件、积压）", stats.asOf().toString()},
            {"说明", "各指标定义见 OpenAPI: GET /api/v1/stats/effectiveness, /claims, /coverage"}
        };
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(lines[i][0]);
            row.getCell(0).setCellStyle(styles.bold);
            row.createCell(1).setCellValue(lines[i][1]);
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 60 * 256);
    }

    private static <F> void sheet(
            XSSFWorkbook workbook, Styles styles, String name, List<Line<F>> lines, List<Column<F>> columns) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        List<String> headers = new ArrayList<>(KEY_HEADERS);
        columns.forEach(column -> headers.add(column.header()));
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
            header.getCell(i).setCellStyle(styles.bold);
            sheet.setColumnWidth(i, Math.max(12, headers.get(i).length() * 3) * 256);
        }
        int r = 1;
        for (Line<F> line : lines) {
            Row row = sheet.createRow(r++);
            String[] keys = {line.level(), line.regionCode(), line.regionName(), line.code(), line.name()};
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null) {
                    row.createCell(i).setCellValue(keys[i]);
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                Column<F> column = columns.get(i);
                Object value = column.value().apply(line.figures());
                if (value instanceof Number number) {
                    var cell = row.createCell(KEY_HEADERS.size() + i);
                    cell.setCellValue(
                            number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue());
                    if (column.rate()) {
                        cell.setCellStyle(styles.percent);
                    }
                } else if (value != null) {
                    row.createCell(KEY_HEADERS.size() + i).setCellValue(value.toString());
                }
            }
        }
        sheet.createFreezePane(KEY_HEADERS.size(), 1);
    }

    private static List<Line<ClaimStats.Figures>> claimLines(ClaimStats stats) {
        List<Line<ClaimStats.Figures>> lines = new ArrayList<>();
        lines.add(new Line<>(LEVEL_TOTAL, stats.region(), null, stats.department(), null, stats.total()));
        stats.regions()
                .forEach(r ->
                        lines.add(new Line<>(LEVEL_REGION, r.regionCode(), r.regionName(), null, null, r.figures())));
        stats.departments()
                .forEach(d -> lines.add(new Line<>(
                        LEVEL_DEPARTMENT, d.regionCode(), null, d.departmentCode(), d.departmentName(), d.figures())));
        return lines;
    }

    private static List<Line<CoverageStats.Figures>> coverageLines(CoverageStats stats) {
        List<Line<CoverageStats.Figures>> lines = new ArrayList<>();
        lines.add(new Line<>(LEVEL_TOTAL, stats.region(), null, stats.department(), null, stats.total()));
        stats.departments()
                .forEach(d ->
                        lines.add(new Line<>(LEVEL_DEPARTMENT, d.regionCode(), null, d.code(), d.name(), d.figures())));
        return lines;
    }

    private static <F> List<Line<F>> effectivenessLines(
            EffectivenessStats stats, Function<EffectivenessStats.Figures, F> group) {
        List<Line<F>> lines = new ArrayList<>();
        lines.add(new Line<>(LEVEL_TOTAL, stats.region(), null, stats.department(), null, group.apply(stats.total())));
        stats.regions()
                .forEach(r -> lines.add(new Line<>(
                        LEVEL_REGION, r.regionCode(), r.regionName(), null, null, group.apply(r.figures()))));
        stats.departments()
                .forEach(d -> lines.add(new Line<>(
                        LEVEL_DEPARTMENT,
                        d.regionCode(),
                        null,
                        d.departmentCode(),
                        d.departmentName(),
                        group.apply(d.figures()))));
        return lines;
    }

    private static final class Styles {
        final CellStyle bold;
        final CellStyle percent;

        Styles(XSSFWorkbook workbook) {
            Font font = workbook.createFont();
            font.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(font);
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
        }
    }
}
