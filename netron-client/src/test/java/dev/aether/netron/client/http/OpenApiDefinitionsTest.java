package dev.aether.netron.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.netron.protocol.http.NetronJson;
import org.junit.jupiter.api.Test;

/** Reading a definition out of the reference's OpenAPI document. */
class OpenApiDefinitionsTest {

    private static Definition find(String paths, String service) {
        return OpenApiDefinitions.find(NetronJson.parse("{\"openapi\":\"3.0.3\",\"paths\":{" + paths + "}}"), service);
    }

    private static String path(String service, String method) {
        return "\"/rpc/" + service + "/" + method + "\":{\"post\":{}}";
    }

    @Test
    void pathsOutsideRpcAndMalformedOnesAreIgnored() {
        Definition users = find(String.join(",", path("users@1.0.0", "get"), "\"/health\":{}", "\"/rpc/users@1.0.0/\":{}",
                "\"/rpc//get\":{}"), "users@1.0.0");

        assertThat(users.meta().methods().keySet()).containsExactly("get");
        assertThat(users.id()).isNull();
        assertThat(users.meta().methods().get("get").arguments()).isEmpty();
    }

    @Test
    void aReleaseRanksAboveItsPrereleaseAndUnparsableVersionsAreSkipped() {
        Definition users = find(String.join(",", path("users@2.0.0-beta.1", "next"), path("users@2.0.0", "get"),
                path("users@latest", "x")), "users");

        assertThat(users.meta().version()).isEqualTo("2.0.0");
        assertThat(users.meta().methods().keySet()).containsExactly("get");
    }

    @Test
    void aBareNameWithoutAnyVersionedEntryHasNoVersion() {
        Definition users = find(path("users", "get"), "users");

        assertThat(users.meta().name()).isEqualTo("users");
        assertThat(users.meta().version()).isNull();
    }

    @Test
    void aDocumentWithoutPathsListsNoService() {
        assertThatThrownBy(() -> OpenApiDefinitions.find(NetronJson.parse("{}"), "users"))
                .isInstanceOf(ServiceNotFoundException.class);
    }
}
