package dev.aether.titan.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Holds back what one logger writes, so that an error a test provokes on purpose is asserted
 * instead of printed into the build log. What the test does not {@link #take()} is printed
 * afterwards as usual, so an unexpected error still shows.
 *
 * <p>As a JUnit 5 extension it captures during each test:
 * <pre>{@code
 * @RegisterExtension
 * final CapturedLog log = CapturedLog.of(Dispatcher.class);
 *
 * @Test
 * void aThrowingMethodIsLoggedWithAnErrorId() {
 *     ...
 *     assertThat(log.take(Level.ERROR)).singleElement()
 *             .satisfies(e -> assertThat(e.getFormattedMessage()).contains("failed (errorId "));
 * }
 * }</pre>
 *
 * <p>Or for one block:
 * <pre>{@code
 * try (CapturedLog log = CapturedLog.open(NetronSocket.class)) {
 *     ...
 *     assertThat(log.lines()).allMatch(line -> !line.contains("\n"));
 * }
 * }</pre>
 *
 * <p>While capturing, the logger is enabled at INFO at least (so tests can assert INFO lines
 * whatever the logging set-up says) and does not pass events on to its parents' appenders;
 * its level and additivity are restored afterwards.
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    private final Logger logger;
    private final List<ILoggingEvent> taken = new ArrayList<>();
    private Capture capture;

    private CapturedLog(Logger logger) {
        this.logger = logger;
    }

    /** An extension that captures the logger named after {@code type} during each test. */
    public static CapturedLog of(Class<?> type) {
        return new CapturedLog((Logger) LoggerFactory.getLogger(type));
    }

    /** Starts capturing the logger named after {@code type} now, until {@link #close()}. */
    public static CapturedLog open(Class<?> type) {
        CapturedLog log = of(type);
        log.start();
        return log;
    }

    /** An extension that captures the logger called {@code name} (e.g. a library's) during each test. */
    public static CapturedLog of(String name) {
        return new CapturedLog((Logger) LoggerFactory.getLogger(name));
    }

    /** Starts capturing the logger called {@code name} now, until {@link #close()}. */
    public static CapturedLog open(String name) {
        CapturedLog log = of(name);
        log.start();
        return log;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** The events logged and not yet taken; they are claimed, and will not be printed. */
    public List<ILoggingEvent> take() {
        return take(event -> true);
    }

    /** The events at {@code level} logged and not yet taken; the others stay to be printed. */
    public List<ILoggingEvent> take(Level level) {
        return take(event -> event.getLevel() == level);
    }

    /**
     * Takes every event logged so far and answers the formatted messages of all events taken
     * since the capture started, in order: calling it again (e.g. while waiting) loses nothing.
     */
    public List<String> lines() {
        take();
        synchronized (taken) {
            return taken.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** Stops capturing, restores the logger and prints what was not taken. */
    @Override
    public void close() {
        if (capture == null) {
            return;
        }
        Capture ending = capture;
        capture = null;
        ending.restore();
    }

    private void start() {
        if (capture != null) {
            throw new IllegalStateException("already capturing " + logger.getName());
        }
        synchronized (taken) {
            taken.clear();
        }
        capture = new Capture(logger);
    }

    private List<ILoggingEvent> take(Predicate<ILoggingEvent> wanted) {
        if (capture == null) {
            throw new IllegalStateException("not capturing " + logger.getName() + ": register it with @RegisterExtension or use open()");
        }
        List<ILoggingEvent> claimed = capture.appender.claim(wanted);
        synchronized (taken) {
            taken.addAll(claimed);
        }
        return claimed;
    }

    /** One capture: the appender that holds events back, and the logger's settings before it. */
    private static final class Capture {
        private final Logger logger;
        private final Level level;
        private final Level effectiveLevel;
        private final boolean additive;
        private final HoldingAppender appender = new HoldingAppender();

        Capture(Logger logger) {
            this.logger = logger;
            this.level = logger.getLevel();
            this.effectiveLevel = logger.getEffectiveLevel();
            this.additive = logger.isAdditive();
            appender.setContext(logger.getLoggerContext());
            appender.start();
            logger.addAppender(appender);
            if (!logger.isInfoEnabled()) {
                logger.setLevel(Level.INFO);
            }
            logger.setAdditive(false);
        }

        void restore() {
            logger.detachAppender(appender);
            appender.stop();
            logger.setLevel(level);
            logger.setAdditive(additive);
            for (ILoggingEvent unclaimed : appender.claim(event -> true)) {
                // Printed as it would have been without the capture; what only the raised level let
                // through would not have been printed, so it is not now either.
                if (unclaimed.getLevel().isGreaterOrEqual(effectiveLevel)) {
                    logger.callAppenders(unclaimed);
                }
            }
        }
    }

    /** Keeps events in memory; loggers append from any thread, so access is under the appender's lock. */
    private static final class HoldingAppender extends AppenderBase<ILoggingEvent> {
        private final List<ILoggingEvent> held = new ArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {   // AppenderBase.doAppend holds the lock here
            event.prepareForDeferredProcessing();
            held.add(event);
        }

        synchronized List<ILoggingEvent> claim(Predicate<ILoggingEvent> wanted) {
            List<ILoggingEvent> claimed = new ArrayList<>();
            for (var events = held.iterator(); events.hasNext(); ) {
                ILoggingEvent event = events.next();
                if (wanted.test(event)) {
                    claimed.add(event);
                    events.remove();
                }
            }
            return List.copyOf(claimed);
        }
    }
}
