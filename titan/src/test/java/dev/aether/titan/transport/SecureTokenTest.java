package dev.aether.titan.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureTokenTest {
    @Test
    void aTokenIsItsBytesAsUrlSafeBase64WithoutPadding() {
        String token = SecureToken.random(18);

        assertThat(token).hasSize(24).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(18);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(SecureToken.random(24));
        }
        assertThat(seen).hasSize(10_000);
    }
}
