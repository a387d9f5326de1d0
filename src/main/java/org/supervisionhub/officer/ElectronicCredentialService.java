package org.supervisionhub.officer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.audit.ReadAuditTrail;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.ReactiveTransactions;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.security.Caller;

/**
 * Electronic credentials (电子亮证): an officer gets a short-lived signed token for their own valid certificate,
 * shown as a QR code; anyone may scan it (扫码查证) and sees, in real time, whether the certificate is valid and
 * whose it is. Every scan that shows a name is audited.
 */
@ApplicationScoped
public class ElectronicCredentialService {

    @Inject
    ReactiveTransactions transactions;

    /** The path of the public verification endpoint, as QR codes carry it. */
    public static final String VERIFY_PATH = "/api/v1/credentials/verify";

    @Inject
    CredentialTokens tokens;

    @Inject
    CredentialsConfig config;

    @Inject
    AuditTrail audit;

    @Inject
    ReadAuditTrail readAudit;

    @Inject
    Pool pool;

    /**
     * What a scan shows, in one statement on the reactive client: a scan is a read, and its audit entry commits with
     * the other scans of the moment ({@link ReadAuditTrail}), so no transaction is needed here.
     */
    private static final String SCANNED = """
            select c.issuer, c.cert_no, c.kind, c.status, c.valid_from, c.valid_to,
                   o.name as holder_name, o.photo_ref, d.name as department_name,
                   array(select cc.category_code from certificate_category cc
                         where cc.certificate_id = c.id order by cc.category_code collate "C") as categories
            from certificate c
            join officer o on o.id = c.officer_id
            join department d on d.code = c.department_code
            where c.public_id = $1""";

    private final Map<VerificationResult, Counter> scans = new EnumMap<>(VerificationResult.class);

    @Inject
    void registerMetrics(MeterRegistry registry) {
        for (VerificationResult result : VerificationResult.values()) {
            scans.put(
                    result,
                    Counter.builder("hub.credentials.verifications")
                            .description("Public scans of electronic credentials, by result")
                            .tag("result", result.name())
                            .register(registry));
        }
    }

    /**
     * Issues a token for the caller's own certificate, which must be valid today. {@code requestBaseUrl} is used
     * when no public base URL is configured.
     */
    public Uni<ElectronicCredentialView> issue(Caller caller, String issuer, String certNo, String requestBaseUrl) {
        return transactions
                .inTransaction(() -> Certificate.find("issuer = ?1 and certNo = ?2", issuer, certNo)
                        .<Certificate>firstResult()
                        .onItem()
                        .ifNull()
                        .failWith(() -> CredentialService.notFound(issuer, certNo))
                        .chain(certificate -> Officer.<Officer>findById(certificate.officerId)
                                .chain(officer -> {
                                    if (officer.account == null || !officer.account.equals(caller.subject())) {
                                        throw HubException.forbidden(
                                                "NOT_YOUR_CREDENTIAL",
                                                "an electronic credential is shown only by the certificate's holder");
                                    }
                                    CredentialState state = certificate.stateOn(CredentialService.today());
                                    if (state != CredentialState.VALID) {
                                        throw HubException.conflict(
                                                state.problem(),
                                                "the certificate is " + state.name() + " and cannot be shown");
                                    }
                                    CredentialTokens.Issued issued = tokens.issue(certificate.publicId, Instant.now());
                                    Map<String, Object> detail = new LinkedHashMap<>();
                                    detail.put("jti", issued.jti());
                                    detail.put("kid", tokens.activeKid());
                                    detail.put("expiresAt", issued.expiresAt().toString());
                                    return audit.record(
                                                    caller,
                                                    "E_CREDENTIAL_ISSUED",
                                                    "certificate",
                                                    certificate.key(),
                                                    detail)
                                            .replaceWith(issued);
                                })))
                // Drawn after the commit: the images need no connection and no transaction.
                .map(issued -> view(issued, verifyUrl(requestBaseUrl, issued.token())));
    }

    /**
     * Reads a scanned token and, for a genuine unexpired one, the certificate behind it. FORGED and TOKEN_EXPIRED
     * carry nothing else and touch no table; any other answer shows the holder and is audited as a public read.
     */
    public Uni<VerificationView> verify(String token, String clientAddress) {
        CredentialTokens.Reading reading = tokens.read(token);
        if (reading.result() != VerificationResult.VALID) {
            return Uni.createFrom().item(counted(VerificationView.only(reading.result())));
        }
        return lookUp(reading.publicId().orElseThrow(), reading.jti().orElseThrow(), clientAddress)
                .map(this::counted);
    }

    Uni<VerificationView> lookUp(UUID publicId, String jti, String clientAddress) {
        return pool.preparedQuery(SCANNED).execute(Tuple.of(publicId)).chain(rows -> {
            if (rows.size() == 0) {
                // Signed by the hub, but the certificate is gone: no longer valid, and nothing to show.
                return Uni.createFrom().item(VerificationView.only(VerificationResult.REVOKED));
            }
            Row row = rows.iterator().next();
            LocalDate validFrom = row.getLocalDate("valid_from");
            LocalDate validTo = row.getLocalDate("valid_to");
            VerificationResult result = result(CredentialState.of(
                    CertificateStatus.valueOf(row.getString("status")), validFrom, validTo, CredentialService.today()));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("jti", jti);
            detail.put("result", result.name());
            Caller publicReader = new Caller("public:" + clientAddress, Set.of(), Optional.empty(), Optional.empty());
            // The answer leaves only once its audit entry is committed (with the other scans of the moment).
            return readAudit
                    .record(
                            publicReader,
                            "CREDENTIAL_VERIFIED",
                            "certificate",
                            Certificate.key(row.getString("issuer"), row.getString("cert_no")),
                            detail)
                    .replaceWith(new VerificationView(
                            result,
                            row.getString("holder_name"),
                            row.getString("photo_ref"),
                            row.getString("department_name"),
                            List.of(row.getArrayOfStrings("categories")),
                            validFrom,
                            validTo,
                            CertificateKind.valueOf(row.getString("kind"))));
        });
    }

    private VerificationView counted(VerificationView view) {
        scans.get(view.result()).increment();
        return view;
    }

    private static VerificationResult result(CredentialState state) {
        return switch (state) {
            case VALID -> VerificationResult.VALID;
            case EXPIRED -> VerificationResult.CREDENTIAL_EXPIRED;
            case NOT_YET_VALID -> VerificationResult.NOT_YET_VALID;
            case SUSPENDED -> VerificationResult.SUSPENDED;
            case REVOKED -> VerificationResult.REVOKED;
        };
    }

    /**
     * The credential with its QR code. The holder's app refreshes a fifth of the lifetime (at most a minute) before
     * the token expires, so the code on the screen never shows an expired token to a scanner.
     */
    private static ElectronicCredentialView view(CredentialTokens.Issued issued, String verifyUrl) {
        Duration lifetime = Duration.between(Instant.now(), issued.expiresAt());
        Duration margin = lifetime.dividedBy(5).compareTo(Duration.ofMinutes(1)) > 0
                ? Duration.ofMinutes(1)
                : lifetime.dividedBy(5);
        return new ElectronicCredentialView(
                issued.token(),
                WireTime.of(issued.expiresAt()),
                WireTime.of(issued.expiresAt().minus(margin)),
                verifyUrl,
                "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(verifyUrl)),
                QrCodes.svg(verifyUrl));
    }

    private String verifyUrl(String requestBaseUrl, String token) {
        String base = config.verifyBaseUrl().filter(url -> !url.isBlank()).orElse(requestBaseUrl);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + VERIFY_PATH + "?token=" + token;
    }
}
