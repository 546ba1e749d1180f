package dev.aether.web.live;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.web.safety.Escape;
import dev.aether.web.html.RenderTarget;
import dev.aether.web.protocol.LiveProtocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The effect behind a keyed {@code each}: only {@code items} is tracked. A change becomes one
 * list patch: rows whose key went are removed (and their owners disposed), new keys are rendered
 * and inserted, and the rows outside the longest run that kept its order are moved — so an
 * unchanged row is never rendered again and its DOM nodes keep their identity. A row whose item
 * is no longer {@link Objects#equals equal} to the one it was rendered from is rendered again.
 */
final class ListBinding<T> extends Binding {
    private final PatchSink sink;
    private final LiveRenderer.PartRenderer parts;
    private final String id;
    private final Supplier<? extends Iterable<? extends T>> items;
    private final Function<? super T, ?> key;
    private final BiConsumer<RenderTarget, ? super T> row;
    private LiveRenderer building;   // the renderer of the page being built, for the first run only
    private Map<Object, Row> rows = new LinkedHashMap<>();

    private static final class Row {
        final Object key;
        final String wireKey;
        Object item;
        Disposable root;

        Row(Object key, Object item) {
            this.key = key;
            this.wireKey = Escape.markerKey(key);
            this.item = item;
        }
    }

    ListBinding(PatchSink sink, LiveRenderer.PartRenderer parts, String id, Supplier<? extends Iterable<? extends T>> items, Function<? super T, ?> key,
                BiConsumer<RenderTarget, ? super T> row, LiveRenderer building) {
        this.sink = sink;
        this.parts = parts;
        this.id = id;
        this.items = items;
        this.key = key;
        this.row = row;
        this.building = building;
    }

    @Override
    void update(boolean first) {
        List<T> next = new ArrayList<>();
        for (T item : items.get()) {
            next.add(item);
        }
        Reactive.untrack(() -> {
            if (first) {
                renderFirst(next);
            } else {
                update(next);
            }
            return null;
        });
    }

    void dispose() {
        for (Row r : rows.values()) {
            if (r.root != null) {
                r.root.dispose();
                r.root = null;
            }
        }
    }

    private void renderFirst(List<T> next) {
        LiveRenderer into = building;
        building = null;
        for (T item : next) {
            Object k = keyOf(item);
            Row r = new Row(k, item);
            if (rows.putIfAbsent(k, r) != null) {
                throw duplicate(k);
            }
            into.openMarker(LiveProtocol.Markup.ROW_MARKER, id, k);
            r.root = LiveRenderer.renderRoot(() -> row.accept(into, item));
        }
    }

    private void update(List<T> next) {
        Map<Object, Row> nextRows = new LinkedHashMap<>();
        List<Object> keys = new ArrayList<>(next.size());
        for (T item : next) {
            Object k = keyOf(item);
            if (nextRows.containsKey(k)) {
                throw duplicate(k);
            }
            nextRows.put(k, null);
            keys.add(k);
        }
        List<List<Object>> ops = new ArrayList<>();
        Map<Object, Integer> oldPosition = new HashMap<>();
        int position = 0;
        for (Row r : rows.values()) {
            if (nextRows.containsKey(r.key)) {
                oldPosition.put(r.key, position++);
            } else {
                ops.add(List.of(LiveProtocol.ListOp.REMOVE, r.wireKey));
                r.root.dispose();
            }
        }
        Set<Object> staying = longestOrderedRun(keys, oldPosition);
        String after = null;
        for (int i = 0; i < next.size(); i++) {
            T item = next.get(i);
            Object k = keys.get(i);
            Row r = rows.get(k);
            if (r == null || !oldPosition.containsKey(k)) {
                r = new Row(k, item);
                ops.add(Arrays.asList(LiveProtocol.ListOp.INSERT, r.wireKey, after, render(r, item)));
            } else {
                if (!Objects.equals(r.item, item)) {
                    r.root.dispose();
                    r.item = item;
                    ops.add(List.of(LiveProtocol.ListOp.UPDATE, r.wireKey, render(r, item)));
                }
                if (!staying.contains(k)) {
                    ops.add(Arrays.asList(LiveProtocol.ListOp.MOVE, r.wireKey, after));
                }
            }
            nextRows.put(k, r);
            after = r.wireKey;
        }
        rows = nextRows;
        if (!ops.isEmpty()) {
            sink.emit(new Patch.ListChange(id, ops));
        }
    }

    private String render(Row r, T item) {
        LiveRenderer.Rendered rendered = parts.render(t -> {
            t.openMarker(LiveProtocol.Markup.ROW_MARKER, id, r.key);
            row.accept(t, item);
        });
        r.root = rendered.root();
        return rendered.html();
    }

    /** The keys (in new order) whose old positions form a longest increasing run: they need not move. */
    static Set<Object> longestOrderedRun(List<Object> keys, Map<Object, Integer> oldPosition) {
        int n = keys.size();
        int[] tails = new int[n];       // index into keys of the smallest tail of a run of each length
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            Integer p = oldPosition.get(keys.get(i));
            previous[i] = -1;
            if (p == null) {
                continue;
            }
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (oldPosition.get(keys.get(tails[mid])) < p) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == length) {
                length++;
            }
        }
        Set<Object> run = new HashSet<>();
        for (int i = length > 0 ? tails[length - 1] : -1; i >= 0; i = previous[i]) {
            run.add(keys.get(i));
        }
        return run;
    }

    private Object keyOf(T item) {
        return Objects.requireNonNull(key.apply(item), "each(...): the key of an item is null");
    }

    private static IllegalStateException duplicate(Object k) {
        return new IllegalStateException("duplicate key in each(...): " + k);
    }
}
