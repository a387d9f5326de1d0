package org.supervisionhub.officer;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;

/** Electronic credentials for tests outside this package: a fresh valid certificate and the token its holder shows. */
public final class ElectronicCredentials {

    private ElectronicCredentials() {}

    /** The token of a new holder's valid certificate (holder 张三, 南宁市市场监督管理局). */
    public static String freshToken() {
        String account = Credentials.newAccount();
        String certNo = Credentials.create(Credentials.body(Credentials.newIdNumber(), account));
        return given().auth()
                .oauth2(Credentials.officerToken(account))
                .contentType(ContentType.JSON)
                .body(Map.of("issuer", Credentials.ISSUER, "certNo", certNo))
                .post("/api/v1/credentials/e-credential")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }
}
