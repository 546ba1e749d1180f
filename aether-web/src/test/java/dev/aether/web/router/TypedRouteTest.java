package dev.aether.web.router;

import static dev.aether.web.router.Links.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Routes whose params are records: checked when built, links built from records, URLs read back into them. */
class TypedRouteTest {
    public enum Tab { POSTS, LIKES }

    public record UserParams(long id, Optional<Tab> tab, boolean compact) {
    }

    public record FileParams(String owner, String path) {
    }

    public record ListParams(Optional<Integer> page, Optional<String> q) {
    }

    public record PositiveParams(int n) {
        public PositiveParams {
            if (n <= 0) {
                throw new IllegalArgumentException("n must be positive");
            }
        }
    }

    static final Route<UserParams> USER = Route.of("/users/:id", UserParams.class);
    static final Route<FileParams> FILE = Route.of("/files/:owner/*path", FileParams.class);
    static final Route<ListParams> LIST = Route.of("/list/:page?", ListParams.class);

    private static <P extends Record> Optional<P> read(Route<P> route, String url) {
        String[] parts = url.split("\\?", 2);
        Map<String, List<String>> query = parts.length == 1 ? Map.of()
                : java.util.Arrays.stream(parts[1].split("&")).map(kv -> kv.split("=", 2))
                        .collect(java.util.stream.Collectors.toMap(kv -> kv[0],
                                kv -> List.of(java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8))));
        return RequestPath.parse(parts[0]).flatMap(route.pattern()::match).flatMap(params -> route.parse(params, query));
    }

    @Test
    void aLinkIsBuiltFromTheRecordWithSearchParamsInTheQuery() {
        assertThat(link(USER, new UserParams(42, Optional.of(Tab.POSTS), true))).isEqualTo("/users/42?tab=posts&compact=true");
        assertThat(link(USER, new UserParams(7, Optional.empty(), false))).isEqualTo("/users/7");
        assertThat(link(LIST, new ListParams(Optional.empty(), Optional.empty()))).isEqualTo("/list");
        assertThat(link(Route.of("/"), NoParams.NONE)).isEqualTo("/");
    }

    @Test
    void linkValuesAreEscapedSoTheyStayOneSegmentOrOneQueryValue() {
        assertThat(link(FILE, new FileParams("a b%c?#", "docs/ré sumé.pdf"))).isEqualTo("/files/a%20b%25c%3F%23/docs/r%C3%A9%20sum%C3%A9.pdf");
        assertThat(link(LIST, new ListParams(Optional.of(2), Optional.of("a&b=c d")))).isEqualTo("/list/2?q=a%26b%3Dc+d");
    }

    @Test
    void aUrlIsReadBackIntoTheSameRecord() {
        UserParams user = new UserParams(42, Optional.of(Tab.LIKES), true);
        assertThat(read(USER, link(USER, user))).contains(user);
        FileParams file = new FileParams("a b%20c", "docs/ré sumé.pdf");
        assertThat(read(FILE, link(FILE, file))).contains(file);
        ListParams list = new ListParams(Optional.of(3), Optional.of("a&b=c d"));
        assertThat(read(LIST, link(LIST, list))).contains(list);
        assertThat(read(USER, "/users/1?tab=POSTS")).contains(new UserParams(1, Optional.of(Tab.POSTS), false));
    }

    @Test
    void aValueThatDoesNotConvertReadsAsNoMatch() {
        assertThat(read(USER, "/users/abc")).isEmpty();
        assertThat(read(USER, "/users/99999999999999999999")).isEmpty();
        assertThat(read(USER, "/users/1?tab=shares")).isEmpty();
        assertThat(read(USER, "/users/1?compact=yes")).isEmpty();
        assertThat(read(LIST, "/list/two")).isEmpty();
    }

    @Test
    void aValueTheRecordItselfRefusesReadsAsNoMatch() {
        Route<PositiveParams> route = Route.of("/n/:n", PositiveParams.class);
        assertThat(read(route, "/n/5")).contains(new PositiveParams(5));
        assertThat(read(route, "/n/0")).isEmpty();
    }

    @Test
    void aLinkThatWouldLeadNowhereIsRefused() {
        assertThatThrownBy(() -> link(FILE, new FileParams("..", "x"))).hasMessageContaining("owner = \"..\" cannot be a path segment");
        assertThatThrownBy(() -> link(FILE, new FileParams("", "x"))).hasMessageContaining("cannot be a path segment");
        assertThatThrownBy(() -> link(FILE, new FileParams(null, "x"))).hasMessageContaining("owner is null");
        assertThatThrownBy(() -> link(FILE, new FileParams("a/b", "x"))).hasMessageContaining("contains /, which servers refuse inside a segment");
        assertThatThrownBy(() -> link(FILE, new FileParams("a", "x//y"))).hasMessageContaining("cannot be a path segment");
    }

    public record Misnamed(long userId) {
    }

    public record OptionalRequired(Optional<Long> id) {
    }

    public record RequiredOptional(long page) {
    }

    public record RequiredSearch(long id, String sort) {
    }

    public record ListCatchAll(Optional<Integer> rest) {
    }

    public record UnsupportedType(java.time.Instant id) {
    }

    @Test
    void aPatternParamWithoutAComponentIsRefusedNamingBoth() {
        assertThatThrownBy(() -> Route.of("/users/:id", Misnamed.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route /users/:id: param id has no component in Misnamed[userId]; add one named id");
    }

    @Test
    void componentTypesMustFitTheirPartOfTheUrl() {
        assertThatThrownBy(() -> Route.of("/users/:id", OptionalRequired.class)).hasMessageContaining("is required in the pattern");
        assertThatThrownBy(() -> Route.of("/list/:page?", RequiredOptional.class)).hasMessageContaining("must be an Optional");
        assertThatThrownBy(() -> Route.of("/users/:id", RequiredSearch.class)).hasMessageContaining("sort is not in the pattern, so it is a search param");
        assertThatThrownBy(() -> Route.of("/docs/*rest?", ListCatchAll.class)).hasMessageContaining("is a catch-all");
        assertThatThrownBy(() -> Route.of("/at/:id", UnsupportedType.class)).hasMessageContaining("must be String, int, long, boolean or an enum");
    }
}
