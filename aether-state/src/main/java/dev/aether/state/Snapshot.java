package dev.aether.state;

/**
 * One shared entry's state at a moment, as every observing context sees it: immutable, so a
 * snapshot handed to many contexts needs no lock.
 *
 * @param data      the latest data, or null
 * @param hasData   whether {@code data} is data (null may be a method's answer)
 * @param error     the latest fetch's error, or null
 * @param status    PENDING, SUCCESS or ERROR
 * @param fetching  whether a fetch runs now
 * @param stale     whether the data is past maxAge or invalidated
 * @param updatedAt when the data arrived, on the registry's ticker (nanoseconds)
 */
record Snapshot(Object data, boolean hasData, Throwable error, QueryStatus status, boolean fetching, boolean stale, long updatedAt) {
    static final Snapshot EMPTY = new Snapshot(null, false, null, QueryStatus.PENDING, false, true, 0);

    Snapshot fetching(boolean now) {
        return new Snapshot(data, hasData, error, status, now, stale, updatedAt);
    }

    Snapshot stale(boolean now) {
        return new Snapshot(data, hasData, error, status, fetching, now, updatedAt);
    }

    Snapshot succeeded(Object value, boolean staleAtOnce, long at) {
        return new Snapshot(value, true, null, QueryStatus.SUCCESS, false, staleAtOnce, at);
    }

    Snapshot failed(Throwable failure) {
        return new Snapshot(data, hasData, failure, QueryStatus.ERROR, false, stale, updatedAt);
    }
}
