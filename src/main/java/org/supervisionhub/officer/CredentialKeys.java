package org.supervisionhub.officer;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The electronic-credential key pairs, read once from {@link CredentialsConfig} at start-up so that a bad key
 * stops the application instead of the first scan. Only private keys are configured; each public key is derived
 * from its private key and proven to match by signing and verifying a probe.
 */
@Startup
@ApplicationScoped
public class CredentialKeys {

    /** One usable key pair. */
    public record KeyPair(String kid, ECPrivateKey privateKey, ECPublicKey publicKey) {

        @Override
        public String toString() {
            return "KeyPair[kid=" + kid + "]";
        }
    }

    private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Order of the P-256 (secp256r1) group: identifies the curve without depending on provider names. */
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private final List<KeyPair> keys;

    public CredentialKeys(CredentialsConfig config) {
        this.keys = load(config.signingKeys());
    }

    /** The key that signs new tokens: the first configured. */
    public KeyPair active() {
        return keys.get(0);
    }

    /** Every configured key, the active one first. */
    public List<KeyPair> all() {
        return keys;
    }

    static List<KeyPair> load(List<CredentialsConfig.SigningKey> configured) {
        if (configured == null || configured.isEmpty()) {
            throw new IllegalStateException("hub.credentials.signing-keys must hold at least one key "
                    + "(HUB_CREDENTIALS_SIGNING_KEYS_0__KID and HUB_CREDENTIALS_SIGNING_KEYS_0__PRIVATE_KEY)");
        }
        List<KeyPair> pairs = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < configured.size(); i++) {
            CredentialsConfig.SigningKey key = configured.get(i);
            String where = "hub.credentials.signing-keys[" + i + "]";
            String kid = key.kid() == null ? "" : key.kid().strip();
            if (!KID.matcher(kid).matches()) {
                throw new IllegalStateException(where + ".kid must be 1-64 letters, digits, '.', '_' or '-'");
            }
            if (!kids.add(kid)) {
                throw new IllegalStateException(where + ".kid repeats the key id '" + kid + "'");
            }
            ECPrivateKey privateKey = parsePrivateKey(key.privateKey(), where);
            pairs.add(new KeyPair(kid, privateKey, derivePublicKey(privateKey, where)));
        }
        return List.copyOf(pairs);
    }

    /** Reads a PKCS#8 PEM (body only, or with its armour lines) holding an EC P-256 private key. */
    static ECPrivateKey parsePrivateKey(String pem, String where) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException(where + ".private-key is empty");
        }
        // Never echo the key material in an error.
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            if (KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof ECPrivateKey ec
                    && isP256(ec.getParams())) {
                return ec;
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException(where + ".private-key is not a PKCS#8 EC P-256 private key (PEM)");
        }
        throw new IllegalStateException(where + ".private-key is not an EC P-256 private key");
    }

    private static boolean isP256(ECParameterSpec params) {
        return params != null
                && params.getCurve().getField() instanceof ECFieldFp field
                && field.getFieldSize() == 256
                && params.getOrder().equals(P256_ORDER)
                && params.getCofactor() == 1;
    }

    /**
     * The public key Q = d·G of a private key d, then a probe signature proving the pair matches. The scalar
     * multiplication runs once per key at start-up (a Montgomery ladder over the curve of the key itself).
     */
    static ECPublicKey derivePublicKey(ECPrivateKey privateKey, String where) {
        ECParameterSpec params = privateKey.getParams();
        EllipticCurve curve = params.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        BigInteger d = privateKey.getS();
        if (d.signum() <= 0 || d.compareTo(params.getOrder()) >= 0) {
            throw new IllegalStateException(where + ".private-key is out of range for P-256");
        }
        ECPoint q = multiply(params.getGenerator(), d, curve.getA(), p);
        if (q == ECPoint.POINT_INFINITY || !onCurve(q, curve, p)) {
            throw new IllegalStateException(where + ".private-key does not give a valid public key");
        }
        try {
            ECPublicKey publicKey =
                    (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, params));
            byte[] probe = ("supervision-hub key probe " + where).getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException(
                        where + ": the derived public key does not verify the private key's " + "signature");
            }
            return publicKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(where + ": cannot derive the public key", e);
        }
    }

    private static ECPoint multiply(ECPoint point, BigInteger k, BigInteger a, BigInteger p) {
        ECPoint r0 = ECPoint.POINT_INFINITY;
        ECPoint r1 = point;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            if (k.testBit(i)) {
                r0 = add(r0, r1, a, p);
                r1 = twice(r1, a, p);
            } else {
                r1 = add(r0, r1, a, p);
                r0 = twice(r0, a, p);
            }
        }
        return r0;
    }

    private static ECPoint add(ECPoint s, ECPoint t, BigInteger a, BigInteger p) {
        if (s == ECPoint.POINT_INFINITY) {
            return t;
        }
        if (t == ECPoint.POINT_INFINITY) {
            return s;
        }
        if (s.getAffineX().equals(t.getAffineX())) {
            return s.getAffineY().add(t.getAffineY()).mod(p).signum() == 0 ? ECPoint.POINT_INFINITY : twice(s, a, p);
        }
        BigInteger slope = t.getAffineY()
                .subtract(s.getAffineY())
                .multiply(t.getAffineX().subtract(s.getAffineX()).modInverse(p))
                .mod(p);
        return third(slope, s, t.getAffineX(), p);
    }

    private static ECPoint twice(ECPoint s, BigInteger a, BigInteger p) {
        if (s == ECPoint.POINT_INFINITY || s.getAffineY().signum() == 0) {
            return ECPoint.POINT_INFINITY;
        }
        BigInteger x = s.getAffineX();
        BigInteger slope = x.pow(2)
                .multiply(BigInteger.valueOf(3))
                .add(a)
                .multiply(s.getAffineY().shiftLeft(1).modInverse(p))
                .mod(p);
        return third(slope, s, x, p);
    }

    /** The point completing the line of the given slope through s and a point with x coordinate otherX. */
    private static ECPoint third(BigInteger slope, ECPoint s, BigInteger otherX, BigInteger p) {
        BigInteger x = slope.pow(2).subtract(s.getAffineX()).subtract(otherX).mod(p);
        BigInteger y = slope.multiply(s.getAffineX().subtract(x))
                .subtract(s.getAffineY())
                .mod(p);
        return new ECPoint(x, y);
    }

    private static boolean onCurve(ECPoint q, EllipticCurve curve, BigInteger p) {
        BigInteger x = q.getAffineX();
        BigInteger y = q.getAffineY();
        return y.pow(2)
                .mod(p)
                .equals(x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p));
    }
}
