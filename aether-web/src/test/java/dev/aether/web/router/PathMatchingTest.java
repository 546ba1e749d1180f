package dev.aether.web.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Path patterns, their specificity order, and how a raw URL path is decoded (and refused). */
class PathMatchingTest {

    private static PathMatcher<String> matcher(String... patterns) {
        List<PathMatcher.Entry<String>> entries = new ArrayList<>();
        for (String p : patterns) {
            entries.add(new PathMatcher.Entry<>(PathPattern.parse(p), p));
        }
        Collections.reverse(entries);   // the order given must not matter
        return PathMatcher.of(entries);
    }

    private static Optional<String> winner(PathMatcher<String> matcher, String rawPath) {
        return RequestPath.parse(rawPath).flatMap(matcher::match).map(PathMatcher.Match::value);
    }

    private static Map<String, String> params(String pattern, String rawPath) {
        return PathPattern.parse(pattern).match(RequestPath.parse(rawPath).orElseThrow()).orElseThrow();
    }

    @Test
    void aStaticSegmentBeatsAParamWhichBeatsAnOptionalWhichBeatsACatchAll() {
        PathMatcher<String> m = matcher("/users/new", "/users/:id", "/users/:id?", "/users/*rest", "/users/*rest?");
        assertThat(m.patterns()).extracting(PathPattern::source)
                .containsExactly("/users/new", "/users/:id", "/users/:id?", "/users/*rest", "/users/*rest?");
        assertThat(winner(m, "/users/new")).contains("/users/new");
        assertThat(winner(m, "/users/42")).contains("/users/:id");
        assertThat(winner(m, "/users")).contains("/users/:id?");
        assertThat(winner(m, "/users/a/b")).contains("/users/*rest");
    }

    @Test
    void theLongerPatternIsTriedFirstAmongEquals() {
        PathMatcher<String> m = matcher("/a/:x", "/a/:x/b/:y", "/a/:x/b");
        assertThat(m.patterns()).extracting(PathPattern::source).containsExactly("/a/:x/b/:y", "/a/:x/b", "/a/:x");
        assertThat(winner(m, "/a/1/b")).contains("/a/:x/b");
        assertThat(winner(m, "/a/1/b/2")).contains("/a/:x/b/:y");
    }

    @Test
    void anExactPatternBeatsOneThatOnlyAddsOptionalSegments() {
        PathMatcher<String> m = matcher("/docs/*rest?", "/docs");
        assertThat(winner(m, "/docs")).contains("/docs");
        assertThat(winner(m, "/docs/a/b")).contains("/docs/*rest?");
    }

    @Test
    void theRootAndACatchAllSplitTheSite() {
        PathMatcher<String> m = matcher("/", "/*rest");
        assertThat(winner(m, "/")).contains("/");
        assertThat(winner(m, "/anything/else")).contains("/*rest");
    }

    @Test
    void nothingMatchesIsEmpty() {
        assertThat(winner(matcher("/users/:id"), "/users/1/2")).isEmpty();
        assertThat(winner(matcher("/users/:id"), "/users")).isEmpty();
    }

    @Test
    void paramsAreReadDecodedAndCatchAllsJoinTheirSegments() {
        assertThat(params("/users/:id/files/*path", "/users/J%C3%BCrgen/files/a%20b/c.txt"))
                .containsExactly(Map.entry("id", "Jürgen"), Map.entry("path", "a b/c.txt"));
        assertThat(params("/search/:q", "/search/a+b%2Bc")).containsEntry("q", "a+b+c");
        assertThat(params("/list/:page?", "/list")).isEmpty();
        assertThat(params("/docs/*rest?", "/docs/")).isEmpty();
    }

    @Test
    void dotSegmentsEncodedOrNotHaveNoReading() {
        assertThat(RequestPath.parse("/files/../etc/passwd")).isEmpty();
        assertThat(RequestPath.parse("/files/%2e%2e/etc")).isEmpty();
        assertThat(RequestPath.parse("/files/./x")).isEmpty();
        assertThat(RequestPath.parse("/files/%2E")).isEmpty();
    }

    @Test
    void emptySegmentsInsideAPathHaveNoReadingButOneTrailingSlashIsIgnored() {
        assertThat(RequestPath.parse("/a//b")).isEmpty();
        assertThat(RequestPath.parse("//a")).isEmpty();
        assertThat(RequestPath.parse("/a/b/").orElseThrow().segments()).containsExactly("a", "b");
        assertThat(RequestPath.parse("/").orElseThrow().segments()).isEmpty();
    }

    @Test
    void veryLongPathsAndTooManySegmentsHaveNoReading() {
        assertThat(RequestPath.parse("/" + "a".repeat(RequestPath.MAX_LENGTH))).isEmpty();
        assertThat(RequestPath.parse("/a".repeat(RequestPath.MAX_SEGMENTS + 1))).isEmpty();
        assertThat(RequestPath.parse("/a".repeat(RequestPath.MAX_SEGMENTS))).isPresent();
    }

    @Test
    void malformedEscapesInvalidUtf8AndControlCharactersHaveNoReading() {
        assertThat(RequestPath.parse("/a%2")).isEmpty();
        assertThat(RequestPath.parse("/a%zz")).isEmpty();
        assertThat(RequestPath.parse("/%C3%28")).isEmpty();
        assertThat(RequestPath.parse("/a%00b")).isEmpty();
        assertThat(RequestPath.parse("/a%0Ab")).isEmpty();
    }

    @Test
    void malformedPatternsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> PathPattern.parse("users")).hasMessageContaining("starts with /");
        assertThatThrownBy(() -> PathPattern.parse("/*rest/more")).hasMessageContaining("catch-all must be the last");
        assertThatThrownBy(() -> PathPattern.parse("/:a?/b")).hasMessageContaining("only optional segments may follow");
        assertThatThrownBy(() -> PathPattern.parse("/:id/:id")).hasMessageContaining("param id appears twice");
        assertThatThrownBy(() -> PathPattern.parse("/a//b")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> PathPattern.parse("/:1x")).hasMessageContaining("must be a Java identifier");
        assertThatThrownBy(() -> PathPattern.parse("/a:b")).hasMessageContaining("static segment");
    }

    @Test
    void twoPatternsThatMatchTheSameUrlsAreRefused() {
        assertThatThrownBy(() -> matcher("/users/:id", "/users/:name")).hasMessageContaining("match the same URLs");
    }
}
