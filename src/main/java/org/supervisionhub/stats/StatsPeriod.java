package org.supervisionhub.stats;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.WireTime;

/**
 * The period a statistic covers ({@code ?from=&to=}), both days included; taken as a {@code @BeanParam}.
 */
public class StatsPeriod {

    @QueryParam("from")
    @Parameter(description = "First day (default: 1 January of the current year)")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Last day (default: today)")
    public LocalDate to;

    /** The days asked for. */
    record Days(LocalDate first, LocalDate last) {}

    /** The period asked for: from 1 January of this year to today by default, in order, at most ten years long. */
    Days days() {
        LocalDate today = LocalDate.now(WireTime.ZONE);
        LocalDate first = from != null ? from : today.withDayOfYear(1);
        LocalDate last = to != null ? to : today;
        if (last.isBefore(first)) {
            throw HubException.validation(List.of(new FieldError("to", "DATE_RANGE_INVALID", "'to' precedes 'from'")));
        }
        if (last.isAfter(first.plusYears(10))) {
            throw HubException.validation(
                    List.of(new FieldError("to", "DATE_RANGE_INVALID", "the period spans more than ten years")));
        }
        return new Days(first, last);
    }
}
