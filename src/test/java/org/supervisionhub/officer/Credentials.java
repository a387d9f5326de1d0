package org.supervisionhub.officer;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.supervisionhub.common.code.IdNumbers;
import org.supervisionhub.support.Tokens;

/**
 * Test data for the credential API: ID numbers, certificate numbers and accounts that no other test uses, and
 * request bodies. Dates are relative to today, so validity states hold whenever the tests run.
 */
final class Credentials {

    static final String ISSUER = "GX_SFT";
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

    private static final AtomicLong NEXT =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L));

    /** Guangxi's docked system (region 450000). */
    static final String GUANGXI_SYSTEM = Tokens.withRoles("system-gx", List.of("system"), null, "450000");
    /** Guangdong's docked system (region 440000): outside Guangxi. */
    static final String GUANGDONG_SYSTEM = Tokens.withRoles("system-gd", List.of("system"), null, "440000");

    static final String HUB_ADMIN = Tokens.hubAdmin();
    static final String NANNING_DEPT_ADMIN = Tokens.deptAdmin("NN_SCJGJ", "450100");

    private Credentials() {}

    /** A valid 居民身份证号码 (Qingxiu district, Nanning) no other test uses. */
    static String newIdNumber() {
        long n = NEXT.incrementAndGet();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n / 1000 % 15000);
        String first17 = "450103" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    static String newCertNo() {
        return "T" + String.format("%011d", NEXT.incrementAndGet());
    }

    static String newAccount() {
        return "officer-" + NEXT.incrementAndGet();
    }

    static String officerToken(String account) {
        return Tokens.withRoles(account, List.of("officer"), "NN_SCJGJ", "450100");
    }

    /** A certificate body: department NN_SCJGJ, category SAMR, valid from a year ago for four years. */
    static Map<String, Object> body(String idNumber) {
        return body(idNumber, null);
    }

    static Map<String, Object> body(String idNumber, String account) {
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("name", "张三");
        holder.put("idNumber", idNumber);
        holder.put("departmentCode", "NN_SCJGJ");
        if (account != null) {
            holder.put("account", account);
        }
        holder.put("photoRef", "photos/officer.jpg");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("holder", holder);
        body.put("kind", "PROVINCIAL");
        body.put("validFrom", TODAY.minusYears(1).toString());
        body.put("validTo", TODAY.plusYears(3).toString());
        body.put("categories", List.of("SAMR"));
        body.put("status", "VALID");
        return body;
    }

    /** A copy of the body with one top-level field replaced. */
    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** A copy of the body with one holder field replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withHolder(Map<String, Object> body, String field, Object value) {
        Map<String, Object> holder = new LinkedHashMap<>((Map<String, Object>) body.get("holder"));
        holder.put(field, value);
        return with(body, "holder", holder);
    }

    static Response put(String token, String certNo, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/credentials/{issuer}/{certNo}", ISSUER, certNo);
    }

    /** Creates the certificate as Guangxi's docked system and returns its number. */
    static String create(Map<String, Object> body) {
        String certNo = newCertNo();
        put(GUANGXI_SYSTEM, certNo, body).then().statusCode(201);
        return certNo;
    }

    static Response get(String token, String certNo) {
        return given().auth().oauth2(token).get("/api/v1/credentials/{issuer}/{certNo}", ISSUER, certNo);
    }
}
