package dev.aether.titan.service;

import java.security.SecureRandom;
import java.util.UUID;

/** UUIDv7 (time-ordered) strings, the form the reference uses for definition ids. */
final class Uuid7 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuid7() {
    }

    static String next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
