package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a live navigation starts rendering again: the deepest level both URLs share, with equal params. */
class SharedLevelsTest {
    public record UserParams(long id) {
    }

    public record PostsParams(long id, Optional<Integer> page) {
    }

    static final Level<NoParams> ROOT = Level.layout(Route.of("/"), (ctx, outlet) -> div(outlet));
    static final Level<UserParams> USER = Level.layout(Route.of("/users/:id", UserParams.class), (ctx, outlet) -> div(outlet));
    static final Level<PostsParams> POSTS = Level.page(Route.of("/users/:id/posts", PostsParams.class), "Posts", ctx -> p(text("posts")));
    static final Level<UserParams> LIKES = Level.page(Route.of("/users/:id/likes", UserParams.class), "Likes", ctx -> p(text("likes")));
    static final Level<NoParams> ABOUT = Level.page(Route.of("/about"), "About", ctx -> p(text("about")));

    static List<MatchedLevel> chain(MatchedLevel... levels) {
        return List.of(levels);
    }

    static MatchedLevel root() {
        return new MatchedLevel(ROOT, NoParams.NONE);
    }

    @Test
    void siblingPagesShareEveryLayoutAboveThem() {
        var from = chain(root(), new MatchedLevel(USER, new UserParams(1)), new MatchedLevel(POSTS, new PostsParams(1, Optional.empty())));
        var to = chain(root(), new MatchedLevel(USER, new UserParams(1)), new MatchedLevel(LIKES, new UserParams(1)));
        assertThat(MatchedLevel.sharedDepth(from, to)).isEqualTo(2);
    }

    @Test
    void aLayoutWhoseParamsChangeIsNotShared() {
        var from = chain(root(), new MatchedLevel(USER, new UserParams(1)), new MatchedLevel(LIKES, new UserParams(1)));
        var to = chain(root(), new MatchedLevel(USER, new UserParams(2)), new MatchedLevel(LIKES, new UserParams(2)));
        assertThat(MatchedLevel.sharedDepth(from, to)).isEqualTo(1);
    }

    @Test
    void aPageWhoseSearchParamsChangeIsRenderedAgainUnderItsLayouts() {
        var from = chain(root(), new MatchedLevel(USER, new UserParams(1)), new MatchedLevel(POSTS, new PostsParams(1, Optional.of(1))));
        var to = chain(root(), new MatchedLevel(USER, new UserParams(1)), new MatchedLevel(POSTS, new PostsParams(1, Optional.of(2))));
        assertThat(MatchedLevel.sharedDepth(from, to)).isEqualTo(2);
    }

    @Test
    void theSameUrlSharesTheWholeChain() {
        var from = chain(root(), new MatchedLevel(USER, new UserParams(1)), new MatchedLevel(LIKES, new UserParams(1)));
        var to = chain(root(), new MatchedLevel(USER, new UserParams(1)), new MatchedLevel(LIKES, new UserParams(1)));
        assertThat(MatchedLevel.sharedDepth(from, to)).isEqualTo(3);
    }

    @Test
    void pagesUnderDifferentTopLevelsShareNothing() {
        var from = chain(new MatchedLevel(ABOUT, NoParams.NONE));
        var to = chain(root(), new MatchedLevel(USER, new UserParams(1)), new MatchedLevel(LIKES, new UserParams(1)));
        assertThat(MatchedLevel.sharedDepth(from, to)).isZero();
    }

    @Test
    void aShallowerPageSharesTheLayoutsItHasInCommon() {
        Level<NoParams> home = Level.page(Route.of("/"), "Home", ctx -> p(text("home")));
        var from = chain(root(), new MatchedLevel(USER, new UserParams(1)), new MatchedLevel(LIKES, new UserParams(1)));
        var to = chain(root(), new MatchedLevel(home, NoParams.NONE));
        assertThat(MatchedLevel.sharedDepth(from, to)).isEqualTo(1);
    }
}
