package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.IssuingAuthenticator;
import dev.aether.titan.fixtures.SafeService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the TypeScript netron-browser client reads from Titan over WebSocket, decoded from the
 * MessagePack it receives: the {@code authenticate} task's result (no nil members, the issued
 * token) and the shape of permission errors (plain arrays, not Set extensions).
 */
@SuppressWarnings("unchecked")
class WebSocketBrowserCompatibilityTest {
    @RegisterExtension
    static final TitanWithSockets server = new TitanWithSockets(() -> Titan.builder().port(0).service(new SafeService()).authenticator(new IssuingAuthenticator()).build());

    private static RawSocket connected() {
        return server.connect().handshake("5b0f6f4e-7a7e-4c8e-9a55-1f3f8d5e2c11");
    }

    private static Map<String, Object> authenticate(RawSocket s, long id, Map<String, Object> credentials) {
        Packet reply = s.request(Packet.request(id, PacketType.TASK, List.of("authenticate", credentials)));
        assertThat(reply.error()).isFalse();
        return (Map<String, Object>) reply.data();
    }

    private static NetronException callFails(RawSocket s, long id, String method) {
        Packet reply = s.request(Packet.request(id, PacketType.CALL, List.of("safe", method)));
        assertThat(reply.error()).as("error flag").isTrue();
        return (NetronException) reply.data();
    }

    @Test
    void anAcceptedAuthenticateTaskResultHasNoNilMembers() {
        Map<String, Object> result = authenticate(connected(), 1, Map.of("token", IssuingAuthenticator.BOB_TOKEN));

        assertThat(result.keySet()).containsExactly("success", "context");
        Map<String, Object> context = (Map<String, Object>) result.get("context");
        assertThat(context.keySet()).containsExactly("userId", "roles", "permissions", "scopes");
        assertThat(context).containsEntry("userId", "bob").containsEntry("roles", List.of("user"))
                .containsEntry("permissions", List.of()).containsEntry("scopes", List.of("safe"));
    }

    @Test
    void aRejectedAuthenticateTaskResultHasOnlySuccessAndError() {
        Map<String, Object> result = authenticate(connected(), 1, Map.of("username", "alice", "password", "wrong"));

        assertThat(result.keySet()).containsExactly("success", "error");
        assertThat(result).containsEntry("success", false);
        assertThat(result.get("error")).isInstanceOf(String.class);
    }

    @Test
    void anAuthenticateTaskThatIssuesATokenAnnouncesItAsABearerToken() {
        Map<String, Object> result = authenticate(connected(), 1, Map.of("username", "alice", "password", "secret"));

        Map<String, Object> context = (Map<String, Object>) result.get("context");
        assertThat(context.get("token")).isEqualTo(Map.of("type", "bearer", "value", IssuingAuthenticator.ALICE_TOKEN));
        assertThat((Map<String, Object>) context.get("metadata")).containsEntry("token", IssuingAuthenticator.ALICE_TOKEN);
    }

    @Test
    void aMissingRoleIs403WithMissingRolesAsAPlainArray() {
        RawSocket s = connected();
        authenticate(s, 1, Map.of("token", IssuingAuthenticator.ALICE_TOKEN));

        NetronException denied = callFails(s, 2, "open");

        assertThat(denied.code()).isEqualTo(403);
        // A MessagePack Set (ext 123) would decode to a java.util.Set: the reference sends an array.
        assertThat(denied.details().get("missingRoles")).isInstanceOf(List.class).isEqualTo(List.of("admin", "auditor"));
        assertThat(denied.details()).containsEntry("service", "safe@1.0.0").containsEntry("method", "open")
                .containsOnlyKeys("service", "method", "missingRoles");
    }

    @Test
    void missingPermissionsAre403WithOnlyTheMissingOnesAsAPlainArray() {
        RawSocket s = connected();
        authenticate(s, 1, Map.of("token", IssuingAuthenticator.ALICE_TOKEN));

        NetronException denied = callFails(s, 2, "write");

        assertThat(denied.details().get("missingPermissions")).isInstanceOf(List.class)
                .isEqualTo(List.of("safe:audit", "safe:write"));
    }

    @Test
    void anAnonymousCallIs401WithTheServiceAndMethodInDetails() {
        NetronException denied = callFails(connected(), 1, "open");

        assertThat(denied.code()).isEqualTo(401);
        assertThat(denied.details()).isEqualTo(Map.of("service", "safe@1.0.0", "method", "open"));
    }
}
