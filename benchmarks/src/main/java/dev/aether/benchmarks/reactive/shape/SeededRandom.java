package dev.aether.benchmarks.reactive.shape;

/**
 * The JS benchmark's {@code new Random("seed")} (npm {@code random}, ARC4 generator), so that the
 * dynamic graph has the same static/dynamic nodes as the original and the original's expected
 * sum and count apply. Doubles are used exactly where the JS uses numbers.
 */
final class SeededRandom {
    private static final double START_DENOM = 281_474_976_710_656.0;  // 256^6
    private static final double SIGNIFICANCE = 4_503_599_627_370_496.0; // 2^52
    private static final double OVERFLOW = 9_007_199_254_740_992.0;    // 2^53

    private final int[] s = new int[256];
    private int i;
    private int j;

    SeededRandom(String seed) {
        int[] key = mixKey(seed);
        for (int k = 0; k < 256; k++) {
            s[k] = k;
        }
        for (int k = 0, m = 0; k < 256; k++) {
            int t = s[k];
            m = 0xff & (m + key[k % key.length] + t);
            s[k] = s[m];
            s[m] = t;
        }
        g(768); // RC4-drop, as the original
    }

    private static int[] mixKey(String seed) {
        int[] key = new int[Math.min(256, Math.max(1, seed.length()))];
        int smear = 0;
        for (int j = 0; j < seed.length(); j++) {
            smear ^= key[0xff & j] * 19;
            key[0xff & j] = 0xff & (smear + seed.charAt(j));
        }
        return key;
    }

    /** A double in [0, 1). */
    double next() {
        double n = g(6);
        double d = START_DENOM;
        int x = 0;
        while (n < SIGNIFICANCE) {
            n = (n + x) * 256;
            d *= 256;
            x = (int) g(1);
        }
        while (n >= OVERFLOW) {
            n /= 2;
            d /= 2;
            x >>>= 1;
        }
        return (n + x) / d;
    }

    /** An integer in [min, max], as {@code random.int(min, max)}. */
    int nextInt(int min, int max) {
        return (int) Math.floor(next() * (max - min + 1) + min);
    }

    private double g(int count) {
        double r = 0;
        while (count-- > 0) {
            i = 0xff & (i + 1);
            int t = s[i];
            j = 0xff & (j + t);
            s[i] = s[j];
            s[j] = t;
            r = r * 256 + s[0xff & (s[i] + t)];
        }
        return r;
    }
}
