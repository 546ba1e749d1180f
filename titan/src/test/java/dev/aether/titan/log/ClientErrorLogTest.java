package dev.aether.titan.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.testing.CapturedLog;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Refusals of one kind are written at most N times a minute; the rest are counted and reported once. */
class ClientErrorLogTest {
    private final AtomicLong clock = new AtomicLong();

    @Test
    void aFloodOfOneKindWritesTheLimitAndOneNoticeThisMinute() {
        try (CapturedLog log = CapturedLog.open(ClientErrorLogTest.class)) {
            ClientErrorLog refusals = new ClientErrorLog(LoggerFactory.getLogger(ClientErrorLogTest.class), 5, clock::get);
            for (int i = 0; i < 1000; i++) {
                refusals.info("unknown handler", "no handler on element {}", i);
            }
            assertThat(log.lines()).hasSize(6).startsWith("no handler on element 0").contains("no handler on element 4");
            assertThat(log.lines().get(5)).startsWith("5 'unknown handler' lines in a minute");
        }
    }

    @Test
    void theFirstLineOfTheNextMinuteSaysHowManyWereLeftOut() {
        try (CapturedLog log = CapturedLog.open(ClientErrorLogTest.class)) {
            ClientErrorLog refusals = new ClientErrorLog(LoggerFactory.getLogger(ClientErrorLogTest.class), 5, clock::get);
            for (int i = 0; i < 100; i++) {
                refusals.info("unknown handler", "no handler on element {}", i);
            }
            clock.addAndGet(TimeUnit.SECONDS.toNanos(61));
            refusals.info("unknown handler", "no handler on element {}", "late");
            assertThat(log.lines()).endsWith("95 more 'unknown handler' lines were left out in the last minute", "no handler on element late");
        }
    }

    @Test
    void eachKindHasItsOwnLimit() {
        try (CapturedLog log = CapturedLog.open(ClientErrorLogTest.class)) {
            ClientErrorLog refusals = new ClientErrorLog(LoggerFactory.getLogger(ClientErrorLogTest.class), 2, clock::get);
            for (int i = 0; i < 10; i++) {
                refusals.info("malformed", "malformed {}", i);
            }
            refusals.info("csrf", "csrf refused");
            assertThat(log.lines()).contains("csrf refused");
        }
    }
}
