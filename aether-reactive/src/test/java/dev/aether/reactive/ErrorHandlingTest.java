package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest extends ReactiveSpec {

    @Test
    void effectErrorGoesToTheHandlerOfItsRoot() {
        List<Throwable> errors = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        createRoot(dispose -> {
            onError(errors::add);
            effect(() -> {
                throw boom;
            });
            return dispose;
        });
        assertThat(errors).containsExactly(boom);
    }

    @Test
    void handlersAreFoundByWalkingUpTheOwnerChain() {
        List<Throwable> errors = new ArrayList<>();
        createRoot(dispose -> {
            onError(errors::add);
            effect(() -> effect(() -> effect(() -> {
                throw new IllegalStateException("deep");
            })));
            return dispose;
        });
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("deep");
    }

    @Test
    void theNearestHandlerWins() {
        List<String> log = new ArrayList<>();
        createRoot(dispose -> {
            onError(e -> log.add("root: " + e.getMessage()));
            effect(() -> {
                onError(e -> log.add("effect: " + e.getMessage()));
                effect(() -> {
                    throw new IllegalStateException("x");
                });
            });
            return dispose;
        });
        assertThat(log).containsExactly("effect: x");
    }

    @Test
    void anEffectsOwnHandlerCatchesItsOwnError() {
        List<Throwable> errors = new ArrayList<>();
        effect(() -> {
            onError(errors::add);
            throw new IllegalStateException("own");
        });
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("own");
    }

    @Test
    void handlerThatThrowsPassesItsExceptionToTheNextHandlerUp() {
        List<Throwable> outer = new ArrayList<>();
        IllegalStateException original = new IllegalStateException("original");
        IllegalArgumentException fromHandler = new IllegalArgumentException("handler failed");
        createRoot(dispose -> {
            onError(outer::add);
            effect(() -> {
                onError(e -> {
                    throw fromHandler;
                });
                throw original;
            });
            return dispose;
        });
        assertThat(outer).containsExactly(fromHandler);
        assertThat(fromHandler.getSuppressed()).containsExactly(original);
    }

    @Test
    void handlerThatRethrowsPassesTheSameErrorUp() {
        List<Throwable> outer = new ArrayList<>();
        IllegalStateException original = new IllegalStateException("original");
        createRoot(dispose -> {
            onError(outer::add);
            createRoot(inner -> {
                onError(e -> {
                    throw (RuntimeException) e;
                });
                effect(() -> {
                    throw original;
                });
                return inner;
            });
            return dispose;
        });
        assertThat(outer).containsExactly(original);
    }

    @Test
    void unhandledErrorsGoToTheContextsUncaughtErrorHandler() {
        IllegalStateException boom = new IllegalStateException("nobody handles me");
        effect(() -> {
            throw boom;
        });
        assertThat(takeUncaught()).containsExactly(boom);
    }

    @Test
    void errorFromTheOutermostHandlerGoesToTheUncaughtErrorHandler() {
        IllegalArgumentException fromHandler = new IllegalArgumentException("handler");
        createRoot(dispose -> {
            onError(e -> {
                throw fromHandler;
            });
            effect(() -> {
                throw new IllegalStateException("effect");
            });
            return dispose;
        });
        assertThat(takeUncaught()).containsExactly(fromHandler);
    }

    @Test
    void uncaughtErrorHandlerIsPerContext() {
        List<Throwable> mine = new ArrayList<>();
        ReactiveContext.current().setUncaughtErrorHandler(mine::add);
        effect(() -> {
            throw new IllegalStateException("x");
        });
        assertThat(mine).hasSize(1);
    }

    @Test
    void errorThrownByAChildsCleanupGoesToTheEnclosingHandler() {
        List<Throwable> errors = new ArrayList<>();
        Signal<Integer> s = signal(0);
        createRoot(dispose -> {
            onError(errors::add);
            effect(() -> {
                int v = s.get();
                onCleanup(() -> {
                    throw new IllegalStateException("cleanup " + v);
                });
            });
            return dispose;
        });
        s.set(1);
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("cleanup 0");
    }

    @Test
    void errorThrownByACleanupOnDisposeGoesToTheEnclosingHandler() {
        List<Throwable> errors = new ArrayList<>();
        Disposable root = createRoot(dispose -> {
            onError(errors::add);
            effect(() -> onCleanup(() -> {
                throw new IllegalStateException("child cleanup");
            }));
            return dispose;
        });
        root.dispose();
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("child cleanup");
    }

    @Test
    void errorThrownByARootsOwnCleanupGoesToTheRootsHandler() {
        List<Throwable> errors = new ArrayList<>();
        Disposable root = createRoot(dispose -> {
            onError(errors::add);
            onCleanup(() -> {
                throw new IllegalStateException("root cleanup");
            });
            return dispose;
        });
        root.dispose();
        assertThat(errors).as("the handler registered next to the cleanup")
                .singleElement().extracting(Throwable::getMessage).isEqualTo("root cleanup");
    }

    @Test
    void errorThrownByAnEffectsCleanupGoesToTheEffectsHandler() {
        List<Throwable> errors = new ArrayList<>();
        Signal<Integer> s = signal(0);
        effect(() -> {
            s.get();
            onError(errors::add);
            onCleanup(() -> {
                throw new IllegalStateException("effect cleanup");
            });
        });
        s.set(1);
        assertThat(errors).as("the handler registered next to the cleanup")
                .singleElement().extracting(Throwable::getMessage).isEqualTo("effect cleanup");
    }

    @Test
    void aThrowingCleanupDoesNotStopTheOtherCleanups() {
        List<String> log = new ArrayList<>();
        Disposable root = createRoot(dispose -> {
            onError(e -> log.add("error " + e.getMessage()));
            effect(() -> {
                onCleanup(() -> log.add("first"));
                onCleanup(() -> {
                    throw new IllegalStateException("second");
                });
                onCleanup(() -> log.add("third"));
            });
            return dispose;
        });
        root.dispose();
        assertThat(log).containsExactly("third", "error second", "first");
    }

    @Test
    void handlersOfTheEnclosingOwnerAreFoundFromANestedRoot() {
        List<Throwable> errors = new ArrayList<>();
        createRoot(outer -> {
            onError(errors::add);
            createRoot(inner -> {
                effect(() -> {
                    throw new IllegalStateException("in nested root");
                });
                return inner;
            });
            return outer;
        });
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("in nested root");
    }

    @Test
    void errorFromAComputedReadByAnEffectReachesTheEffectsHandler() {
        IllegalStateException failure = new IllegalStateException("computed failed");
        Computed<Integer> c = computed(() -> {
            throw failure;
        });
        List<Throwable> errors = new ArrayList<>();
        createRoot(dispose -> {
            onError(errors::add);
            effect(c::get);
            return dispose;
        });
        assertThat(errors).containsExactly(failure);
    }

    @Test
    void ofSeveralHandlersOnOneOwnerTheLatestRegisteredTakesTheError() {
        List<String> log = new ArrayList<>();
        createRoot(dispose -> {
            onError(e -> log.add("first: " + e.getMessage()));
            onError(e -> log.add("second: " + e.getMessage()));
            onError(e -> log.add("third: " + e.getMessage()));
            effect(() -> {
                throw new IllegalStateException("boom");
            });
            return dispose;
        });

        assertThat(log).containsExactly("third: boom");
    }
}
