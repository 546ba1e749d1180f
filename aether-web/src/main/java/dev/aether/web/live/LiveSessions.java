package dev.aether.web.live;

import dev.aether.reactive.ReactiveContext;
import dev.aether.titan.log.ClientErrorLog;
import dev.aether.titan.transport.SecureToken;
import dev.aether.web.AetherWeb;
import dev.aether.web.protocol.LiveProtocol;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live sessions of one server, by token. A session that has no connection — not yet
 * attached after its page was rendered, or dropped — ends after the grace period; ending frees
 * its graph and closes its context. At most {@code maxSessions} are held for live pages, so that
 * visitors who never attach (bots, no JavaScript) cannot fill the heap.
 */
final class LiveSessions implements LiveSession.Presence {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSessions.class);

    private final ConcurrentHashMap<String, LiveSession> byToken = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timers = newTimers();
    private final Duration grace;
    private final int maxBufferedFrames;
    private final int maxSessions;
    private final EventRateLimit eventRate;
    private final RateLimiterConfig eventPermits;
    private final AtomicBoolean full = new AtomicBoolean();
    /** Where sessions log what they refuse a browser: a few lines a minute of each kind, per server. */
    private final ClientErrorLog refusals = new ClientErrorLog(LoggerFactory.getLogger(LiveSession.class));

    private static ScheduledThreadPoolExecutor newTimers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "aether-live-timers");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);   // a cancelled expiry must not hold its session until it was due
        return timers;
    }

    LiveSessions(Duration grace, int maxBufferedFrames) {
        this(grace, maxBufferedFrames, Integer.MAX_VALUE);
    }

    LiveSessions(Duration grace, int maxBufferedFrames, int maxSessions) {
        this(grace, maxBufferedFrames, maxSessions, EventRateLimit.DEFAULT);
    }

    LiveSessions(Duration grace, int maxBufferedFrames, int maxSessions, EventRateLimit eventRate) {
        this.grace = grace;
        this.maxBufferedFrames = maxBufferedFrames;
        this.maxSessions = maxSessions;
        this.eventRate = eventRate;
        this.eventPermits = eventRate.config();
    }

    /**
     * Whether as many sessions are held as allowed: a page rendered now is served without its
     * live runtime. Says so in the log once each time the limit is reached.
     */
    boolean isFull() {
        boolean atLimit = byToken.size() >= maxSessions;
        if (full.getAndSet(atLimit) != atLimit && atLimit) {
            LOG.warn("{} live sessions held, the limit (AetherWeb.Builder.maxSessions): pages are served without "
                    + "their live runtime until sessions end (they still work, as without JavaScript)", maxSessions);
        }
        return atLimit;
    }

    /** A new session bound to no browser: only tests attach to it, without the gate. */
    LiveSession create() {
        return create(null);
    }

    /**
     * A new session with an unguessable token, bound to the browser whose live cookie is
     * {@code browser}: the gate lets only that browser attach. Its grace period starts when its
     * page has been delivered ({@link #scheduleExpiry}), however long the page took to stream.
     */
    LiveSession create(String browser) {
        String token = SecureToken.random(18);
        LiveSession session = new LiveSession(token, ReactiveContext.create("live-" + token.substring(0, 6)), this, refusals,
                maxBufferedFrames, browser, RateLimiter.of("live-events", eventPermits));
        byToken.put(token, session);
        return session;
    }

    /** The events each session may send, and what a refused one is told. */
    EventRateLimit eventRate() {
        return eventRate;
    }

    LiveSession get(String token) {
        return token == null ? null : byToken.get(token);
    }

    public int count() {
        return byToken.size();
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    /** A browser attached: the session is kept. */
    @Override
    public void attached(LiveSession session) {
        cancelExpiry(session);
    }

    /** Its browser went: the session has the grace period to be attached again. */
    @Override
    public void detached(LiveSession session) {
        scheduleExpiry(session);
    }

    void scheduleExpiry(LiveSession session) {
        cancelExpiry(session);
        try {
            session.expiry(timers.schedule(() -> expireIfDetached(session), grace.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException stopped) {
            end(session, LiveProtocol.Close.GOING_AWAY, "Server stopping");
        }
    }

    void cancelExpiry(LiveSession session) {
        ScheduledFuture<?> task = session.expiry();
        if (task != null) {
            task.cancel(false);
        }
    }

    private void expireIfDetached(LiveSession session) {
        try {
            session.context().post(() -> {
                if (!session.attached()) {
                    end(session, LiveProtocol.Close.SESSION_GONE, "Session expired");
                }
            });
        } catch (RejectedExecutionException closed) {
            byToken.remove(session.token(), session);
        }
    }

    /** Removes the session and frees it on its context. */
    void end(LiveSession session, int code, String reason) {
        if (!byToken.remove(session.token(), session)) {
            return;
        }
        cancelExpiry(session);
        Runnable finish = () -> {
            try {
                session.end(code, reason);
            } finally {
                session.context().close();
            }
        };
        if (session.context().isCurrent()) {
            finish.run();
        } else {
            try {
                session.context().post(finish);
            } catch (RejectedExecutionException closed) {
                // already closed
            }
        }
    }

    /** Ends every session (server stop): browsers are told to reconnect later. */
    public void endAll() {
        for (LiveSession s : byToken.values()) {
            end(s, LiveProtocol.Close.GOING_AWAY, "Server stopping");
        }
        timers.shutdownNow();
    }
}
