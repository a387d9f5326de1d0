package org.supervisionhub.officer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.officer.Credentials.ISSUER;
import static org.supervisionhub.officer.Credentials.body;
import static org.supervisionhub.officer.Credentials.create;
import static org.supervisionhub.officer.Credentials.newAccount;
import static org.supervisionhub.officer.Credentials.newIdNumber;
import static org.supervisionhub.officer.Credentials.officerToken;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.ScanClients;

/**
 * 电子亮证 and 扫码查证 as people meet them: the officer's answer carries the QR code itself, and a citizen's phone
 * browser gets a page, while apps keep getting JSON from the same address.
 */
@QuarkusTest
class CredentialQrAndPageTest {

    /** What a phone browser sends when it opens a scanned link. */
    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private String scanner;

    @BeforeEach
    void newScanner() {
        scanner = ScanClients.newAddress();
    }

    private static String holderAccount() {
        return newAccount();
    }

    private static Response issue(String account) {
        String certNo = create(body(newIdNumber(), account));
        return given().auth()
                .oauth2(officerToken(account))
                .contentType(ContentType.JSON)
                .body(Map.of("issuer", ISSUER, "certNo", certNo))
                .post("/api/v1/credentials/e-credential");
    }

    private Response open(String token, String accept) {
        return given().header("X-Forwarded-For", scanner)
                .accept(accept)
                .queryParam("token", token)
                .get("/api/v1/credentials/verify");
    }

    @Test
    void electronicCredentialCarriesAPngQrCodeThatDecodesToItsVerifyUrl() throws Exception {
        Response response = issue(holderAccount());

        response.then().statusCode(200);
        String qrPng = response.path("qrPng");
        assertThat(qrPng).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(qrPng.substring("data:image/png;base64,".length()));
        assertThat(QrCodesTest.decode(png)).isEqualTo(response.<String>path("verifyUrl"));
    }

    @Test
    void electronicCredentialCarriesTheSameQrCodeAsScalableSvg() {
        Response response = issue(holderAccount());

        String svg = response.then().statusCode(200).extract().path("qrSvg");
        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<path")
                .endsWith("</svg>");
        assertThat(svg).doesNotContain(response.<String>path("token"));
    }

    @Test
    void electronicCredentialSaysWhenToRefreshBeforeItExpires() {
        Response response = issue(holderAccount());

        OffsetDateTime expiresAt = OffsetDateTime.parse(response.path("expiresAt"));
        OffsetDateTime refreshAt = OffsetDateTime.parse(response.path("refreshAt"));
        assertThat(refreshAt).isBefore(expiresAt).isAfter(OffsetDateTime.now().minusSeconds(5));
    }

    @Test
    void phoneBrowserOpeningAValidCodeSeesYouXiaoAndTheHolderButNoIdNumber() {
        String account = holderAccount();
        String idNumber = newIdNumber();
        String certNo = create(body(idNumber, account));
        String token = given().auth()
                .oauth2(officerToken(account))
                .contentType(ContentType.JSON)
                .body(Map.of("issuer", ISSUER, "certNo", certNo))
                .post("/api/v1/credentials/e-credential")
                .then()
                .statusCode(200)
                .extract()
                .path("token");

        Response page = open(token, BROWSER_ACCEPT);

        page.then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .header("Vary", "Accept")
                .header("Content-Security-Policy", VerificationPage.CONTENT_SECURITY_POLICY);
        String html = page.asString();
        assertThat(html)
                .contains("data-result=\"VALID\"")
                .contains("<h1>有效</h1>")
                .contains("张三")
                .contains("南宁市市场监督管理局")
                .doesNotContain(idNumber)
                .doesNotContain(certNo);
    }

    @Test
    void phoneBrowserOpeningATamperedCodeSeesWeiZao() {
        String token = issue(holderAccount()).then().statusCode(200).extract().path("token");
        String tampered = token.substring(0, token.length() - 6) + "AAAAAA";

        Response page = open(tampered, BROWSER_ACCEPT);

        page.then().statusCode(200).contentType(ContentType.HTML);
        assertThat(page.asString())
                .contains("data-result=\"FORGED\"")
                .contains("<h1>伪造</h1>")
                .doesNotContain("张三");
    }

    @Test
    void appsAskingForAnythingStillGetJson() {
        String token = issue(holderAccount()).then().statusCode(200).extract().path("token");

        open(token, "*/*").then().statusCode(200).contentType(ContentType.JSON);
        open(token, "application/json").then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void pageEscapesWhatItShows() {
        VerificationView view = new VerificationView(
                VerificationResult.VALID,
                "<script>alert(1)</script>",
                "javascript:alert(1)",
                "部门",
                java.util.List.of("SAMR"),
                null,
                null,
                CertificateKind.PROVINCIAL);

        String html =
                VerificationPage.Templates.page(VerificationPage.shown(view)).render();

        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("javascript:alert");
    }
}
