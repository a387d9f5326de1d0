package org.supervisionhub.fileimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supervisionhub.adapter.AdapterDescriptor;
import org.supervisionhub.adapter.AdapterRegistry;

/**
 * The county's 行政检查 ledger (adapters/county-inspection-xlsx): its sample workbook, read by the streaming reader and
 * mapped by the descriptor, gives the golden canonical records. {@code -Dhub.samples.update=true} rewrites both sample
 * files (the workbook is generated here, not edited by hand).
 */
class CountyInspectionSheetTest {

    static final Path FOLDER = Path.of("adapters", "county-inspection-xlsx");
    static final List<String> HEADER = List.of(
            "序号",
            "检查编号",
            "监管事项编码",
            "检查实施清单编码",
            "检查单位",
            "检查单位统一社会信用代码",
            "对象类型",
            "被检查对象名称",
            "被检查对象统一社会信用代码",
            "行政区划代码",
            "检查人员",
            "执法证号",
            "发证机关",
            "检查事项",
            "检查形式",
            "检查日期",
            "检查结果",
            "结果说明",
            "填报时间",
            "填报人");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static final ImportLimits LIMITS = new ImportLimits() {
        @Override
        public long maxFileBytes() {
            return 1 << 20;
        }

        @Override
        public int maxRows() {
            return 100;
        }

        @Override
        public int maxDryRunRows() {
            return 100;
        }

        @Override
        public int maxColumns() {
            return 256;
        }

        @Override
        public int maxCellChars() {
            return 32767;
        }

        @Override
        public long maxUnzippedBytes() {
            return 1 << 26;
        }

        @Override
        public double minInflateRatio() {
            return 0.01;
        }
    };

    /** One ledger row: a check by two officers, side by side in two comma-separated columns. */
    static List<Object> row(
            String number,
            String item,
            String list,
            String bodyCode,
            String subjectCode,
            LocalDate checkDate,
            String reported,
            String issuer,
            String certNos) {
        return new ArrayList<>(List.of(
                1,
                number,
                item,
                list,
                "南宁市青秀区市场监督管理局",
                bodyCode,
                "企业",
                "南宁市青秀区某某餐饮店有限公司",
                subjectCode,
                "450103",
                "王亚军,杜晓颖",
                certNos,
                issuer,
                "餐饮服务食品安全日常检查",
                "现场检查",
                checkDate,
                "未发现问题",
                "",
                reported,
                "李明"));
    }

    private static byte[] sample() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(
                "QX-JC-2026-0001",
                "45001000100001",
                "114501030000000001445001000100001",
                "11450103000000000X",
                "91450103MA5K000001",
                LocalDate.of(2026, 11, 20),
                "2026-11-21 09:30:00",
                "GXZF",
                "GX0000000001,GX0000000002"));
        List<Object> second = row(
                "QX-JC-2026-0002",
                "45001000100001",
                "114501030000000001445001000100001",
                "11450103000000000X",
                "92450103MA5K000002",
                LocalDate.of(2026, 11, 21),
                "2026-11-22 10:05:00",
                "GXZF",
                ",GX0000000002");
        second.set(0, 2);
        second.set(HEADER.indexOf("对象类型"), "个体工商户");
        second.set(HEADER.indexOf("检查结果"), "责令已改正");
        second.set(HEADER.indexOf("结果说明"), "后厨卫生不达标，已当场整改");
        rows.add(second);
        return Sheets.xlsx(HEADER, rows);
    }

    @Test
    void sampleLedgerMapsOntoItsGoldenCanonicalRecords() throws Exception {
        Path workbook = FOLDER.resolve("samples/inspections.xlsx");
        Path golden = FOLDER.resolve("samples/inspections.canonical.json");
        if (Boolean.getBoolean("hub.samples.update") || !Files.exists(workbook)) {
            Files.write(workbook, sample());
        }
        AdapterDescriptor descriptor = AdapterRegistry.loadAll(FOLDER.getParent())
                .get("county-inspection-xlsx")
                .descriptor();

        ArrayNode mapped = JSON.createArrayNode();
        try (SheetRows sheet = XlsxSheet.open(workbook, LIMITS)) {
            SheetMapping mapping =
                    SheetMapping.adapter(descriptor, descriptor.inbound().get("inspections"), sheet.header());
            while (sheet.hasNext()) {
                var record = mapping.map(sheet.next());
                assertThat(record.failure()).isNull();
                mapped.add(record.canonical());
            }
        }
        if (Boolean.getBoolean("hub.samples.update") || !Files.exists(golden)) {
            Files.writeString(golden, JSON.writeValueAsString(mapped) + "\n");
        }

        JsonNode expected = JSON.readTree(golden.toFile());
        assertThat(mapped).isEqualTo(expected);
        assertThat(mapped.get(1).path("inspection").path("checkDate").asText()).isEqualTo("2026-11-21");
        assertThat(mapped.get(1).path("subject").path("type").asText()).isEqualTo("INDIVIDUAL_BUSINESS");
        assertThat(mapped.get(0).path("officers").get(1).path("name").asText()).isEqualTo("杜晓颖");
        assertThat(mapped.get(0).path("officers").get(1).path("certNo").asText())
                .isEqualTo("GX0000000002");
        assertThat(mapped.get(1).path("officers").get(0).path("certNo").isNull())
                .isTrue();
    }

    @Test
    void theCountyDescriptorLoadsWithoutProblems() {
        AdapterRegistry.Loaded loaded =
                AdapterRegistry.loadAll(FOLDER.getParent()).get("county-inspection-xlsx");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.descriptor().inbound().get("inspections").effectiveSource())
                .isEqualTo("file");
    }
}
