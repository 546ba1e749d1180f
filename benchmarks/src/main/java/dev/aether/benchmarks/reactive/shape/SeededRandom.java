package dev.aether.benchmarks.reactive.shape;

/**
 * The JS benchmark's {@code new Random("seed")}: npm {@code random@5.1.0}'s seeded generator
 * ({@code ARC4RNG} in its {@code dist/index.js}), ported step for step so that the dynamic graph
 * has the same static/dynamic nodes as the original. {@code SeededRandomTest} checks it draw for
 * draw against values the npm package produced.
 *
 * <p>It is not textbook RC4, nor seedrandom's ARC4, and the port keeps every difference, because
 * the graph depends on them:
 * <ul>
 *   <li>a string seed is first reduced to a number, the XOR of its UTF-16 code units
 *       ({@code "seed"} becomes 23), and the key is the decimal text of that number ({@code "23"});
 *   <li>the key schedule is followed by 256 dropped bytes (seedrandom drops 768);
 *   <li>the output step does not swap: it writes {@code S[j] = S[i]} with the old {@code j},
 *       then moves {@code j} and copies the new {@code S[j]} into {@code S[i]}.
 * </ul>
 * Doubles are used exactly where the JS uses numbers.
 *
 * <pre>{@code
 * SeededRandom random = new SeededRandom("seed");
 * double first = random.next();        // 0.2552568774050913, as random.float() in node
 * int index = random.nextInt(0, 999);  // as random.int(0, 999)
 * }</pre>
 */
final class SeededRandom {
    private static final double START_DENOM = 281_474_976_710_656.0;  // 256^6
    private static final double SIGNIFICANCE = 4_503_599_627_370_496.0; // 2^52
    private static final double OVERFLOW = 9_007_199_254_740_992.0;    // 2^53
    private static final int DROPPED_BYTES = 256;

    private final int[] s = new int[256];
    private int i;
    private int j;

    /** As {@code new Random(seed)} with a string seed. */
    SeededRandom(String seed) {
        this(numericSeed(seed));
    }

    /** As {@code new Random(seed)} with an integer seed. */
    SeededRandom(int seed) {
        int[] key = mixKey(Integer.toString(seed));
        for (int k = 0; k < 256; k++) {
            s[k] = k;
        }
        for (int k = 0, m = 0; k < 256; k++) {
            int t = s[k];
            m = 0xff & (m + key[k % key.length] + t);
            s[k] = s[m];
            s[m] = t;
        }
        g(DROPPED_BYTES);
    }

    /** The package's processSeed: the XOR of the seed's UTF-16 code units. */
    private static int numericSeed(String seed) {
        int x = 0;
        for (int k = 0; k < seed.length(); k++) {
            x ^= seed.charAt(k);
        }
        return x;
    }

    /** The package's mixKey; {@code text} is never empty (it is a number's decimal text). */
    private static int[] mixKey(String text) {
        int[] key = new int[Math.min(256, text.length())];
        int smear = 0;
        for (int k = 0; k < text.length(); k++) {
            smear ^= key[0xff & k] * 19;
            key[0xff & k] = 0xff & (smear + text.charAt(k));
        }
        return key;
    }

    /** A double in [0, 1), as {@code random.float()} (and {@code random.next()}). */
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
            s[j] = t;
            j = 0xff & (j + t);
            s[i] = s[j];
            r = r * 256 + s[0xff & (s[i] + t)];
        }
        return r;
    }
}
