package org.supervisionhub.organization;

/** Shapes shared by the department endpoints. */
public final class Departments {

    /** A department code: 2-32 letters, digits, '_' or '-'. */
    public static final String CODE = "^[A-Za-z0-9_-]{2,32}$";

    /** A user subject or username of an identity provider. */
    public static final String SUBJECT = "^[\\p{L}\\p{N}_.@:+-]{1,200}$";

    private Departments() {}
}
