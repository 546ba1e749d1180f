package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static dev.aether.web.component.Components.component;
import static dev.aether.web.component.Components.each;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.component.Lifecycle;
import dev.aether.web.safety.Escape;
import dev.aether.web.protocol.LiveProtocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A keyed {@code each} in a live page: one list patch per change, with removals, inserts, the
 * fewest moves, and renders only of rows whose item is no longer equal; rows that did not change
 * are never touched.
 */
class ListPatchTest {
    Signal<List<Integer>> keys;
    Signal<List<Item>> items;
    Signal<String> suffix;

    record Item(String id, String title) {
    }

    private LiveHarness numbers(List<Integer> first) {
        return LiveHarness.render(() -> {
            keys = Reactive.signal(first);
            return ul(each(() -> keys.get(), k -> k, k -> li(text(String.valueOf(k)))));
        });
    }

    private static String row(Object key) {
        return "<!--ae:k1 " + Escape.markerKey(key) + "--><li>" + key + "</li>";
    }

    /** The ops of the one list patch (of list 1) in {@code patches}. */
    private static List<List<Object>> ops(List<Patch> patches) {
        assertThat(patches).singleElement().isInstanceOf(Patch.ListChange.class);
        Patch.ListChange change = (Patch.ListChange) patches.get(0);
        assertThat(change.id()).isEqualTo("1");
        return change.ops();
    }

    // ---- the ops ------------------------------------------------------------------------

    @Test
    void theFirstRenderMarksEveryRowWithItsKey() {
        try (LiveHarness live = numbers(List.of(1, 2))) {
            assertThat(live.body()).isEqualTo("<ul><!--ae:l1-->" + row(1) + row(2) + "<!--/ae:l1--></ul>");
        }
    }

    @Test
    void aNewKeyIsInsertedAfterItsPredecessorOrFirst() {
        try (LiveHarness live = numbers(List.of(1, 2, 3))) {
            live.run(() -> keys.set(List.of(0, 1, 2, 9, 3)));
            assertThat(ops(live.patches())).containsExactly(
                    op("+", "0", null, row(0)),
                    op("+", "9", "2", row(9)));
        }
    }

    @Test
    void aKeyThatIsGoneIsRemoved() {
        try (LiveHarness live = numbers(List.of(1, 2, 3))) {
            live.run(() -> keys.set(List.of(1, 3)));
            assertThat(ops(live.patches())).containsExactly(op("-", "2"));
        }
    }

    @Test
    void aRowThatChangedPlaceIsMovedAfterItsNewPredecessor() {
        try (LiveHarness live = numbers(List.of(1, 2, 3))) {
            live.run(() -> keys.set(List.of(3, 1, 2)));
            assertThat(ops(live.patches())).containsExactly(op("m", "3", null));
            live.run(() -> keys.set(List.of(1, 2, 3)));
            assertThat(ops(live.patches())).containsExactly(op("m", "3", "2"));
        }
    }

    @Test
    void onlyTheRowsOutsideTheLongestOrderedRunMove() {
        try (LiveHarness live = numbers(List.of(1, 2, 3, 4, 5, 6))) {
            live.run(() -> keys.set(List.of(6, 1, 2, 3, 4, 5)));
            assertThat(ops(live.patches())).containsExactly(op("m", "6", null));
            live.run(() -> keys.set(List.of(5, 4, 3, 2, 1, 6)));   // every old position decreasing: all but one move
            assertThat(ops(live.patches())).hasSize(5).allMatch(op -> op.get(0).equals(LiveProtocol.ListOp.MOVE));
        }
    }

    @Test
    void swappingTwoRowsMovesOnlyOne() {
        try (LiveHarness live = numbers(List.of(1, 2, 3, 4))) {
            live.run(() -> keys.set(List.of(1, 3, 2, 4)));
            List<List<Object>> ops = ops(live.patches());
            assertThat(ops).hasSize(1);
            assertThat(ops.get(0).get(0)).isEqualTo(LiveProtocol.ListOp.MOVE);
        }
    }

    @Test
    void anEmptyListFillsAndEmptiesAgain() {
        try (LiveHarness live = numbers(List.of())) {
            assertThat(live.body()).isEqualTo("<ul><!--ae:l1--><!--/ae:l1--></ul>");
            live.run(() -> keys.set(List.of(1, 2)));
            assertThat(ops(live.patches())).containsExactly(
                    op("+", "1", null, row(1)),
                    op("+", "2", "1", row(2)));
            live.run(() -> keys.set(List.of()));
            assertThat(ops(live.patches())).containsExactly(op("-", "1"), op("-", "2"));
        }
    }

    @Test
    void theSameKeysInTheSameOrderSendNothing() {
        try (LiveHarness live = numbers(List.of(1, 2, 3))) {
            live.run(() -> keys.set(new ArrayList<>(List.of(1, 2, 3)).subList(0, 3)));
            live.run(() -> keys.mutate(l -> { }));
            assertThat(live.takeFrames()).isEmpty();
        }
    }

    @Test
    void keysOnTheWireAreThePercentEncodedMarkerKeys() {
        try (LiveHarness live = LiveHarness.render(() -> {
            items = Reactive.signal(List.of(new Item("a b/é-->", "x")));
            return ul(each(() -> items.get(), Item::id, i -> li(text(i.title()))));
        })) {
            assertThat(live.body()).contains("<!--ae:k1 a%20b%2F%C3%A9%2D%2D%3E-->");
            live.run(() -> items.set(List.of(new Item("n", "y"), new Item("a b/é-->", "x"))));
            assertThat(ops(live.patches())).containsExactly(
                    op("+", "n", null, "<!--ae:k1 n--><li>y</li>"));
            live.run(() -> items.set(List.of(new Item("n", "y"))));
            assertThat(ops(live.patches())).containsExactly(op("-", "a%20b%2F%C3%A9%2D%2D%3E"));
        }
    }

    @Test
    void aNullKeyIsRefusedWithAClearError() {
        assertThatThrownBy(() -> LiveHarness.render(() -> ul(each(() -> List.of(new Item(null, "no id")), Item::id,
                i -> li(text(i.title()))))).close())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("each(...): the key of an item is null");
    }

    @Test
    void aNullKeyInAnUpdateReachesOnErrorAndLeavesTheListAsItWas() {
        List<Throwable> errors = new ArrayList<>();
        try (LiveHarness live = LiveHarness.render(() -> component(() -> {
            Lifecycle.onError(errors::add);
            items = Reactive.signal(List.of(new Item("a", "a")));
            return ul(each(() -> items.get(), Item::id, i -> li(text(i.title()))));
        }))) {
            live.run(() -> items.set(List.of(new Item("a", "a"), new Item(null, "no id"))));
            assertThat(live.takeFrames()).isEmpty();
            assertThat(errors).singleElement().isInstanceOf(NullPointerException.class);
            live.run(() -> items.set(List.of()));
            assertThat(ops(live.patches())).containsExactly(op("-", "a"));
        }
    }

    // ---- rendering rows again -----------------------------------------------------------

    @Test
    void aRowWhoseItemIsNoLongerEqualIsRenderedAgain() {
        try (LiveHarness live = LiveHarness.render(() -> {
            items = Reactive.signal(List.of(new Item("a", "first"), new Item("b", "second")));
            return ul(each(() -> items.get(), Item::id, i -> li(text(i.title()))));
        })) {
            live.run(() -> items.set(List.of(new Item("a", "first"), new Item("b", "changed"))));
            assertThat(ops(live.patches())).containsExactly(op("u", "b", "<!--ae:k1 b--><li>changed</li>"));
        }
    }

    @Test
    void anEqualButNewItemIsNotRenderedAgain() {
        try (LiveHarness live = LiveHarness.render(() -> {
            items = Reactive.signal(List.of(new Item("a", "first")));
            return ul(each(() -> items.get(), Item::id, i -> li(text(i.title()))));
        })) {
            live.run(() -> items.set(List.of(new Item("a", new String("first")))));
            assertThat(live.takeFrames()).isEmpty();
        }
    }

    @Test
    void aChangedRowThatAlsoMovedIsRenderedAgainAndMoved() {
        try (LiveHarness live = LiveHarness.render(() -> {
            items = Reactive.signal(List.of(new Item("a", "1"), new Item("b", "2"), new Item("c", "3")));
            return ul(each(() -> items.get(), Item::id, i -> li(text(i.title()))));
        })) {
            live.run(() -> items.set(List.of(new Item("c", "3!"), new Item("a", "1"), new Item("b", "2"))));
            assertThat(ops(live.patches())).containsExactly(
                    op("u", "c", "<!--ae:k1 c--><li>3!</li>"),
                    op("m", "c", null));
        }
    }

    @Test
    void unchangedRowsAreNeverRenderedAgainAndKeepTheirBindings() {
        Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> cleanups = new ConcurrentHashMap<>();
        try (LiveHarness live = LiveHarness.render(() -> {
            suffix = Reactive.signal("!");
            items = Reactive.signal(List.of(new Item("a", "1"), new Item("b", "2"), new Item("c", "3")));
            return ul(each(() -> items.get(), Item::id, i -> component(() -> {
                renders.computeIfAbsent(i.id(), k -> new AtomicInteger()).incrementAndGet();
                Lifecycle.onCleanup(() -> cleanups.computeIfAbsent(i.id(), k -> new AtomicInteger()).incrementAndGet());
                return li(text(i.title()), text(() -> suffix.get()));
            })));
        })) {
            // a's text binding is t2 (the list is 1)
            assertThat(live.body()).contains("<!--ae:k1 a--><li>1<!--ae:t2-->!<!--/ae:t2--></li>");
            live.run(() -> items.set(List.of(new Item("c", "3"), new Item("a", "1"), new Item("b", "2 changed"), new Item("d", "4"))));
            List<List<Object>> ops = ops(live.patches());
            assertThat(ops).hasSize(3);   // b rendered again, c moved, d inserted
            assertThat(renders.get("a")).hasValue(1);
            assertThat(renders.get("c")).hasValue(1);
            assertThat(renders.get("b")).hasValue(2);
            assertThat(cleanups.get("a")).isNull();
            assertThat(cleanups.get("c")).isNull();
            assertThat(cleanups.get("b")).hasValue(1);

            live.run(() -> suffix.set("?"));
            List<Patch> patches = live.patches();
            assertThat(patches).hasSize(4).contains(new Patch.Text("2", "?"));   // a's original binding still works
        }
    }

    @Test
    void aRemovedRowIsDisposedWithItsHandlers() {
        AtomicInteger cleanups = new AtomicInteger();
        AtomicInteger clicks = new AtomicInteger();
        try (LiveHarness live = LiveHarness.render(() -> {
            keys = Reactive.signal(List.of(1, 2));
            suffix = Reactive.signal("x");
            return ul(each(() -> keys.get(), k -> k, k -> component(() -> {
                Lifecycle.onCleanup(cleanups::incrementAndGet);
                return li(button(on("click", clicks::incrementAndGet), text(() -> suffix.get())));
            })));
        })) {
            Matcher m = Pattern.compile("<!--ae:k1 2--><li><button data-ae=\"([0-9]+)\"").matcher(live.body());
            assertThat(m.find()).isTrue();
            String button = m.group(1);
            live.run(() -> keys.set(List.of(1)));
            assertThat(ops(live.patches())).containsExactly(op("-", "2"));
            assertThat(cleanups).hasValue(1);
            live.event(button, "click");
            assertThat(live.patches()).singleElement().isInstanceOfSatisfying(Patch.Rejected.class, r -> assertThat(r.event()).isEqualTo(1));
            assertThat(clicks).hasValue(0);
            live.run(() -> suffix.set("y"));
            assertThat(live.patches()).hasSize(1);   // only row 1's text
        }
    }

    @Test
    void anInsertedRowsHandlersRun() {
        AtomicInteger clicks = new AtomicInteger();
        try (LiveHarness live = LiveHarness.render(() -> {
            keys = Reactive.signal(List.of(1));
            return ul(each(() -> keys.get(), k -> k, k -> li(button(on("click", clicks::incrementAndGet), text("go")))));
        })) {
            live.run(() -> keys.set(List.of(1, 2)));
            String html = (String) ops(live.patches()).get(0).get(3);
            Matcher m = Pattern.compile("data-ae=\"([0-9]+)\"").matcher(html);
            assertThat(m.find()).isTrue();
            live.event(m.group(1), "click");
            assertThat(clicks).hasValue(1);
        }
    }

    // ---- the ops, applied as the runtime applies them -----------------------------------------

    /** Applies list ops to a row order as aether.js does: after null is first; checks every op is applicable. */
    private static void apply(List<String> order, JsonNode ops, Set<String> moved) {
        for (JsonNode op : ops) {
            String kind = op.get(0).asText();
            String key = op.get(1).asText();
            switch (kind) {
                case "-" -> assertThat(order.remove(key)).as("remove %s", key).isTrue();
                case "+" -> {
                    assertThat(order).as("insert %s", key).doesNotContain(key);
                    assertThat(op.get(3).asText()).startsWith("<!--ae:k1 " + key + "-->");
                    insertAfter(order, key, op.get(2));
                }
                case "m" -> {
                    assertThat(order.remove(key)).as("move %s", key).isTrue();
                    assertThat(moved.add(key)).as("moved twice: %s", key).isTrue();
                    insertAfter(order, key, op.get(2));
                }
                case "u" -> assertThat(order).contains(key);
                default -> throw new AssertionError("unknown op " + op);
            }
        }
    }

    private static void insertAfter(List<String> order, String key, JsonNode after) {
        if (after.isNull()) {
            order.add(0, key);
        } else {
            int at = order.indexOf(after.asText());
            assertThat(at).as("after %s", after).isNotNegative();
            order.add(at + 1, key);
        }
    }

    /** Length of the longest increasing subsequence, the simple quadratic way. */
    private static int lis(List<Integer> values) {
        int[] best = new int[values.size()];
        int longest = 0;
        for (int i = 0; i < values.size(); i++) {
            best[i] = 1;
            for (int j = 0; j < i; j++) {
                if (values.get(j) < values.get(i)) {
                    best[i] = Math.max(best[i], best[j] + 1);
                }
            }
            longest = Math.max(longest, best[i]);
        }
        return longest;
    }

    private static List<Integer> next(Random random, List<Integer> current, int[] fresh) {
        List<Integer> next = new ArrayList<>(current);
        switch (random.nextInt(8)) {
            case 0 -> Collections.shuffle(next, random);                       // any permutation
            case 1 -> {                                                        // one row moves
                if (!next.isEmpty()) {
                    next.add(random.nextInt(next.size()), next.remove(random.nextInt(next.size())));
                }
            }
            case 2 -> Collections.reverse(next);
            case 3 -> next.clear();
            default -> {
                next.removeIf(k -> random.nextInt(4) == 0);                    // removals
                int inserts = random.nextInt(5);
                for (int i = 0; i < inserts && next.size() < 40; i++) {        // insertions
                    next.add(random.nextInt(next.size() + 1), fresh[0]++);
                }
                for (int i = random.nextInt(3); i > 0 && next.size() > 1; i--) {   // a few moves
                    next.add(random.nextInt(next.size()), next.remove(random.nextInt(next.size())));
                }
            }
        }
        return next;
    }

    @Test
    void randomChangesApplyToTheNewOrderWithTheFewestMoves() {
        Random random = new Random(20240611L);
        int cases = 0;
        for (int run = 0; run < 8; run++) {
            int size = random.nextInt(15);
            List<Integer> start = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                start.add(i);
            }
            int[] fresh = {size};
            try (LiveHarness live = numbers(List.copyOf(start))) {
                List<Integer> current = start;
                for (int step = 0; step < 50; step++, cases++) {
                    List<Integer> next = next(random, current, fresh);
                    List<Integer> target = List.copyOf(next);
                    live.run(() -> keys.set(target));

                    List<String> order = new ArrayList<>();
                    current.forEach(k -> order.add(String.valueOf(k)));
                    Set<String> moved = new HashSet<>();
                    List<JsonNode> patches = live.patchNodes();
                    if (!patches.isEmpty()) {
                        assertThat(patches).hasSize(1);
                        apply(order, patches.get(0).get(2), moved);
                    }
                    List<String> expected = new ArrayList<>();
                    target.forEach(k -> expected.add(String.valueOf(k)));
                    assertThat(order).as("case %d: %s -> %s", cases, current, target).isEqualTo(expected);

                    Map<Integer, Integer> oldPosition = new HashMap<>();
                    for (int i = 0; i < current.size(); i++) {
                        oldPosition.put(current.get(i), i);
                    }
                    List<Integer> keptOldPositions = new ArrayList<>();
                    for (Integer k : target) {
                        if (oldPosition.containsKey(k)) {
                            keptOldPositions.add(oldPosition.get(k));
                        }
                    }
                    assertThat(moved).as("moves in case %d: %s -> %s", cases, current, target)
                            .hasSize(keptOldPositions.size() - lis(keptOldPositions));
                    current = target;
                }
            }
        }
        assertThat(cases).isGreaterThanOrEqualTo(400);
    }

    // ---- duplicate keys -------------------------------------------------------------------

    @Test
    void duplicateKeysFailTheFirstRenderWithAClearError() {
        assertThatThrownBy(() -> numbers(List.of(1, 2, 1)).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate key in each(...): 1");
    }

    @Test
    void duplicateKeysInAnUpdateReachOnErrorAndLeaveTheListAsItWas() {
        List<Throwable> errors = new ArrayList<>();
        try (LiveHarness live = LiveHarness.render(() -> component(() -> {
            Lifecycle.onError(errors::add);
            keys = Reactive.signal(List.of(1, 2, 3));
            return ul(each(() -> keys.get(), k -> k, k -> li(text(String.valueOf(k)))));
        }))) {
            live.run(() -> keys.set(List.of(1, 2, 2)));
            assertThat(live.takeFrames()).isEmpty();
            assertThat(errors).singleElement().isInstanceOf(IllegalStateException.class)
                    .extracting(Throwable::getMessage).asString().contains("duplicate key in each(...): 2");

            live.run(() -> keys.set(List.of(1, 2, 4)));   // diffed against the last good list
            assertThat(ops(live.patches())).containsExactly(op("-", "3"), op("+", "4", "2", row(4)));
        }
    }

    // ---- longestOrderedRun ------------------------------------------------------------------

    private static Set<Object> run(List<Object> keys, Map<Object, Integer> oldPosition) {
        return ListBinding.longestOrderedRun(keys, oldPosition);
    }

    @Test
    void longestOrderedRunOfAnUnchangedOrderIsEveryKey() {
        assertThat(run(List.of("a", "b", "c"), Map.of("a", 0, "b", 1, "c", 2))).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void longestOrderedRunLeavesOutTheOneRowThatMovedToTheFront() {
        assertThat(run(List.of("d", "a", "b", "c"), Map.of("a", 0, "b", 1, "c", 2, "d", 3))).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void longestOrderedRunOfAReversedOrderIsOneKey() {
        assertThat(run(List.of("c", "b", "a"), Map.of("a", 0, "b", 1, "c", 2))).hasSize(1);
    }

    @Test
    void longestOrderedRunSkipsNewKeys() {
        assertThat(run(List.of("x", "a", "y", "b"), Map.of("a", 0, "b", 1))).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void longestOrderedRunOfNothingIsEmpty() {
        assertThat(run(List.of(), Map.of())).isEmpty();
        assertThat(run(List.of("x", "y"), Map.of())).isEmpty();
    }

    @Test
    void longestOrderedRunIsIncreasingAndAsLongAsPossible() {
        Random random = new Random(7);
        for (int c = 0; c < 300; c++) {
            int n = random.nextInt(30);
            List<Object> keys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                keys.add(i);
            }
            Collections.shuffle(keys, random);
            Map<Object, Integer> oldPosition = new HashMap<>();
            List<Integer> positions = new ArrayList<>();
            for (Object k : keys) {
                if (random.nextInt(5) > 0) {                  // some keys are new
                    int p = (Integer) k * 3;
                    oldPosition.put(k, p);
                }
            }
            Set<Object> run = run(keys, oldPosition);
            List<Integer> inOrder = new ArrayList<>();
            for (Object k : keys) {
                if (oldPosition.containsKey(k)) {
                    positions.add(oldPosition.get(k));
                }
                if (run.contains(k)) {
                    inOrder.add(oldPosition.get(k));
                }
            }
            assertThat(oldPosition.keySet()).containsAll(run);
            assertThat(inOrder).isSorted().doesNotHaveDuplicates();
            assertThat(run).hasSize(lis(positions));
        }
    }
}
