package org.supervisionhub.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The hub's answer to a callback: stored, or recognised as a duplicate (and not processed again). */
@Schema(name = "CallbackReceipt")
public record CallbackReceipt(String kind, String nationalId, int revision, boolean duplicate) {}
