import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a standard inspection sheet (the Chinese headers of GET /api/v1/imports/inspection/template.xlsx) of COUNT
 * rows for BENCH_DEPT (bench/records/fixture.sql), streamed with SXSSF, with shared strings as Excel writes them.
 * usage: java -cp "target/quarkus-app/lib/main/*" bench/imports/GenerateSheet.java COUNT DEPARTMENT_CREDIT_CODE OUT.xlsx
 */
public class GenerateSheet {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    static String creditCode(int n) {
        String first17 = "91450100" + String.valueOf(100000000 + n);
        int total = 0;
        for (int i = 0; i < 17; i++) {
            total += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - total % 31) % 31);
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        String department = args[1];
        List<String> header = List.of(
                "来源系统", "来源记录唯一标识", "监管事项编码", "检查实施清单编码", "实施主体名称", "实施主体统一社会信用代码", "对象类型", "对象名称",
                "统一社会信用代码", "行政区划代码", "执法人员姓名", "执法人员发证机关标识", "执法人员执法证号", "上报时间", "上报人",
                "检查行为名称", "检查行为编号", "检查形式", "检查日期", "检查结果代码", "检查结果说明");
        String reported = LocalDateTime.now().minusMinutes(5).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        LocalDate today = LocalDate.now();
        String[] results = {"1", "1", "1", "A", "E"};
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true);
                OutputStream out = new FileOutputStream(args[2])) {
            Sheet sheet = workbook.createSheet("inspection");
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                first.createCell(i).setCellValue(header.get(i));
            }
            for (int n = 0; n < count; n++) {
                String item = String.format("479900000%05d", 10 + n % 10);
                Object[] values = {
                    "BENCH-XLSX", String.format("X%09d", n), item, department + "3" + item, "基准测试局", department, "ENTERPRISE",
                    "南宁市基准测试商贸有限公司" + (n % 50000), creditCode(n % 50000), "450100", "基准执法员甲,基准执法员乙", "BENCH,BENCH",
                    String.format("BENCH%07d,BENCH%07d", 1 + n % 20, 1 + (n + 1) % 20), reported, "基准上报员", "日常监督检查",
                    String.format("JC%09d", n), "ON_SITE", today.minusDays(1 + n % 300).toString(),
                    n % 20 == 7 ? "Z" : results[n % results.length], "现场检查未发现明显问题，已告知经营者落实主体责任"
                };
                Row row = sheet.createRow(n + 1);
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i).setCellValue(values[i].toString());
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }
}
