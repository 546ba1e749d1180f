package dev.aether.benchmarks.reactive.memory;

import dev.aether.reactive.Computed;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Prints retained bytes per signal, per computed and per effect, for Aether and for the plain
 * JavaFX equivalents, measured over a million instances (median of five).
 *
 * <ul>
 *   <li><b>signal</b>: one signal holding a small (cached) Integer; JavaFX: SimpleIntegerProperty.
 *   <li><b>computed</b>: a computed reading one signal, evaluated once so its dependency link
 *       exists, and its lambda; the signal's own bytes are subtracted. JavaFX: an IntegerBinding
 *       bound to one property, evaluated (binding observer and listener entry included).
 *   <li><b>effect</b>: an effect reading one signal (link and lambda included), signal
 *       subtracted. JavaFX: an InvalidationListener lambda added to one property.
 * </ul>
 *
 * <p>Not JMH: a heap delta needs objects kept alive, not a timed loop. Run with
 * {@code -XX:+UseSerialGC} (the exec configuration does).
 */
public final class RetainedBytesMain {
    private static final int COUNT = 1_000_000;
    private static final int REPEATS = 5;

    private RetainedBytesMain() {
    }

    public static void main(String[] args) {
        HeapMeter meter = new HeapMeter(COUNT, REPEATS);
        // Warm up class loading and the JIT so the first real sample is not an outlier.
        new HeapMeter(100_000, 1).bytesPerInstance(i -> aetherEffect());
        new HeapMeter(100_000, 1).bytesPerInstance(i -> fxListener());

        double aetherSignal = meter.bytesPerInstance(i -> Reactive.signal(0));
        double aetherComputed = meter.bytesPerInstance(i -> aetherComputed()) - aetherSignal;
        double aetherEffect = meter.bytesPerInstance(i -> aetherEffect()) - aetherSignal;
        // Observed: an effect reads the computed, so the computed is listed strongly (no weak stand-in).
        double aetherObservedComputed = meter.bytesPerInstance(i -> aetherObservedComputed()) - aetherSignal - aetherEffect;
        double fxProperty = meter.bytesPerInstance(i -> new SimpleIntegerProperty(0));
        double fxBinding = meter.bytesPerInstance(i -> fxBinding()) - fxProperty;
        double fxListener = meter.bytesPerInstance(i -> fxListener()) - fxProperty;

        System.out.printf("JVM: %s %s, %s%n", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf("%-10s %10s %10s%n", "bytes", "Aether", "JavaFX");
        System.out.printf("%-10s %10.1f %10.1f%n", "signal", aetherSignal, fxProperty);
        System.out.printf("%-10s %10.1f %10.1f%n", "computed", aetherComputed, fxBinding);
        System.out.printf("%-10s %10.1f %10.1f%n", "computed*", aetherObservedComputed, fxBinding);
        System.out.printf("%-10s %10.1f %10.1f%n", "effect", aetherEffect, fxListener);
    }

    private static Object aetherComputed() {
        Signal<Integer> s = Reactive.signal(0);
        Computed<Integer> c = Reactive.computed(() -> s.get());
        c.get();
        return c; // holds the signal through its dependency link
    }

    private static Object aetherObservedComputed() {
        Signal<Integer> s = Reactive.signal(0);
        Computed<Integer> c = Reactive.computed(() -> s.get());
        Reactive.effect(() -> c.get());
        return s; // holds the computed and the effect through strong links
    }

    private static Object aetherEffect() {
        Signal<Integer> s = Reactive.signal(0);
        Reactive.effect(() -> s.get());
        return s; // holds the effect through its subscriber link
    }

    private static Object fxBinding() {
        SimpleIntegerProperty p = new SimpleIntegerProperty(0);
        IntegerBinding b = new IntegerBinding() {
            {
                bind(p);
            }

            @Override
            protected int computeValue() {
                return p.get();
            }
        };
        b.get();
        return b; // holds the property (computeValue reads it); the property holds b only weakly
    }

    private static Object fxListener() {
        SimpleIntegerProperty p = new SimpleIntegerProperty(0);
        InvalidationListener listener = o -> p.get();
        p.addListener(listener);
        return p;
    }
}
