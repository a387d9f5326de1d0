package org.supervisionhub.sync;

import java.util.List;

/** Contributes delivery targets to the relay (a CDI bean; the relay collects all of them at start-up). */
public interface DeliveryTargets {

    List<DeliveryTarget> targets();
}
