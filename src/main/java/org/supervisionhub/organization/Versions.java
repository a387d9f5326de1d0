package org.supervisionhub.organization;

import org.supervisionhub.common.HubException;

/** Optimistic versions as HTTP entity tags: {@code ETag: "3"}; a write with {@code If-Match} must name the stored one. */
public final class Versions {

    private Versions() {}

    /** The entity tag of a version. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /**
     * Refuses a write whose {@code If-Match} names another version than the stored one (412 VERSION_MISMATCH), or names
     * one of a row that does not exist. No header (or {@code *} on an existing row) means "whatever is stored".
     */
    static void requireMatch(String ifMatch, Integer stored) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String tag = ifMatch.trim();
        if (tag.equals("*") && stored != null) {
            return;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (stored == null || !tag.equals(etag(stored))) {
            throw new HubException(
                    412,
                    "VERSION_MISMATCH",
                    "Precondition failed",
                    stored == null
                            ? "If-Match names a version, but there is nothing stored yet"
                            : "If-Match " + ifMatch + " is not the stored version " + etag(stored)
                                    + ": read it again and retry",
                    java.util.List.of());
        }
    }
}
