package dev.aether.web.router;

import static dev.aether.reactive.Reactive.createRoot;
import static dev.aether.reactive.Reactive.effect;
import static dev.aether.reactive.Reactive.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.Signal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page's blockers: leaving is asked about while any is dirty, with the first dirty one's question; a removed one blocks nothing. */
class BlockersTest {
    private static final Object OWNER = new Object();

    @Test
    void aBlockerGoesWithTheLevelItWasRegisteredFor() {
        try (ReactiveContext context = ReactiveContext.create("blockers")) {
            context.run(() -> {
                Blockers blockers = new Blockers();
                Object form = new Object();
                Object layout = new Object();
                blockers.add(form, signal(true), "Discard the form?");
                blockers.add(layout, signal(false), "Discard the layout's filter?");

                blockers.keepOnly(List.of(layout));   // a navigation replaced the form's level, kept the layout

                assertThat(blockers.blocking()).isEmpty();
                assertThat(blockers.size()).isEqualTo(1);
            });
        }
    }

    @Test
    void leavingIsFreeUntilABlockerIsDirtyThenItsQuestionIsAsked() {
        try (ReactiveContext context = ReactiveContext.create("blockers")) {
            context.run(() -> {
                Blockers blockers = new Blockers();
                Signal<Boolean> draft = signal(false);
                Signal<Boolean> profile = signal(false);
                blockers.add(OWNER, draft, "Discard your draft?");
                blockers.add(OWNER, profile, "Discard your profile changes?");

                assertThat(blockers.blocking()).isEmpty();
                profile.set(true);
                assertThat(blockers.blocking()).contains("Discard your profile changes?");
                draft.set(true);
                assertThat(blockers.blocking()).as("the first added wins").contains("Discard your draft?");
            });
        }
    }

    @Test
    void anyDirtyIsASignalThatChangesOnlyWhenTheAnswerChanges() {
        try (ReactiveContext context = ReactiveContext.create("blockers")) {
            context.run(() -> createRoot(dispose -> {
                Blockers blockers = new Blockers();
                Signal<Boolean> a = signal(false);
                Signal<Boolean> b = signal(false);
                blockers.add(OWNER, a, "a?");
                Runnable removeB = blockers.add(OWNER, b, "b?");
                List<Boolean> sent = new ArrayList<>();
                effect(() -> sent.add(blockers.anyDirty().get()));

                a.set(true);
                b.set(true);    // still dirty: nothing new to send
                a.set(false);
                removeB.run();  // b was the last dirty one
                b.set(false);

                assertThat(sent).containsExactly(false, true, false);
                return null;
            }));
        }
    }

    @Test
    void aRemovedBlockerNoLongerBlocksAndRemovingTwiceIsHarmless() {
        try (ReactiveContext context = ReactiveContext.create("blockers")) {
            context.run(() -> {
                Blockers blockers = new Blockers();
                Runnable remove = blockers.add(OWNER, signal(true), "Leave?");
                assertThat(blockers.blocking()).contains("Leave?");
                remove.run();
                remove.run();
                assertThat(blockers.blocking()).isEmpty();
                assertThat(blockers.size()).isZero();
            });
        }
    }

    @Test
    void aMessageIsShortAndNotBlank() {
        try (ReactiveContext context = ReactiveContext.create("blockers")) {
            context.run(() -> {
                Blockers blockers = new Blockers();
                assertThatThrownBy(() -> blockers.add(OWNER, signal(true), " ")).hasMessageContaining("1 to 500 characters");
                assertThatThrownBy(() -> blockers.add(OWNER, signal(true), "x".repeat(501))).hasMessageContaining("got 501");
            });
        }
    }
}
