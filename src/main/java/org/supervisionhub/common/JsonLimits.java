package org.supervisionhub.common;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Locale;

/**
 * How deep, how long a number and how long a string any JSON the hub reads may be: request bodies, NDJSON lines,
 * adapter payloads and callbacks all go through the hub's one ObjectMapper ({@link JsonLimitsCustomizer}), so a
 * hostile document is refused while it is parsed, before it is built into a tree.
 */
@ConfigMapping(prefix = "hub.json")
@StaticInitSafe // the ObjectMapper is built during static init; these settings are read then
public interface JsonLimits {

    /** Deepest nesting of objects and arrays. Defaults to 64 (the hub's documents nest fewer than 10 levels). */
    @WithDefault("64")
    int maxNestingDepth();

    /**
     * Most characters of one number. Defaults to 400: above the 309 digits a double has when PostgreSQL's jsonb writes
     * it out in full, so every number stored as JSON reads back.
     */
    @WithDefault("400")
    int maxNumberLength();

    /** Most characters of one string value. Defaults to 1,000,000 (the longest text field allows 20,000). */
    @WithDefault("1000000")
    int maxStringLength();

    /** The constraints for Jackson. */
    default StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth())
                .maxNumberLength(maxNumberLength())
                .maxStringLength(maxStringLength())
                .build();
    }

    /** The catalog code of a broken limit: nesting and numbers are malformed input (400), a long string too large. */
    static ErrorCode codeOf(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("nesting depth")) {
            return ErrorCode.NESTING_TOO_DEEP;
        }
        if (message.contains("number value length")) {
            return ErrorCode.NUMBER_TOO_LONG;
        }
        if (message.contains("string value length")) {
            return ErrorCode.STRING_TOO_LONG;
        }
        return ErrorCode.MALFORMED_JSON;
    }

    /** The problem for a document that broke a limit ({@code where} says which document, e.g. "line 3"). */
    static HubException problemOf(StreamConstraintsException e, String where) {
        ErrorCode code = codeOf(e);
        String detail = where + " exceeds a JSON limit: " + describe(code);
        switch (code) {
            case NESTING_TOO_DEEP:
                return HubException.badRequest(ErrorCode.NESTING_TOO_DEEP, detail);
            case NUMBER_TOO_LONG:
                return HubException.badRequest(ErrorCode.NUMBER_TOO_LONG, detail);
            case STRING_TOO_LONG:
                return new HubException(413, "STRING_TOO_LONG", "Payload too large", detail, List.of());
            default:
                return HubException.badRequest(ErrorCode.MALFORMED_JSON, detail);
        }
    }

    /** A client-facing description of the broken limit, without Jackson's own wording. */
    static String describe(ErrorCode code) {
        switch (code) {
            case NESTING_TOO_DEEP:
                return "objects and arrays nested too deep";
            case NUMBER_TOO_LONG:
                return "a number with too many characters";
            case STRING_TOO_LONG:
                return "a string value too long";
            default:
                return "a value the parser refuses";
        }
    }
}
