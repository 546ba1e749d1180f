package dev.aether.web.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Holds back what one logger writes during each test, so that an error a test provokes on
 * purpose is asserted instead of printed into the build log. What a test does not
 * {@link #take()} is written out after it as usual, so an unexpected error still shows.
 *
 * <pre>{@code
 * @RegisterExtension
 * final CapturedLog log = CapturedLog.of(LiveSession.class);
 *
 * @Test
 * void aHandlerThatThrowsIsLoggedWithAnErrorId() {
 *     ...
 *     assertThat(log.take()).singleElement().satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.ERROR));
 * }
 * }</pre>
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback {
    private final Logger logger;
    private ListAppender<ILoggingEvent> appender;

    private CapturedLog(Logger logger) {
        this.logger = logger;
    }

    /** Captures the logger named after {@code type}. */
    public static CapturedLog of(Class<?> type) {
        return new CapturedLog((Logger) LoggerFactory.getLogger(type));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        appender = new ListAppender<>();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);   // not to the console while the test runs
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(appender);
        logger.setAdditive(true);
        appender.stop();
        for (ILoggingEvent unclaimed : appender.list) {
            logger.callAppenders(unclaimed);   // not asserted by the test: print it as it would have been
        }
        appender = null;
    }

    /** The events logged so far in this test (and forgets them: they will not be printed). */
    public List<ILoggingEvent> take() {
        List<ILoggingEvent> events = List.copyOf(appender.list);
        appender.list.clear();
        return events;
    }

    /** {@link #take()}, keeping only the events at {@code level}. */
    public List<ILoggingEvent> take(Level level) {
        return take().stream().filter(e -> e.getLevel() == level).toList();
    }
}
