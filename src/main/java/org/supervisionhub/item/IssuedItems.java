package org.supervisionhub.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.supervisionhub.common.code.ItemCodes;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Roles;
import org.supervisionhub.sync.InboxHandler;
import org.supervisionhub.sync.InboxItem;

/**
 * The inbox's handler of the {@code items} callback: an item issued by the national catalog becomes the catalog's
 * next version (or changes nothing), and an issued in-use sub-item invites the departments whose sectors cover it and
 * that have not claimed it. Item and invitations are written on the inbox's connection, in its transaction.
 */
@ApplicationScoped
public class IssuedItems implements InboxHandler {

    static final String KIND = "items";
    private static final Caller NATIONAL_PLATFORM =
            new Caller("national-platform", Set.of(Roles.NATIONAL), Optional.empty(), Optional.empty());

    // Departments whose sectors cover an in-use sub-item and that have not claimed it are invited to.
    private static final String INVITE = """
            insert into claim_invitation (item_code, department_code)
            select i.code, ds.department_code
            from catalog_item i join department_sector ds on ds.sector_code = i.sector_code
            where i.code = $1 and i.parent_code is not null and i.status = 'IN_USE'
              and not exists (select 1 from item_claim c where c.item_code = i.code
                              and c.department_code = ds.department_code and c.status = 'ACTIVE')
            on conflict do nothing""";

    @Inject
    CatalogWriter catalog;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Override
    public boolean handles(String kind) {
        return KIND.equals(kind);
    }

    @Override
    public Outcome handle(SqlConnection connection, InboxItem item) {
        JsonNode payload = item.payload();
        String code = payload.path("code").asText(null);
        if (code == null || !ItemCodes.isValid(code)) {
            throw new IllegalArgumentException("an issued item carries a valid 14-digit code");
        }
        CatalogItemRequest request = mapper.convertValue(payload.path("item"), CatalogItemRequest.class);
        Set<ConstraintViolation<CatalogItemRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        catalog.upsert(connection, NATIONAL_PLATFORM, code, request);
        connection.preparedQuery(INVITE).execute(Tuple.of(code)).await().indefinitely();
        return Outcome.PROCESSED;
    }
}
