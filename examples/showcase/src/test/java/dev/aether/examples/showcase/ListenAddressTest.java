package dev.aether.examples.showcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenAddressTest {
    @Test
    void defaultsToLoopbackAnd8080() {
        assertThat(ListenAddress.fromEnvironment(Map.of())).isEqualTo(ListenAddress.of("127.0.0.1", 8080));
    }

    @Test
    void portComesFromThePortVariable() {
        assertThat(ListenAddress.fromEnvironment(Map.of("PORT", " 9090 ")).port()).isEqualTo(9090);
    }

    @Test
    void nonNumericPortSaysWhatIsWrong() {
        assertThatThrownBy(() -> ListenAddress.fromEnvironment(Map.of("PORT", "http")))
                .hasMessageContaining("PORT must be a number").hasMessageContaining("\"http\"");
    }

    @Test
    void outOfRangePortIsRejected() {
        assertThatThrownBy(() -> ListenAddress.fromEnvironment(Map.of("PORT", "70000"))).hasMessageContaining("0..65535");
    }
}
