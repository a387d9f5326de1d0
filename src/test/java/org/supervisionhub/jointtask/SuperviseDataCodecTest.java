package org.supervisionhub.jointtask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The national superviseData shape: XML and JSON round trips, and a hub task out to it and back. */
class SuperviseDataCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("adapters", "joint-supervision", "samples");

    private static SuperviseData sample(String name) throws IOException {
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(name))) {
            return SuperviseDataCodec.fromXml(in);
        }
    }

    private static SuperviseData xmlAgain(SuperviseData data) {
        return SuperviseDataCodec.fromXml(
                new ByteArrayInputStream(SuperviseDataCodec.toXml(data).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theInspectionSampleIsReadWithEveryBlock() throws IOException {
        SuperviseData data = sample("inspections.xml");

        assertThat(data.version()).isEqualTo("1.0");
        assertThat(data.taskInfo().taskNo()).isEqualTo("LHJG-450100-2026-0031");
        assertThat(data.taskInfo().status()).isEqualTo("反馈");
        assertThat(data.taskInfo().unionDeptNo()).containsExactly("GX_SAMR", "GX_JYT");
        assertThat(data.superviseObjects()).hasSize(2);
        assertThat(data.superviseObjects()
                        .get(0)
                        .basisData()
                        .riskWarnings()
                        .get(0)
                        .fxyjId())
                .isEqualTo("FXYJ-2026-000101");
        assertThat(data.superviseObjects()
                        .get(0)
                        .basisData()
                        .riskWarnings()
                        .get(0)
                        .props())
                .isEqualTo("{\"complaints\": 5, \"days\": 30}");
        SuperviseData.TaskDetails unit = data.taskDetails().get(0);
        assertThat(unit.unitNo()).isEqualTo("GX_SAMR");
        assertThat(unit.endTime()).isNull();
        assertThat(unit.feedbacks())
                .extracting(SuperviseData.Feedback::kind)
                .containsExactly("admInspection", "admInspection");
        List<SuperviseData.Field> first = unit.feedbacks().get(0).fields();
        assertThat(first)
                .filteredOn(field -> field.name().equals("checkMethod"))
                .extracting(SuperviseData.Field::text)
                .containsExactly("实地核查", "查阅资料");
        assertThat(first)
                .filteredOn(field -> field.name().equals("checkPersonnel"))
                .singleElement()
                .satisfies(field -> {
                    assertThat(field.text()).isEqualTo("王亚军,杜晓颖");
                    assertThat(field.attributes()).isEqualTo(Map.of("issuer", "GXZF"));
                });
        assertThat(first)
                .filteredOn(field -> field.name().equals("checkActionCode"))
                .extracting(SuperviseData.Field::text)
                .containsExactly("JC-450100-2026-003101");
    }

    @Test
    void xmlToModelToXmlKeepsEveryMappedField() throws IOException {
        for (String sample : List.of("inspections.xml", "punishments.xml")) {
            SuperviseData data = sample(sample);

            SuperviseData again = xmlAgain(data);

            assertThat(again).as(sample).isEqualTo(data);
            assertThat(SuperviseDataCodec.toXml(again)).as(sample).isEqualTo(SuperviseDataCodec.toXml(data));
        }
    }

    @Test
    void jsonToModelToJsonIsTheSameDocument() throws IOException {
        for (String sample : List.of("inspections.xml", "punishments.xml")) {
            JsonNode json =
                    JSON.readTree(SuperviseDataCodec.toJson(sample(sample)).toString());

            SuperviseData read = SuperviseDataCodec.fromJson(json);

            assertThat(read).as(sample).isEqualTo(sample(sample));
            assertThat(SuperviseDataCodec.toJson(read)).as(sample).isEqualTo(json);
        }
    }

    @Test
    void aHubTaskGoesOutInTheNationalShapeAndComesBackAsTheSameTask() {
        Instant claimed = Instant.parse("2026-11-30T02:05:00Z");
        Instant fed = Instant.parse("2026-12-02T08:30:00Z");
        JointTaskView task = new JointTaskView(
                12,
                "LHJG4505000000000012",
                "北海市海城区餐饮单位联合检查",
                "食品经营许可、消防设施",
                "DEPARTMENT",
                "450500_SAMR",
                "450500",
                List.of(new JointTaskSubject("91450500MA5N1C7A1P", "北海市海城区渔家乐餐饮有限公司")),
                List.of("45001000100001", "45002000100003"),
                LocalDate.of(2026, 12, 15),
                "HANDLING",
                false,
                List.of(
                        new JointTaskView.Participant(
                                "450500_SAMR",
                                "FED_BACK",
                                claimed,
                                claimed,
                                fed,
                                "INSPECTION",
                                "未发现问题",
                                "V1",
                                List.of(10452L),
                                false),
                        new JointTaskView.Participant(
                                "450500_FIRE", "CLAIMED", claimed, null, null, null, null, null, List.of(), false)),
                List.of(),
                claimed,
                "bh-samr-admin",
                null,
                null,
                null,
                5);

        SuperviseData national = SuperviseDataCodec.of(task, Map.of(), null, Map.of());
        SuperviseData viaXml = xmlAgain(national);
        SuperviseData viaJson = SuperviseDataCodec.fromJson(SuperviseDataCodec.toJson(national));

        assertThat(viaXml).isEqualTo(national);
        assertThat(viaJson).isEqualTo(national);
        assertThat(national.taskInfo().status()).isEqualTo("认领");
        assertThat(national.taskInfo().initiateUnitType()).isEqualTo("dept");
        assertThat(national.taskDetails())
                .extracting(SuperviseData.TaskDetails::status)
                .containsExactly("反馈", "认领");
        assertThat(national.taskDetails().get(0).claimTime()).isEqualTo("2026-11-30 10:05:00");
        assertThat(national.taskDetails().get(0).feedbacks().get(0).kind()).isEqualTo("admInspection");
        JointTaskRequest request = SuperviseDataCodec.toRequest(viaXml, task.deadline());
        assertThat(request.title()).isEqualTo(task.title());
        assertThat(request.inspectContent()).isEqualTo(task.inspectContent());
        assertThat(request.subjects()).isEqualTo(task.subjects());
        assertThat(request.itemCodes()).isEqualTo(task.itemCodes());
        assertThat(request.participants()).containsExactly("450500_SAMR", "450500_FIRE");
    }

    @Test
    void aDocumentDeclaringADtdIsRefused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE superviseData [<!ENTITY x \"y\">]><superviseData/>";

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        SuperviseDataCodec.fromXml(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(org.supervisionhub.common.HubException.class);
    }
}
