package org.supervisionhub.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.HubException;

/** XML payloads read into the tree the JSON route uses, and hostile XML refused with a stable code. */
class XmlPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEPTH = 64;
    private static final int TEXT = 1_000_000;

    private static JsonNode read(String xml) {
        return XmlPayloads.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null, DEPTH, TEXT);
    }

    private static HubException refused(String xml) {
        return catchThrowableOfType(HubException.class, () -> read(xml));
    }

    @Test
    void elementsAttributesAndRepeatedElementsBecomeTheJsonTree() throws Exception {
        JsonNode tree = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <superviseData xmlns="urn:x" xmlns:a="urn:a" version="1.0">
                  <taskInfo><taskNo>T1</taskNo><a:status>反馈</a:status></taskInfo>
                  <superviseObjects>
                    <superviseObject id="1"><objectName>甲公司</objectName></superviseObject>
                    <superviseObject id="2"><objectName>乙公司</objectName></superviseObject>
                  </superviseObjects>
                  <note lang="zh">说明<![CDATA[ <原样> ]]></note>
                  <empty/>
                  <blank>   </blank>
                  <!-- a comment -->
                </superviseData>
                """);

        assertThat(tree).isEqualTo(JSON.readTree("""
                        {"@version": "1.0",
                         "taskInfo": {"taskNo": "T1", "status": "反馈"},
                         "superviseObjects": {"superviseObject": [
                            {"@id": "1", "objectName": "甲公司"}, {"@id": "2", "objectName": "乙公司"}]},
                         "note": {"@lang": "zh", "#text": "说明 <原样> "},
                         "empty": null,
                         "blank": null}
                        """));
    }

    @Test
    void anElementThatOccursOnceIsASingleValueAndInterleavedRepeatsAreCollected() throws Exception {
        assertThat(read("<r><a>1</a><b>x</b><a>2</a></r>"))
                .isEqualTo(JSON.readTree("{\"a\": [\"1\", \"2\"], \"b\": \"x\"}"));
        assertThat(read("<r><a>1</a></r>")).isEqualTo(JSON.readTree("{\"a\": \"1\"}"));
    }

    @Test
    void theDeclaredEncodingIsHonoured() {
        String xml = "<?xml version=\"1.0\" encoding=\"GB18030\"?><r><name>王亚军</name></r>";

        JsonNode tree =
                XmlPayloads.read(new ByteArrayInputStream(xml.getBytes(Charset.forName("GB18030"))), null, DEPTH, TEXT);

        assertThat(tree.get("name").asText()).isEqualTo("王亚军");
    }

    @Test
    void theDeclarationWinsOverAHeaderCharsetAndTheHeaderServesADocumentWithout() {
        byte[] declared =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r><name>王亚军</name></r>".getBytes(StandardCharsets.UTF_8);
        byte[] undeclared = "<r><name>王亚军</name></r>".getBytes(Charset.forName("GB18030"));

        assertThat(XmlPayloads.read(new ByteArrayInputStream(declared), "ISO-8859-1", DEPTH, TEXT)
                        .get("name")
                        .asText())
                .isEqualTo("王亚军");
        assertThat(XmlPayloads.read(new ByteArrayInputStream(undeclared), "GB18030", DEPTH, TEXT)
                        .get("name")
                        .asText())
                .isEqualTo("王亚军");
    }

    @Test
    void aDtdIsRefusedSoBillionLaughsNeverExpands() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                xml.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            xml.append("\">\n");
        }
        xml.append("]>\n<lolz>&lol9;</lolz>");

        HubException e = refused(xml.toString());

        assertThat(e.code()).isEqualTo("XML_DTD_FORBIDDEN");
        assertThat(e.status()).isEqualTo(400);
    }

    @Test
    void externalEntitiesAreNeverFetched() {
        HubException e = refused("""
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <r>&xxe;</r>
                """);

        assertThat(e.code()).isEqualTo("XML_DTD_FORBIDDEN");
        assertThat(refused("<!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\"><r/>")
                        .code())
                .isEqualTo("XML_DTD_FORBIDDEN");
    }

    @Test
    void anUndeclaredEntityIsMalformed() {
        assertThat(refused("<r>&nbsp;</r>").code()).isEqualTo("MALFORMED_XML");
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesAreRead() {
        assertThat(read("<r><a>A &amp; B &lt;&#x738B;&gt;</a></r>").get("a").asText())
                .isEqualTo("A & B <王>");
    }

    @Test
    void elementsNestedDeeperThanTheJsonLimitAreRefused() {
        String deep = "<a>".repeat(DEPTH + 1) + "</a>".repeat(DEPTH + 1);

        HubException e = refused(deep);

        assertThat(e.code()).isEqualTo("NESTING_TOO_DEEP");
        assertThat(e.status()).isEqualTo(400);
        assertThat(read("<a>".repeat(DEPTH) + "x" + "</a>".repeat(DEPTH))).isNotNull();
    }

    @Test
    void aTextLongerThanTheJsonStringLimitIsRefused() {
        HubException e = catchThrowableOfType(
                HubException.class,
                () -> XmlPayloads.read(
                        new ByteArrayInputStream(("<r>" + "x".repeat(2_000) + "</r>").getBytes(StandardCharsets.UTF_8)),
                        null,
                        DEPTH,
                        1_000));

        assertThat(e.code()).isEqualTo("STRING_TOO_LONG");
        assertThat(e.status()).isEqualTo(413);
    }

    @Test
    void malformedXmlIsRefusedWithItsPosition() {
        HubException e = refused("<r>\n<a></b></r>");

        assertThat(e.code()).isEqualTo("MALFORMED_XML");
        assertThat(e.getMessage()).contains("line 2");
        assertThat(refused("").code()).isEqualTo("MALFORMED_XML");
        assertThat(refused("{\"json\": true}").code()).isEqualTo("MALFORMED_XML");
    }
}
