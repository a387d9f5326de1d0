package org.supervisionhub.record;

import java.util.Map;
import java.util.Set;

/** The code lists of the data standard that uploads are checked against (see ../shared/DOMAIN.md). */
final class RecordCodes {

    /** 双随机 check result codes. */
    static final Map<String, String> INSPECTION_RESULTS = Map.ofEntries(
            Map.entry("1", "未发现问题"),
            Map.entry("6", "无法联系"),
            Map.entry("7", "已关闭停业"),
            Map.entry("8", "不配合检查"),
            Map.entry("9", "注销"),
            Map.entry("10", "被吊销"),
            Map.entry("11", "被撤销"),
            Map.entry("12", "迁出"),
            Map.entry("A", "发现问题待后续处理"),
            Map.entry("B", "未按规定公示"),
            Map.entry("C", "公示信息弄虚作假"),
            Map.entry("D", "违反其他规定"),
            Map.entry("E", "责令已改正"),
            Map.entry("F", "未发现涉及经营活动"));

    static final Set<String> INSPECTION_FORMS = Set.of("ON_SITE", "OFF_SITE");

    /** 处罚程序: 01 简易, 02 一般. */
    static final String SIMPLE_PROCEDURE = "01";

    static final Set<String> PENALTY_PROCEDURES = Set.of(SIMPLE_PROCEDURE, "02");

    /** 处罚种类 01-14; 02 is a fine. */
    static final String FINE = "02";

    static final Map<String, String> PENALTY_TYPES = Map.ofEntries(
            Map.entry("01", "警告"),
            Map.entry("02", "罚款"),
            Map.entry("03", "没收违法所得"),
            Map.entry("04", "责令停产停业"),
            Map.entry("05", "吊销许可证"),
            Map.entry("06", "行政拘留"),
            Map.entry("07", "其他"),
            Map.entry("08", "通报批评"),
            Map.entry("09", "没收非法财物"),
            Map.entry("10", "降低资质等级"),
            Map.entry("11", "暂扣许可证"),
            Map.entry("12", "限制开展经营活动"),
            Map.entry("13", "限制从业"),
            Map.entry("14", "责令关闭"));

    /** 行政强制措施 (行政强制法 第九条) and 强制执行方式 (第十二条), by category. */
    static final Map<String, Map<String, String>> ENFORCEMENT_MEASURES = Map.of(
            "MEASURE", Map.of("01", "限制公民人身自由", "02", "查封场所、设施或者财物", "03", "扣押财物", "04", "冻结存款、汇款", "05", "其他行政强制措施"),
            "EXECUTION",
                    Map.of(
                            "01",
                            "加处罚款或者滞纳金",
                            "02",
                            "划拨存款、汇款",
                            "03",
                            "拍卖或者依法处理查封、扣押的场所、设施或者财物",
                            "04",
                            "排除妨碍、恢复原状",
                            "05",
                            "代履行",
                            "06",
                            "其他强制执行方式"));

    static final Set<String> COMPLAINT_TYPES = Set.of("COMPLAINT", "REPORT");

    /** 行政处罚法 第六十条: a decision within 90 days of filing, unless extended (so only a warning). */
    static final int DECISION_DEADLINE_DAYS = 90;

    private RecordCodes() {}
}
