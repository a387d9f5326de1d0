package org.supervisionhub.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The descriptor's mapping rules one by one, with their edge cases: rules written as a descriptor writes them (YAML),
 * applied to small payloads.
 */
class FieldMapperRulesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, String>> TABLES = Map.of(
            "random", Map.of("A", "A", "E", "E"),
            "daily", Map.of("未发现问题", "1", "责令改正", "7"),
            "types", Map.of("1", "NATURAL_PERSON", "2", "ENTERPRISE"));

    private static Map<String, AdapterDescriptor.FieldRule> rules(String yaml) throws Exception {
        return YAML.readValue(
                yaml,
                YAML.getTypeFactory().constructMapType(Map.class, String.class, AdapterDescriptor.FieldRule.class));
    }

    private static ObjectNode map(String rules, String payload) throws Exception {
        return FieldMapper.map(JSON.readTree(payload), rules(rules), TABLES);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static FieldMapper.MappingException failure(String rules, String payload) {
        return (FieldMapper.MappingException) org.assertj.core.api.Assertions.catchThrowable(() -> map(rules, payload));
    }

    // zip and split

    @Test
    void zipPutsCommaSeparatedListsSideBySideKeepingEmptySlots() throws Exception {
        ObjectNode mapped = map("""
                officers:
                  zip:
                    name: { path: zfry, split: "," }
                    certNo: { path: zfzh, split: "," }
                """, "{\"zfry\": \"王亚军,杜晓颖\", \"zfzh\": \",0205262020040290\"}");

        assertThat(mapped.get("officers"))
                .isEqualTo(json("[{\"name\": \"王亚军\", \"certNo\": null},"
                        + " {\"name\": \"杜晓颖\", \"certNo\": \"0205262020040290\"}]"));
    }

    @Test
    void zipOfUnevenListsLeavesTheMissingSlotsNull() throws Exception {
        ObjectNode mapped = map("""
                officers:
                  zip:
                    name: { path: names, split: "," }
                    certNo: { path: certs, split: "," }
                """, "{\"names\": \"甲,乙,丙\", \"certs\": \"C1\"}");

        assertThat(mapped.get("officers"))
                .isEqualTo(json("[{\"name\": \"甲\", \"certNo\": \"C1\"}, {\"name\": \"乙\", \"certNo\": null},"
                        + " {\"name\": \"丙\", \"certNo\": null}]"));
    }

    @Test
    void zipLeavesOutObjectsWhoseEverySlotIsEmptyAndFillsSingleValuesEverywhere() throws Exception {
        ObjectNode mapped = map("""
                officers:
                  zip:
                    name: { path: names, split: "," }
                    certNo: { path: certs, split: "," }
                    issuer: { constant: GXZF }
                    department: { path: dept }
                """, "{\"names\": \"甲, ,乙,\", \"certs\": \"C1,,C2,\", \"dept\": \"D1\"}");

        assertThat(mapped.get("officers"))
                .isEqualTo(json("[{\"name\": \"甲\", \"certNo\": \"C1\", \"issuer\": \"GXZF\", \"department\": \"D1\"},"
                        + " {\"name\": \"乙\", \"certNo\": \"C2\", \"issuer\": \"GXZF\", \"department\": \"D1\"}]"));
    }

    @Test
    void zipMembersApplyTheirOwnConversionsToEachSlot() throws Exception {
        ObjectNode mapped = map("""
                parties:
                  zip:
                    type: { path: kinds, split: ",", codeTable: types }
                    idNumber: { path: ids, split: ",", idNumber15to18: true }
                """, "{\"kinds\": \"1,2\", \"ids\": \"450103801215123,\"}");

        assertThat(mapped.get("parties"))
                .isEqualTo(json("[{\"type\": \"NATURAL_PERSON\", \"idNumber\": \"450103198012151231\"},"
                        + " {\"type\": \"ENTERPRISE\", \"idNumber\": null}]"));
    }

    @Test
    void zipOfNothingIsMissing() throws Exception {
        assertThat(map("officers: { zip: { name: { path: names, split: \",\" } } }", "{\"names\": \" , ,\"}"))
                .isEmpty();
    }

    @Test
    void splitTrimsAndDropsEmptyPieces() throws Exception {
        assertThat(map("types: { path: t, split: \",\" }", "{\"t\": \" 01, 02,,\"}")
                        .get("types"))
                .isEqualTo(json("[\"01\", \"02\"]"));
        assertThat(map("types: { path: t, split: \",\" }", "{\"t\": \",\"}")).isEmpty();
    }

    @Test
    void splitOfAMillionPiecesFailsTheMappingNamingTheField() {
        String bomb = ",".repeat(1_000_000);

        FieldMapper.MappingException e = failure("types: { path: t, split: \",\" }", "{\"t\": \"" + bomb + "\"}");

        assertThat(e.field()).isEqualTo("types");
        assertThat(e.getMessage()).contains("more than 10000 pieces");
    }

    @Test
    void splitBombInsideAZipFailsTheMappingNamingTheMember() {
        FieldMapper.MappingException e = failure(
                "officers: { zip: { name: { path: n, split: \",\" } } }", "{\"n\": \"" + ",".repeat(20_000) + "\"}");

        assertThat(e.field()).isEqualTo("officers.name");
    }

    @Test
    void joinMakesTextOfAListSkippingEmptyElements() throws Exception {
        assertThat(map("basis: { path: b, join: \"；\" }", "{\"b\": [\"第一条\", \"\", null, \"第二条\"]}")
                        .get("basis")
                        .asText())
                .isEqualTo("第一条；第二条");
        assertThat(map("basis: { path: b, join: \"；\" }", "{\"b\": \"第一条\"}")
                        .get("basis")
                        .asText())
                .isEqualTo("第一条");
    }

    // default, trim, stripPrefix

    @Test
    void defaultStandsInForAMissingNullOrBlankValue() throws Exception {
        String rules = "regionCode: { path: xzqh, trim: true, default: \"450100\" }";

        assertThat(map(rules, "{}").get("regionCode").asText()).isEqualTo("450100");
        assertThat(map(rules, "{\"xzqh\": null}").get("regionCode").asText()).isEqualTo("450100");
        assertThat(map(rules, "{\"xzqh\": \"  \"}").get("regionCode").asText()).isEqualTo("450100");
        assertThat(map(rules, "{\"xzqh\": \"450103\"}").get("regionCode").asText())
                .isEqualTo("450103");
    }

    @Test
    void defaultIsNotConverted() throws Exception {
        assertThat(map("hearing: { path: tz, boolean: true, default: false }", "{}")
                        .get("hearing"))
                .isEqualTo(json("false"));
        assertThat(map("kind: { path: k, codeTable: types, default: OTHER }", "{}")
                        .get("kind")
                        .asText())
                .isEqualTo("OTHER");
    }

    @Test
    void trimStripsIdeographicSpacesAndStripPrefixRemovesTheFirstMatchingPrefix() throws Exception {
        String rules = "creditCode: { path: c, trim: true, stripPrefix: [\"统一社会信用代码：\", \"统一社会信用代码:\"] }";

        assertThat(map(rules, "{\"c\": \"\u3000统一社会信用代码： 91450103MA5K000000 \"}")
                        .get("creditCode")
                        .asText())
                .isEqualTo("91450103MA5K000000");
        assertThat(map(rules, "{\"c\": \"统一社会信用代码:91450103MA5K000000\"}")
                        .get("creditCode")
                        .asText())
                .isEqualTo("91450103MA5K000000");
        assertThat(map(rules, "{\"c\": \"91450103MA5K000000\"}")
                        .get("creditCode")
                        .asText())
                .isEqualTo("91450103MA5K000000");
        assertThat(map("c: { path: c, stripPrefix: \"（1/1）\" }", "{\"c\": \"（1/1）说明\"}")
                        .get("c")
                        .asText())
                .isEqualTo("说明");
    }

    // number

    @Test
    void numberReadsAmountsWrittenAsText() throws Exception {
        String rules = "amount: { path: a, number: true }";

        assertThat(map(rules, "{\"a\": \"1,200.50元\"}").get("amount").decimalValue())
                .isEqualTo(new BigDecimal("1200.50"));
        assertThat(map(rules, "{\"a\": \"￥300\"}").get("amount").intValue()).isEqualTo(300);
        assertThat(map(rules, "{\"a\": \"1，000，000\"}").get("amount").intValue())
                .isEqualTo(1_000_000);
        assertThat(map(rules, "{\"a\": \"-0.5\"}").get("amount").decimalValue()).isEqualTo(new BigDecimal("-0.5"));
        assertThat(map(rules, "{\"a\": 12.5}").get("amount").doubleValue()).isEqualTo(12.5);
        assertThat(map(rules, "{\"a\": \" \"}")).isEmpty();
    }

    @Test
    void numberRefusesWhatIsNotANumberNamingTheField() {
        for (String bad : new String[] {"1.2万元", "abc", "1e5", "12,00", "1.2.3", "true", "9".repeat(100)}) {
            FieldMapper.MappingException e =
                    failure("penalty.fineAmount: { path: a, number: true }", "{\"a\": \"" + bad + "\"}");

            assertThat(e).as(bad).isNotNull();
            assertThat(e.field()).isEqualTo("penalty.fineAmount");
            assertThat(e.getMessage()).contains("is not a number");
        }
        assertThat(failure("n: { path: a, number: true }", "{\"a\": true}").field())
                .isEqualTo("n");
    }

    // boolean

    @Test
    void booleanReadsEveryCommonSpelling() throws Exception {
        String rules = "flag: { path: f, boolean: true }";
        for (String yes : new String[] {"\"是\"", "\"Y\"", "\"y\"", "\"yes\"", "\"TRUE\"", "\"1\"", "1", "true"}) {
            assertThat(map(rules, "{\"f\": " + yes + "}").get("flag")).as(yes).isEqualTo(json("true"));
        }
        for (String no : new String[] {"\"否\"", "\"N\"", "\"no\"", "\"false\"", "\"0\"", "0", "false"}) {
            assertThat(map(rules, "{\"f\": " + no + "}").get("flag")).as(no).isEqualTo(json("false"));
        }
        assertThat(map(rules, "{\"f\": \"\"}")).isEmpty();
    }

    @Test
    void booleanRefusesAnythingElse() {
        FieldMapper.MappingException e = failure("penalty.hearing: { path: f, boolean: true }", "{\"f\": \"也许\"}");

        assertThat(e.field()).isEqualTo("penalty.hearing");
        assertThat(e.getMessage()).contains("is not a yes or no");
    }

    // idNumber15to18

    @Test
    void legacyFifteenDigitIdNumberBecomesEighteenDigitsWithItsCheckCharacter() throws Exception {
        String rules = "id: { path: id, idNumber15to18: true }";

        assertThat(map(rules, "{\"id\": \"450103801215123\"}").get("id").asText())
                .isEqualTo("450103198012151231");
        // 11010519491231002X is the standard's own example; its 15-digit form is 110105491231002.
        assertThat(map(rules, "{\"id\": \"110105491231002\"}").get("id").asText())
                .isEqualTo("11010519491231002X");
        assertThat(map(rules, "{\"id\": \"11010519491231002x\"}").get("id").asText())
                .isEqualTo("11010519491231002X");
        assertThat(map(rules, "{\"id\": \"P1234567\"}").get("id").asText()).isEqualTo("P1234567");
        assertThat(map(rules, "{\"id\": \"\"}")).isEmpty();
    }

    @Test
    void badFifteenDigitIdNumbersFailTheMapping() {
        String rules = "subject.idNumber: { path: id, idNumber15to18: true }";

        assertThat(failure(rules, "{\"id\": \"45010380121512X\"}").getMessage()).contains("not a 15-digit ID number");
        assertThat(failure(rules, "{\"id\": \"450103801315123\"}").getMessage()).contains("no valid birth date");
        assertThat(failure(rules, "{\"id\": \"450103810229123\"}").getMessage()).contains("no valid birth date");
        assertThat(failure(rules, "{\"id\": \"450103801215123\"}")).isNull();
        assertThat(failure(rules, "{\"id\": \"4501038O1215123\"}").field()).isEqualTo("subject.idNumber");
    }

    // codeTableBy

    @Test
    void codeTableByChoosesTheTableByAnotherFieldsValue() throws Exception {
        String rules = """
                resultCode:
                  path: r
                  trim: true
                  codeTableBy: { path: lx, tables: { "1": random, "2": daily } }
                """;

        assertThat(map(rules, "{\"lx\": \"1\", \"r\": \"E\"}").get("resultCode").asText())
                .isEqualTo("E");
        assertThat(map(rules, "{\"lx\": 2, \"r\": \" 责令改正 \"}")
                        .get("resultCode")
                        .asText())
                .isEqualTo("7");
        assertThat(failure(rules, "{\"lx\": \"2\", \"r\": \"E\"}").getMessage())
                .contains("code 'E' has no standard counterpart in code table daily");
        assertThat(failure(rules, "{\"lx\": \"3\", \"r\": \"E\"}").getMessage()).contains("no code table for lx = '3'");
        assertThat(failure(rules, "{\"r\": \"E\"}").getMessage()).contains("no value at 'lx'");
    }

    @Test
    void codeTableByFallsBackToOtherwiseAndReadsTheRootWithDollarPaths() throws Exception {
        String rules = """
                resultCode:
                  path: r
                  codeTableBy: { path: $.task.lx, tables: { "1": random }, otherwise: daily }
                """;
        JsonNode root = json("{\"task\": {\"lx\": \"9\"}, \"items\": [{\"r\": \"未发现问题\"}]}");

        ObjectNode mapped = FieldMapper.map(root, root.at("/items/0"), rules(rules), TABLES);

        assertThat(mapped.get("resultCode").asText()).isEqualTo("1");
    }

    // sources and order

    @Test
    void dollarPathsAndTemplatesReadThePayloadsRoot() throws Exception {
        JsonNode root = json("{\"taskInfo\": {\"taskNo\": \"T1\", \"name\": \"联合检查\"}, \"list\": [{\"n\": \"某公司\"}]}");

        ObjectNode mapped = FieldMapper.map(root, root.at("/list/0"), rules("""
                        task: { path: $.taskInfo.taskNo }
                        title: { template: "{$.taskInfo.name}：{n}" }
                        everything: { path: $ }
                        """), TABLES);

        assertThat(mapped.get("task").asText()).isEqualTo("T1");
        assertThat(mapped.get("title").asText()).isEqualTo("联合检查：某公司");
        assertThat(mapped.get("everything")).isEqualTo(root);
    }

    @Test
    void conversionsApplyInTheDocumentedOrder() throws Exception {
        // trim, stripPrefix, split, codeTable (each element), join, default
        String rules =
                "kinds: { path: k, trim: true, stripPrefix: \"类型：\", split: \"、\", codeTable: types, join: \",\" }";

        assertThat(map(rules, "{\"k\": \" 类型：1、2 \"}").get("kinds").asText()).isEqualTo("NATURAL_PERSON,ENTERPRISE");
        // split, then number on each element
        JsonNode amounts = map("amounts: { path: a, split: \";\", number: true }", "{\"a\": \"1,000元; 2.50\"}")
                .get("amounts");
        assertThat(amounts.get(0).intValue()).isEqualTo(1000);
        assertThat(amounts.get(1).decimalValue()).isEqualTo(new BigDecimal("2.50"));
    }

    @Test
    void eachReadsASingleObjectAsAListOfOne() throws Exception {
        assertThat(map("officers: { path: o, each: { name: { path: xm } } }", "{\"o\": {\"xm\": \"甲\"}}")
                        .get("officers"))
                .isEqualTo(json("[{\"name\": \"甲\"}]"));
        assertThat(map("first: { path: \"o[0].xm\" }", "{\"o\": {\"xm\": \"甲\"}}")
                        .get("first")
                        .asText())
                .isEqualTo("甲");
    }

    @Test
    void theOldRuleShapeStillBuilds() {
        AdapterDescriptor.FieldRule rule = AdapterDescriptor.FieldRule.of("a.b");

        assertThat(rule.path()).isEqualTo("a.b");
        assertThat(rule.split()).isNull();
        assertThatThrownBy(() -> map("x: { path: a, colour: red }", "{}")).hasMessageContaining("colour");
    }
}
