package dev.aether.web.router;

import dev.aether.reactive.Computed;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReadSignal;
import dev.aether.reactive.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The blockers of one live page: parts of it with unsaved changes that a navigation away must ask
 * about first. Each is a dirty flag (a signal the page already has, e.g. "the form differs from
 * what was saved") and the question the browser asks. The server decides: a navigation finds the
 * first dirty blocker and asks the runtime to confirm; the runtime only keeps
 * {@link #anyDirty()} (sent when it changes) for {@code beforeunload}, which cannot wait for the
 * server. Session context only.
 *
 * <pre>{@code
 * Blockers blockers = new Blockers();
 * Runnable remove = blockers.add(levelState, form.dirty(), "Discard your draft?");
 * blockers.blocking()              // Optional["Discard your draft?"] while form.dirty() is true
 * blockers.keepOnly(levelsShown)   // a navigation away from levelState removed it
 * }</pre>
 */
final class Blockers {
    /** Asked when a blocker gives no question of its own. */
    static final String DEFAULT_MESSAGE = "You have unsaved changes. Leave this page?";
    /** A question is shown by the browser's confirm dialog: keep it short, and bounded whatever the page passes. */
    static final int MAX_MESSAGE = 500;

    /** {@code owner}: what the blocker lives as long as (a level on the page), compared by identity. */
    private record Entry(Object owner, ReadSignal<Boolean> dirty, String message) {
    }

    private final Signal<List<Entry>> entries = Reactive.signal(List.of(), (a, b) -> a == b);
    private final Computed<Boolean> anyDirty = Reactive.computed(() -> {
        for (Entry e : entries.get()) {
            if (Boolean.TRUE.equals(e.dirty().get())) {
                return true;
            }
        }
        return false;
    });

    /** Blocks leaving while {@code dirty} is true, asking {@code message}, as long as {@code owner} stays; the returned action removes it. */
    Runnable add(Object owner, ReadSignal<Boolean> dirty, String message) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(dirty, "dirty");
        Objects.requireNonNull(message, "message");
        if (message.isBlank() || message.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("a blocker's message is 1 to " + MAX_MESSAGE + " characters, got " + message.length());
        }
        Entry entry = new Entry(owner, dirty, message);
        List<Entry> more = new ArrayList<>(entries.peek());
        more.add(entry);
        entries.set(List.copyOf(more));
        return () -> {
            List<Entry> fewer = new ArrayList<>(entries.peek());
            if (fewer.remove(entry)) {
                entries.set(List.copyOf(fewer));
            }
        };
    }

    /** Removes the blockers whose owner is not among {@code owners} (by identity): their levels left the page. */
    void keepOnly(List<?> owners) {
        List<Entry> kept = new ArrayList<>();
        for (Entry e : entries.peek()) {
            if (owners.stream().anyMatch(o -> o == e.owner())) {
                kept.add(e);
            }
        }
        if (kept.size() != entries.peek().size()) {
            entries.set(List.copyOf(kept));
        }
    }

    /** Whether any blocker is dirty now: a signal, bound to what the runtime keeps for {@code beforeunload}. */
    ReadSignal<Boolean> anyDirty() {
        return anyDirty;
    }

    /** The question of the first dirty blocker (in the order added), or empty when leaving is free. */
    Optional<String> blocking() {
        for (Entry e : entries.peek()) {
            if (Boolean.TRUE.equals(e.dirty().peek())) {
                return Optional.of(e.message());
            }
        }
        return Optional.empty();
    }

    /** How many blockers are registered (dirty or not). */
    int size() {
        return entries.peek().size();
    }
}
