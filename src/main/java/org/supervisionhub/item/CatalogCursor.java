package org.supervisionhub.item;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;

/**
 * The position of a catalog listing, handed to clients as {@code next} and taken back as {@code after}: the code of
 * the last item a page showed, base64url-encoded so that clients treat it as opaque and the hub may change what it
 * holds without breaking them. The listing is ordered by code, so the next page is simply the codes above it.
 */
final class CatalogCursor {

    /** The query parameter a cursor comes back in. */
    static final String PARAMETER = "after";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** base64url of 14 bytes has 19 characters without padding; anything longer is not a cursor of ours. */
    private static final int MAX_LENGTH = 24;

    private CatalogCursor() {}

    static String after(String itemCode) {
        return ENCODER.encodeToString(itemCode.getBytes(StandardCharsets.US_ASCII));
    }

    /** The item code a cursor points after; anything the hub did not hand out is a 400 on the field. */
    static String itemCodeOf(String cursor) {
        if (cursor.length() <= MAX_LENGTH) {
            try {
                String code = new String(DECODER.decode(cursor), StandardCharsets.US_ASCII);
                if (code.length() == 14 && code.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return code;
                }
            } catch (IllegalArgumentException notBase64) {
                // answered below, like any other cursor the hub did not hand out
            }
        }
        throw HubException.validation(List.of(new FieldError(
                PARAMETER,
                "CURSOR_INVALID",
                "not a cursor of this listing: pass the next of an earlier page unchanged")));
    }
}
