package dev.aether.titan.http;

import static dev.aether.titan.http.RawHttp.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.IssuingAuthenticator;
import dev.aether.titan.fixtures.SafeService;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the TypeScript netron-browser client reads from Titan over HTTP, decoded the way it
 * decodes it (JSON into plain maps and lists): the login result it keeps a token from, and the
 * shape of permission errors.
 */
@SuppressWarnings("unchecked")
class HttpBrowserCompatibilityTest {
    private static Titan titan;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        titan = Titan.builder().port(0).service(new SafeService()).authenticator(new IssuingAuthenticator()).build().start();
        http = new RawHttp(titan.httpUri());
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    private static Map<String, Object> body(HttpResponse<String> response) {
        return NetronJson.mapper().convertValue(NetronJson.parse(response.body()), new TypeReference<Map<String, Object>>() { });
    }

    private static Map<String, Object> contextOfLogin(String credentials) {
        HttpResponse<String> response = http.post("/netron/authenticate", "{\"id\":\"a1\",\"credentials\":" + credentials + "}");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> result = (Map<String, Object>) body(response).get("result");
        assertThat(result).containsEntry("success", true);
        return (Map<String, Object>) result.get("context");
    }

    @Test
    void aLoginThatIssuesATokenAnnouncesItAsABearerTokenInTheContext() {
        Map<String, Object> context = contextOfLogin("{\"username\":\"alice\",\"password\":\"secret\"}");

        // netron-browser keeps a token only when result.context.token.type === 'bearer' ...
        assertThat(context.get("token")).isEqualTo(Map.of("type", "bearer", "value", IssuingAuthenticator.ALICE_TOKEN));
        // ... and then takes its value from result.context.metadata.token.
        assertThat((Map<String, Object>) context.get("metadata")).containsEntry("token", IssuingAuthenticator.ALICE_TOKEN);
    }

    @Test
    void aLoginWithoutAnIssuedTokenHasNoTokenMember() {
        Map<String, Object> context = contextOfLogin("{\"token\":\"" + IssuingAuthenticator.BOB_TOKEN + "\"}");

        assertThat(context).doesNotContainKeys("token", "metadata");
    }

    @Test
    void aLoginContextHasTheReferenceShapeWithRolesAndPermissionsAsArraysAndNoNulls() {
        Map<String, Object> context = contextOfLogin("{\"username\":\"alice\",\"password\":\"secret\"}");

        assertThat(context.keySet()).containsExactly("userId", "roles", "permissions", "token", "metadata");
        assertThat(context.get("roles")).isEqualTo(List.of("user"));
        assertThat(context.get("permissions")).isEqualTo(List.of("safe:read"));
        assertThat(contextOfLogin("{\"token\":\"" + IssuingAuthenticator.BOB_TOKEN + "\"}"))
                .containsEntry("permissions", List.of())
                .containsEntry("scopes", List.of("safe"));
    }

    @Test
    void aMissingRoleIs403WithTheServiceMethodAndMissingRolesAsAnArray() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r1", "safe", "open", "[]"),
                "Authorization", "Bearer " + IssuingAuthenticator.ALICE_TOKEN);

        assertThat(response.statusCode()).isEqualTo(403);
        Map<String, Object> error = (Map<String, Object>) body(response).get("error");
        assertThat(error).containsEntry("code", "403");
        assertThat(error.get("details")).isEqualTo(Map.of("service", "safe@1.0.0", "method", "open",
                "missingRoles", List.of("admin", "auditor")));
    }

    @Test
    void missingPermissionsAre403WithOnlyThePermissionsTheCallerLacks() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r2", "safe@1.0.0", "write", "[]"),
                "Authorization", "Bearer " + IssuingAuthenticator.ALICE_TOKEN);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(((Map<String, Object>) body(response).get("error")).get("details")).isEqualTo(Map.of(
                "service", "safe@1.0.0", "method", "write", "missingPermissions", List.of("safe:audit", "safe:write")));
    }

    @Test
    void missingScopesAre403WithOnlyTheScopesTheCallerLacks() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r3", "safe", "scoped", "[]"),
                "Authorization", "Bearer " + IssuingAuthenticator.BOB_TOKEN);

        assertThat(((Map<String, Object>) body(response).get("error")).get("details")).isEqualTo(Map.of(
                "service", "safe@1.0.0", "method", "scoped", "missingScopes", List.of("safe:admin")));
    }

    @Test
    void anAnonymousCallerIs401WithTheServiceAndMethodInDetails() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r4", "safe", "open", "[]"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(((Map<String, Object>) body(response).get("error")).get("details"))
                .isEqualTo(Map.of("service", "safe@1.0.0", "method", "open"));
    }
}
