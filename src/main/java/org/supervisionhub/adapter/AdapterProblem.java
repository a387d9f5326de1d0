package org.supervisionhub.adapter;

/** Why a descriptor is broken: the file, the line, the field path and what is wrong. */
public record AdapterProblem(String file, Integer line, String field, String message) {

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + (field == null || field.isEmpty() ? "" : " [" + field + "]")
                + ": " + message;
    }
}
