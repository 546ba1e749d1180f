package dev.aether.examples.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** README's "Try it" lines are exactly the ones {@link CurlExamplesOverHttpTest} runs against the server. */
class ReadmeTest {
    /** Surefire runs in the module directory; README is at the root of the repository. */
    private static final Path README = Path.of("../../README.md");
    private static final String FIRST_COMMAND = "./mvnw -pl examples/showcase -am test-compile exec:java";
    private static final URI DEFAULT_BASE = URI.create("http://127.0.0.1:" + ListenAddress.DEFAULT_PORT);

    static String tryItBlock() {
        return CurlExamples.ALL.stream()
                .map(e -> e.comment() + "\n" + e.commandLine(DEFAULT_BASE))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void readmeListsEveryCurlExampleInOrder() throws IOException {
        String readme = Files.readString(README);
        assertThat(readme).as("README.md should contain this block:%n%s%n", tryItBlock()).contains(tryItBlock());
    }

    @Test
    void readmeStillStartsWithTheTwoCommands() throws IOException {
        String readme = Files.readString(README);
        assertThat(readme).contains(FIRST_COMMAND + "   # build (Maven shows each step) and start the example application\n"
                + "./mvnw verify                                              # run all the tests\n");
    }

    @Test
    void theFirstCommandShowsMavensProgressInsteadOfStayingSilentWhileItCompiles() {
        assertThat(FIRST_COMMAND.split(" ")).doesNotContain("-q", "--quiet");
    }
}
