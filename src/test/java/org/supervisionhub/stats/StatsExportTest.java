package org.supervisionhub.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Tokens;

/** 导出 Excel: the workbook holds the JSON's figures, for the same scope and period (on the effectiveness fixture). */
@QuarkusTest
class StatsExportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Map<String, String> QUERY = Map.of("region", "451100", "from", "2026-01-01");

    private static Response export(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).accept(XLSX).queryParams(query).get("/api/v1/stats/export");
    }

    private static XSSFWorkbook workbook(Response response) throws IOException {
        byte[] bytes = response.then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .contentType(XLSX)
                .extract()
                .asByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static JsonPath json(String path, String token, Map<String, ?> query) {
        return given().auth()
                .oauth2(token)
                .queryParams(query)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    /** The row whose level (column 0) and code (region: column 1, department: column 3) match. */
    private static Row row(Sheet sheet, String level, String code) {
        int codeColumn = level.equals("部门") ? 3 : 1;
        for (Row row : sheet) {
            if (row.getRowNum() > 0
                    && row.getCell(0).getStringCellValue().equals(level)
                    && row.getCell(codeColumn) != null
                    && row.getCell(codeColumn).getStringCellValue().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + level + " " + code + " in " + sheet.getSheetName());
    }

    /** The numeric cell under a header, or null for an empty one. */
    private static Double value(Sheet sheet, Row row, String header) {
        int column = headers(sheet).indexOf(header);
        assertThat(column).as("column %s of %s", header, sheet.getSheetName()).isNotNegative();
        Cell cell = row.getCell(column);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return cell.getNumericCellValue();
    }

    private static double number(Object value) {
        return Double.parseDouble(value.toString()); // JsonPath reads decimals as floats
    }

    @Test
    void workbookHasASheetPerIndicatorGroupWithChineseHeaders() throws IOException {
        try (XSSFWorkbook workbook = workbook(export(Tokens.hubAdmin(), QUERY))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("说明", "认领与编制", "数据覆盖与质量", "实施清单质量", "执法人员", "逾期案件", "推送延迟与积压");
            assertThat(headers(workbook.getSheet("实施清单质量")))
                    .containsExactly(
                            "层级",
                            "地区代码",
                            "地区名称",
                            "部门代码",
                            "部门名称",
                            "已认领检查事项数",
                            "已编制清单数",
                            "要素完备清单数",
                            "实施清单完备度",
                            "要素准确清单数",
                            "事项要素填报准确率");
        }
    }

    @Test
    void listAndOfficerFiguresEqualTheJson() throws IOException {
        JsonPath json = json(EffectivenessStatsTest.PATH, Tokens.hubAdmin(), QUERY);
        try (XSSFWorkbook workbook = workbook(export(Tokens.hubAdmin(), QUERY))) {
            Sheet lists = workbook.getSheet("实施清单质量");
            Map<String, Object> a = EffectivenessStatsTest.group(json, "HZ_EFF_A", "lists");
            Row rowA = row(lists, "部门", "HZ_EFF_A");
            assertThat(rowA.getCell(4).getStringCellValue()).isEqualTo("贺州市效能测试甲局");
            assertThat(value(lists, rowA, "已编制清单数")).isEqualTo(number(a.get("compiledLists")));
            assertThat(value(lists, rowA, "实施清单完备度")).isEqualTo(number(a.get("completenessRate")));
            assertThat(value(lists, rowA, "事项要素填报准确率")).isEqualTo(number(a.get("accuracyRate")));

            Sheet officers = workbook.getSheet("执法人员");
            Map<String, Object> total = EffectivenessStatsTest.group(json, "total", "officers");
            Row totalRow = row(officers, "合计", "451100");
            assertThat(value(officers, totalRow, "注册执法人员数")).isEqualTo(number(total.get("registeredOfficers")));
            assertThat(value(officers, totalRow, "注册执法人员率")).isEqualTo(number(total.get("certifiedRate")));

            Sheet cases = workbook.getSheet("逾期案件");
            Map<String, Object> region = EffectivenessStatsTest.group(json, "451100", "cases");
            Row regionRow = row(cases, "地区", "451100");
            assertThat(regionRow.getCell(2).getStringCellValue()).isEqualTo("贺州市");
            assertThat(value(cases, regionRow, "逾期案件数")).isEqualTo(number(region.get("overdueCases")));
            assertThat(value(cases, regionRow, "逾期率")).isEqualTo(number(region.get("overdueRate")));
        }
    }

    @Test
    void claimFiguresEqualTheClaimsJsonAndAnAbsentRateIsAnEmptyCell() throws IOException {
        JsonPath claims = json("/api/v1/stats/claims", Tokens.hubAdmin(), Map.of("region", "451100"));
        try (XSSFWorkbook workbook = workbook(export(Tokens.hubAdmin(), QUERY))) {
            Sheet sheet = workbook.getSheet("认领与编制");
            Row total = row(sheet, "合计", "451100");
            assertThat(value(sheet, total, "已认领事项数")).isEqualTo(number(claims.get("total.claimedItems")));
            assertThat(value(sheet, total, "事项认领率")).isCloseTo(number(claims.get("total.claimRate")), within(0.0));

            Sheet push = workbook.getSheet("推送延迟与积压");
            assertThat(value(push, row(push, "部门", "HZ_EFF_B"), "平均推送延迟（秒）")).isNull();
        }
    }

    @Test
    void exportIsAnAttachmentNamedForThePeriod() {
        export(Tokens.hubAdmin(), Map.of("region", "451100", "from", "2026-01-01", "to", "2026-06-30"))
                .then()
                .statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"effectiveness-2026-01-01-2026-06-30.xlsx\"");
    }

    @Test
    void deptAdminExportsOnlyItsOwnDepartment() throws IOException {
        try (XSSFWorkbook workbook = workbook(export(Tokens.deptAdmin("HZ_EFF_A", "451100"), Map.of()))) {
            Sheet sheet = workbook.getSheet("执法人员");
            List<String> departments = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("部门")) {
                    departments.add(row.getCell(3).getStringCellValue());
                }
            }
            assertThat(departments).containsExactly("HZ_EFF_A");
        }
    }

    @Test
    void deptAdminExportingAnotherDepartmentIsForbidden() {
        export(Tokens.deptAdmin("HZ_EFF_A", "451100"), Map.of("department", "HZ_EFF_B"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
    }

    @Test
    void regionAdminExportingAnotherRegionIsForbidden() {
        export(Tokens.regionAdmin("450100"), Map.of("region", "451100"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("REGION_OUT_OF_SCOPE"));
    }

    @Test
    void officerMayNotExport() {
        export(Tokens.withRoles("officer-1", List.of("officer"), "HZ_EFF_A", "451100"), Map.of())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }
}
