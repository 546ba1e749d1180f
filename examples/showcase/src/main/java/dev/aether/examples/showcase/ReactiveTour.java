package dev.aether.examples.showcase;

import static dev.aether.reactive.Reactive.batch;
import static dev.aether.reactive.Reactive.computed;
import static dev.aether.reactive.Reactive.createRoot;
import static dev.aether.reactive.Reactive.effect;
import static dev.aether.reactive.Reactive.onCleanup;
import static dev.aether.reactive.Reactive.signal;

import dev.aether.reactive.Computed;
import dev.aether.reactive.Disposable;
import dev.aether.reactive.Signal;
import java.io.PrintStream;

/**
 * A guided run through signals, computeds, effects, batching and disposal; {@code --tour} runs it.
 *
 * <pre>{@code
 * new ReactiveTour(System.out).run();
 * }</pre>
 */
final class ReactiveTour {
    private final PrintStream out;

    ReactiveTour(PrintStream out) {
        this.out = out;
    }

    void run() {
        out.println("== Aether reactive core: a shopping cart ==");
        Signal<Integer> price = signal(10).named("price");
        Signal<Integer> quantity = signal(2).named("quantity");
        Computed<Integer> total = computed(() -> price.get() * quantity.get()).named("total");
        Computed<Boolean> expensive = computed(() -> total.get() > 50).named("expensive");

        Disposable view = createRoot(dispose -> {
            effect(() -> {
                out.println("  [effect] total = " + total.get());
                onCleanup(() -> out.println("  [cleanup] before the next total"));
            });
            effect(() -> out.println("  [effect] expensive = " + expensive.get()));
            return dispose;
        });

        step("quantity.set(3): total changes, 'expensive' is recomputed but stays false so its effect is quiet");
        quantity.set(3);

        step("quantity.set(3) again: equal value, nothing runs");
        quantity.set(3);

        step("batch(price=20, quantity=4): one run per effect, with the final values");
        batch(() -> {
            price.set(20);
            quantity.set(4);
        });

        step("dispose the view: cleanups run, effects stop");
        view.dispose();
        price.set(1);
        out.println("  price.set(1) after dispose printed nothing; total is now " + total.get());
    }

    private void step(String what) {
        out.println();
        out.println("> " + what);
    }
}
