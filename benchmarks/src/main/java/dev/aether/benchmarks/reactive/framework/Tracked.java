package dev.aether.benchmarks.reactive.framework;

import javafx.beans.Observable;

/**
 * A JavaFX observable the adapter can record as a dependency. JavaFX has no automatic
 * dependency tracking, so the adapter supplies it: {@link DependencyTracker} stamps each node
 * with the frame it was last recorded in, which de-duplicates repeated reads without a set.
 */
interface Tracked extends Observable {
    int seenIn();

    void seenIn(int frame);

    Object currentValue();
}
