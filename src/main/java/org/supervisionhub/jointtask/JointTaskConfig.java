package org.supervisionhub.jointtask;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reminders (催办) of joint task participants that have not fed back. */
@ConfigMapping(prefix = "hub.joint-tasks")
public interface JointTaskConfig {

    /** Whether this replica sends reminders (several may: each reminder is claimed once, under the task's lock). */
    @WithDefault("true")
    boolean remindersEnabled();

    /** How many days before the deadline the participants still open are reminded. Defaults to 3. */
    @WithDefault("3")
    int remindDaysBefore();

    /** How often reminders are looked for (read by its {@code @Scheduled}). Defaults to 10 minutes. */
    @WithDefault("10m")
    String reminderEvery();
}
