package org.supervisionhub.officer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;

/**
 * The page a citizen's phone shows after scanning an officer's QR code: the result in large colour, and for a
 * genuine token the holder's photo, name, unit, categories and validity. It shows exactly what the JSON answer
 * shows (never an ID number), escaped by Qute, under a policy that lets the page load nothing but its own inline
 * style and the photo.
 */
final class VerificationPage {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; "
                    + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Shown shown);
    }

    /** What the template renders: the result's words and colour, then the holder as the JSON answer has it. */
    record Shown(
            String result,
            String label,
            String english,
            String advice,
            String colour,
            String holderName,
            String photo,
            String departmentName,
            List<String> categories,
            LocalDate validFrom,
            LocalDate validTo,
            String kind) {

        public boolean showsHolder() {
            return holderName != null;
        }
    }

    private VerificationPage() {}

    static Response.ResponseBuilder of(VerificationView view) {
        String html = Templates.page(shown(view)).render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    static Shown shown(VerificationView view) {
        String[] words = words(view.result());
        return new Shown(
                view.result().name(),
                words[0],
                words[1],
                words[2],
                words[3],
                view.holderName(),
                displayablePhoto(view.photoRef()),
                view.departmentName(),
                view.categories() == null ? List.of() : view.categories(),
                view.validFrom(),
                view.validTo(),
                view.kind() == null ? null : kind(view.kind()));
    }

    /** 中文 label, English label, what the citizen should do, and a colour with at least 4.5:1 contrast to white. */
    private static String[] words(VerificationResult result) {
        switch (result) {
            case VALID:
                return new String[] {"有效", "Valid", "证件有效，执法人员身份真实。The officer's certificate is valid.", "#0a6e2c"};
            case CREDENTIAL_EXPIRED:
                return new String[] {"已过期", "Expired", "证件已超过有效期。The certificate has expired.", "#a14a06"};
            case NOT_YET_VALID:
                return new String[] {"未生效", "Not yet valid", "证件尚未生效。The certificate is not valid yet.", "#a14a06"};
            case SUSPENDED:
                return new String[] {"已暂停", "Suspended", "证件已被暂扣。The certificate is suspended.", "#a14a06"};
            case REVOKED:
                return new String[] {"已吊销", "Revoked", "证件已被吊销或注销。The certificate is revoked.", "#b91c1c"};
            case TOKEN_EXPIRED:
                return new String[] {
                    "二维码已过期", "QR code expired", "请执法人员刷新亮证二维码后重新扫码。Ask the officer to refresh the code.", "#4b5563"
                };
            case FORGED:
            default:
                return new String[] {"伪造", "Forged", "该二维码不是本平台签发的，请勿相信。This code was not issued by the hub.", "#b91c1c"
                };
        }
    }

    private static String kind(CertificateKind kind) {
        return kind == CertificateKind.MINISTRY ? "部委执法证 Ministry certificate" : "省级执法证 Provincial certificate";
    }

    /** Only addresses a browser can load under the page's policy; a bare storage reference shows no photo. */
    private static String displayablePhoto(String photoRef) {
        if (photoRef == null) {
            return null;
        }
        return photoRef.startsWith("https://") || photoRef.startsWith("data:image/") ? photoRef : null;
    }
}
