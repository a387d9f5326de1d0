package org.supervisionhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.supervisionhub.client.ApiClient;
import org.supervisionhub.client.ApiException;
import org.supervisionhub.client.api.ItemsApi;
import org.supervisionhub.client.model.CatalogItem;
import org.supervisionhub.client.model.Claim;
import org.supervisionhub.client.model.ClaimRequest;
import org.supervisionhub.client.model.ClaimStatus;
import org.supervisionhub.client.model.ErrorCode;
import org.supervisionhub.client.model.Problem;
import org.supervisionhub.support.Catalog;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * Calls the hub through the Java client the build generates from the committed contract (openapi-generator, library
 * native): requests it builds are accepted, answers and problems it reads carry what the hub sent. A contract that no
 * longer describes the API breaks this test, not a docking team.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI hub;

    @Inject
    Catalog catalog;

    @Inject
    Db db;

    private ItemsApi items(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(hub.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new ItemsApi(client);
    }

    @Test
    void claimsASubItemThroughTheGeneratedClient() throws ApiException {
        String item = catalog.subItem("SAMR", "INSPECTION");
        ItemsApi nanning = items(Tokens.deptAdmin("NN_SCJGJ", "450100"));

        Claim claim = nanning.claimItem(item, new ClaimRequest());
        CatalogItem read = nanning.getItem(item);

        assertThat(claim.getItemCode()).isEqualTo(item);
        assertThat(claim.getDepartmentCode()).isEqualTo("NN_SCJGJ");
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.ACTIVE);
        assertThat(read.getClaimedByMe()).isTrue();
        assertThat(db.count(
                        "select count(*) from item_claim where item_code = ? and department_code = ? and status = 'ACTIVE'",
                        item,
                        "NN_SCJGJ"))
                .isEqualTo(1);
    }

    @Test
    void aRefusalReachesTheGeneratedClientAsItsProblemModel() throws Exception {
        ApiClient client = new ApiClient();
        ItemsApi hubAdmin = items(Tokens.hubAdmin());
        String unknown = Catalog.newCode();

        ApiException refused = catchThrowableOfType(ApiException.class, () -> hubAdmin.getItem(unknown));
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);

        assertThat(refused.getCode()).isEqualTo(404);
        assertThat(problem.getCode()).isEqualTo(ErrorCode.ITEM_NOT_FOUND);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getInstance()).isEqualTo("/api/v1/items/" + unknown);
    }
}
