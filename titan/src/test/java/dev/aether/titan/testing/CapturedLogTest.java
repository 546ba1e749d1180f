package dev.aether.titan.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a test takes from the log is held back; what it does not take is printed afterwards. */
class CapturedLogTest {
    private final Logger parent = (Logger) LoggerFactory.getLogger("capturedlogtest");
    private final Logger logger = (Logger) LoggerFactory.getLogger("capturedlogtest.subject");
    private final ListAppender<ILoggingEvent> printed = new ListAppender<>();   // stands in for the console

    @BeforeEach
    void printThroughTheParent() {
        printed.start();
        parent.addAppender(printed);
        parent.setAdditive(false);
        logger.setLevel(Level.WARN);
    }

    @AfterEach
    void restore() {
        parent.detachAppender(printed);
        parent.setAdditive(true);
        logger.setLevel(null);
    }

    @Test
    void takenEventsAreNeverPrintedAndTheOthersArePrintedWhenTheCaptureEnds() {
        try (CapturedLog log = CapturedLog.open("capturedlogtest.subject")) {
            logger.error("expected failure");
            logger.warn("unexpected warning");
            assertThat(log.take(Level.ERROR)).extracting(ILoggingEvent::getFormattedMessage).containsExactly("expected failure");
            assertThat(printed.list).as("nothing printed while capturing").isEmpty();
        }
        assertThat(printed.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("unexpected warning");
    }

    @Test
    void theLoggerWritesInfoWhileCapturingAndGetsItsLevelAndAdditivityBack() {
        try (CapturedLog log = CapturedLog.open("capturedlogtest.subject")) {
            logger.info("first");
            assertThat(log.lines()).containsExactly("first");
            logger.info("second");
            assertThat(log.lines()).as("lines() keeps what it took before").containsExactly("first", "second");
            assertThat(logger.isAdditive()).isFalse();
        }
        assertThat(logger.getLevel()).isEqualTo(Level.WARN);
        assertThat(logger.isAdditive()).isTrue();
    }

    @Test
    void anInfoLineOnlyTheCaptureLetThroughIsNotPrintedAfterwards() {
        try (CapturedLog log = CapturedLog.open("capturedlogtest.subject")) {
            logger.info("below the configured WARN");
        }
        assertThat(printed.list).isEmpty();
    }
}
