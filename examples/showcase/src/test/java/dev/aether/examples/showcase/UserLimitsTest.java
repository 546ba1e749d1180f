package dev.aether.examples.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.Titan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What anonymous callers can make the users service hold: bounded sizes (Bean Validation) and a bounded store. */
class UserLimitsTest {
    private final Titan titan = ShowcaseServer.create(ListenAddress.of("127.0.0.1", 0)).start();

    @AfterEach
    void stop() {
        titan.stop();
    }

    @Test
    void aFourMebibyteEmailIsRefusedWith422BeforeAnythingIsStored() throws Exception {
        String email = "x".repeat(4 * 1024 * 1024) + "@example.com";
        HttpResponse<String> response = create("Mallory", email);
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode violation = NetronJson.parse(response.body()).at("/error/details/violations/0");
        assertThat(violation.get("path").asText()).isEqualTo("user.email");
        assertThat(violation.get("message").asText()).isEqualTo("size must be between 0 and " + NewUser.MAX_EMAIL_LENGTH);
        assertThat(titan.client().service(Users.class).list()).hasSize(2);
    }

    @Test
    void anOverlongNameIsRefusedWith422() throws Exception {
        HttpResponse<String> response = create("n".repeat(NewUser.MAX_NAME_LENGTH + 1), "long@example.com");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(NetronJson.parse(response.body()).at("/error/details/violations/0/path").asText()).isEqualTo("user.name");
    }

    @Test
    void theStoreRefusesUsersBeyondItsCapacityWith409StoreFull() throws Exception {
        Users users = titan.client().service(Users.class);
        for (int i = users.list().size(); i < UserService.MAX_USERS; i++) {
            users.create(new NewUser("User " + i, "user" + i + "@example.com"));
        }
        HttpResponse<String> response = create("One Too Many", "late@example.com");
        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode error = NetronJson.parse(response.body()).get("error");
        assertThat(error.at("/details/domainCode").asText()).as(response.body()).isEqualTo("STORE_FULL");
        assertThat(users.list()).hasSize(UserService.MAX_USERS);
    }

    private HttpResponse<String> create(String name, String email) throws Exception {
        String body = "{\"id\":\"c\",\"service\":\"users\",\"method\":\"create\",\"input\":[{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}]}";
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(titan.httpUri() + "/netron/invoke"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
