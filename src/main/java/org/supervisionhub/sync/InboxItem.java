package org.supervisionhub.sync;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message of the inbox as its handler sees it.
 *
 * @param id         the inbox row
 * @param kind       the callback kind it arrived under ({@code items}, {@code complaints}, ...)
 * @param nationalId the national platform's id of the thing the message is about
 * @param revision   the message's revision of it
 * @param payload    the message as received
 */
public record InboxItem(long id, String kind, String nationalId, int revision, JsonNode payload) {}
