package org.supervisionhub.officer;

/** Formats of the credential API's identifiers, shared by the resource, the DTOs and the service. */
final class CredentialFormats {

    /** Issuing body code (发证机关编码): a department code, credit code or similar, 2-64 characters. */
    static final String ISSUER = "^[A-Za-z0-9_-]{2,64}$";

    static final String ISSUER_MESSAGE = "2-64 letters, digits, _ or -";
    /** 执法证件号: opaque, 8-32 characters, no whitespace, control characters or slashes (it travels in paths). */
    static final String CERT_NO = "^[^\\s\\p{Cntrl}/\\\\?#%]*$";

    static final String CERT_NO_MESSAGE = "no whitespace, control characters, /, \\, ?, # or %";
    static final int CERT_NO_MIN = 8;
    static final int CERT_NO_MAX = 32;
    static final String DEPARTMENT_CODE = "^[A-Za-z0-9_-]{2,32}$";
    /** 执法门类, in the codes of the catalog's sectors (catalog_item.sector_code). */
    static final String CATEGORY = "^[A-Z0-9_]{2,32}$";

    static final String NO_WHITESPACE = "^\\S+$";
    static final int MAX_CATEGORIES = 20;
    static final int MAX_CHECKED_CERTIFICATES = 20;

    private CredentialFormats() {}
}
