package org.supervisionhub.adapter.kit;

/**
 * One thing a docking team must fix: the file (and line, when known) to change, the field concerned, and what is wrong
 * in Chinese and in English.
 */
public record KitProblem(String file, Integer line, String field, String chinese, String english) {

    /** {@code file:line [field]} — the place, as editors and the hub's start-up errors write it. */
    public String place() {
        return file + (line == null ? "" : ":" + line) + (field == null || field.isEmpty() ? "" : " [" + field + "]");
    }

    @Override
    public String toString() {
        return place() + "\n  中文: " + chinese + "\n  English: " + english;
    }
}
