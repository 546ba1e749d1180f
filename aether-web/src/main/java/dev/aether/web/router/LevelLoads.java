package dev.aether.web.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaders a request runs for the levels it renders (those from {@code from} down), split at
 * the first of them with a {@linkplain Level#loading loading view}: the loaders above it hold the
 * levels back ({@link #held}), the loaders of that level and below ({@link #streamed}) run while
 * its loading view shows. The same split serves a GET (the level streams into the response) and a
 * live navigation (the level is patched in), so a loading view means the same thing on both.
 *
 * <pre>{@code
 * LevelLoads loads = LevelLoads.of(matches, shared);
 * LevelLoads.Streamed streamed = loads.startStreamed(args, deadline, cache, false);   // null: nothing streams
 * Map<Loader<?, ?>, LoaderResults.Outcome> results = LoaderResults.run(loads.held(), args, deadline, cache, false);
 * }</pre>
 */
record LevelLoads(List<LoaderResults.Task<?>> held, List<LoaderResults.Task<?>> streamed, int streamedFrom, String streamedLevel) {
    /** Streamed levels are waited for a little past the loaders' own deadline, at which each loader has already failed. */
    private static final Duration STREAM_GRACE = Duration.ofSeconds(5);

    /**
     * The loaders of the levels from {@code streamedFrom} down, running: the level at
     * {@code streamedFrom} shows its loading view until {@code rest} is done.
     */
    record Streamed(int from, Deferred<Map<Loader<?, ?>, LoaderResults.Outcome>> rest) {
    }

    LevelLoads {
        held = List.copyOf(held);
        streamed = List.copyOf(streamed);
    }

    /** The loaders of {@code matches} from level {@code from} down. */
    static LevelLoads of(List<MatchedLevel> matches, int from) {
        List<LoaderResults.Task<?>> held = new ArrayList<>();
        List<LoaderResults.Task<?>> streamed = new ArrayList<>();
        int streamedFrom = matches.size();
        for (int i = from; i < matches.size(); i++) {
            if (streamedFrom == matches.size() && matches.get(i).level().loadingView() != null) {
                streamedFrom = i;
            }
            addTasks(matches.get(i), i < streamedFrom ? held : streamed);
        }
        return new LevelLoads(held, streamed, streamedFrom, streamedFrom < matches.size() ? matches.get(streamedFrom).level().toString() : "");
    }

    /**
     * The same, with nothing streamed when {@code cache} keeps every streamed value: a
     * prefetched page paints at once, without its loading view.
     */
    LevelLoads unlessCached(LoaderCache cache, Optional<dev.aether.titan.Principal> principal) {
        boolean allKept = streamed.stream().allMatch(t -> cache.get(t.loader(), t.params(), principal).isPresent());
        if (streamed.isEmpty() || !allKept) {
            return this;
        }
        List<LoaderResults.Task<?>> all = new ArrayList<>(held);
        all.addAll(streamed);
        return new LevelLoads(all, List.of(), Integer.MAX_VALUE, "");
    }

    /** Starts the streamed loaders on a deferred value of {@code shared}'s page; null when none stream. */
    Streamed startStreamed(LoaderArgs.Shared shared, Duration deadline, LoaderCache cache, boolean readCache) {
        if (streamed.isEmpty()) {
            return null;
        }
        return new Streamed(streamedFrom, shared.deferred().start("loaders of " + streamedLevel, deadline.plus(STREAM_GRACE),
                () -> LoaderResults.run(streamed, shared, deadline, cache, readCache)));
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> void addTasks(MatchedLevel match, List<LoaderResults.Task<?>> tasks) {
        Level<P> level = (Level<P>) match.level();
        for (Loader<P, ?> loader : level.loaders()) {
            tasks.add(new LoaderResults.Task<>(loader, (P) match.params()));
        }
    }
}
