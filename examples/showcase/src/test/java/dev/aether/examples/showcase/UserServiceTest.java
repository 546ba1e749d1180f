package dev.aether.examples.showcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.DomainException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.titan.Titan;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The users service, its Guice-provided store and its admin-only delete, through in-process clients. */
class UserServiceTest {
    // A fresh Titan per test: each starts from the two seeded users.
    private final Titan titan = ShowcaseServer.create(ListenAddress.of("127.0.0.1", 0)).start();
    private final Users anonymous = titan.client().service(Users.class);

    @AfterEach
    void stop() {
        titan.stop();
    }

    @Test
    void listsTheSeededUsersById() {
        assertThat(anonymous.list()).extracting(User::id, User::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "Ada Lovelace"),
                        org.assertj.core.groups.Tuple.tuple(2L, "Alan Turing"));
    }

    @Test
    void getsAUserById() {
        assertThat(anonymous.get(1)).isEqualTo(new User(1, "Ada Lovelace", "ada@example.com"));
    }

    @Test
    void missingUserIsA404DomainError() {
        assertThatThrownBy(() -> anonymous.get(42)).isInstanceOf(DomainException.class)
                .hasMessage("No user with id 42")
                .satisfies(e -> {
                    assertThat(((NetronException) e).code()).isEqualTo(404);
                    assertThat(((DomainException) e).domainCode()).isEqualTo("USER_NOT_FOUND");
                });
    }

    @Test
    void createStoresTheUserUnderTheNextId() {
        User grace = anonymous.create(new NewUser("  Grace Hopper ", "grace@example.com"));
        assertThat(grace).isEqualTo(new User(3, "Grace Hopper", "grace@example.com"));
        assertThat(anonymous.get(3)).isEqualTo(grace);
    }

    @Test
    void createRejectsAMissingName() {
        assertThatThrownBy(() -> anonymous.create(new NewUser(" ", "x@example.com"))).isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    assertThat(((NetronException) e).code()).isEqualTo(422);
                    assertThat(((NetronException) e).details()).containsEntry("field", "name");
                });
    }

    @Test
    void createRejectsAnInvalidEmail() {
        assertThatThrownBy(() -> anonymous.create(new NewUser("Bob", "not-an-email"))).isInstanceOf(ValidationException.class)
                .hasMessage("email is not a valid address")
                .satisfies(e -> assertThat(((NetronException) e).details()).containsEntry("field", "email"));
    }

    @Test
    void createWithoutAUserIsA400() {
        assertThatThrownBy(() -> anonymous.create(null)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((NetronException) e).code()).isEqualTo(400));
    }

    @Test
    void createRejectsATakenEmailWith409() {
        assertThatThrownBy(() -> anonymous.create(new NewUser("Ada again", "ADA@example.com")))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).domainCode()).isEqualTo("EMAIL_TAKEN"));
    }

    @Test
    void anonymousDeleteIs401() {
        assertThatThrownBy(() -> anonymous.delete(2)).isInstanceOf(AuthException.class);
        assertThat(anonymous.list()).hasSize(2);
    }

    @Test
    void guestDeleteIs403() {
        NetronClient guest = titan.client();
        guest.authenticate(Map.of("username", "guest", "password", "guest-password"));
        assertThatThrownBy(() -> guest.service(Users.class).delete(2)).isInstanceOf(PermissionException.class);
    }

    @Test
    void adminDeletesAfterLoggingInWithAPassword() {
        NetronClient admin = titan.client();
        var result = admin.authenticate(Map.of("username", "admin", "password", "admin-password"));
        assertThat(result.success()).isTrue();
        assertThat(result.context().roles()).containsExactly("admin");
        assertThat(result.context().metadata()).containsEntry("token", DemoAuthenticator.ADMIN_TOKEN);

        Users users = admin.service(Users.class);
        assertThat(users.delete(2)).isTrue();
        assertThat(users.delete(2)).isFalse();
        assertThat(users.list()).extracting(User::id).containsExactly(1L);
    }

    @Test
    void adminDeletesAfterLoggingInWithTheToken() {
        NetronClient admin = titan.client();
        admin.authenticate(Map.of("token", DemoAuthenticator.ADMIN_TOKEN));
        assertThat(admin.service(Users.class).delete(1)).isTrue();
    }

    @Test
    void wrongPasswordIsRejected() {
        NetronClient client = titan.client();
        assertThatThrownBy(() -> client.authenticate(Map.of("username", "admin", "password", "guess")))
                .isInstanceOf(AuthException.class);
    }

    @Test
    void theStoreComesFromTheGuiceModuleAsASingleton() {
        assertThat(titan.injector().getInstance(UserRepository.class))
                .isInstanceOf(InMemoryUserRepository.class)
                .isSameAs(titan.injector().getInstance(UserRepository.class));
    }
}
