package org.supervisionhub.common.pii;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.supervisionhub.common.code.IdNumbers;

/**
 * The one place personal identifiers are turned into what the hub may keep: a keyed hash (HMAC-SHA256,
 * key from a Secret) to find a person again, and a masked form to show. The clear value is never stored.
 */
@ApplicationScoped
public class PersonalData {

    private final SecretKeySpec key;

    @jakarta.inject.Inject
    public PersonalData(PiiConfig config) {
        this(config.hmacKey());
    }

    /** A hasher with the given key (tests and tools; the application takes it from {@link PiiConfig}). */
    public PersonalData(String key) {
        if (key == null || key.length() < 32) {
            throw new IllegalStateException("hub.pii.hmac-key must hold at least 32 characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Keyed hash of an ID number (upper-cased, so a lower-case x check digit hashes the same). */
    public String hashIdNumber(String idNumber) {
        return hmac("id:" + idNumber.strip().toUpperCase(Locale.ROOT));
    }

    /** Keyed hash of a phone number (digits only). */
    public String hashPhone(String phone) {
        return hmac("phone:" + phone.replaceAll("[^0-9]", ""));
    }

    /** {@code 110105********002X}: region and last four, enough to recognise, not to identify. */
    public static String maskIdNumber(String idNumber) {
        return IdNumbers.mask(idNumber);
    }

    /** {@code 王**}: a person's name as the public sees it, its first character only. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    // Candidates in free text: 18 characters of an ID number (checked before masking, so a credit code or a document
    // number of the same length stays) and mainland mobile numbers, neither glued to further digits.
    private static final Pattern ID_NUMBER_IN_TEXT = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE_IN_TEXT = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    /**
     * Free text fit for the public (违法事实, 检查结果说明): valid ID numbers and mobile numbers in it masked. Names
     * cannot be recognised in free text; texts meant for disclosure are written without them.
     */
    public static String redactText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher ids = ID_NUMBER_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (ids.find()) {
            String candidate = ids.group().toUpperCase(Locale.ROOT);
            ids.appendReplacement(
                    out,
                    Matcher.quoteReplacement(IdNumbers.isValid(candidate) ? maskIdNumber(candidate) : ids.group()));
        }
        ids.appendTail(out);
        return MOBILE_IN_TEXT.matcher(out).replaceAll(match -> maskPhone(match.group()));
    }

    /** {@code 138****5678}. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
