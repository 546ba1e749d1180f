package dev.aether.benchmarks.reactive.shape;

/**
 * The dynamic graph evaluated by plain arithmetic, without any reactive framework: the leaf sum
 * and the least number of computed evaluations a lazy, glitch-free framework with equality
 * cut-off needs (every node once at first read, then, after each write, exactly the nodes one
 * of whose current dependencies changed value). Computed once per configuration; the shapes
 * check both frameworks against it.
 */
final class DynamicGraphReference {
    final long sum;
    final long evaluations;

    private final DynamicGraphConfig config;
    private final int width;
    private final boolean[][] dynamic;
    private final long[][] values;
    /** For dynamic nodes: the tail index skipped by the last evaluation, or −1. */
    private final int[][] dropped;
    private long count;

    DynamicGraphReference(DynamicGraphConfig config) {
        if (config.readFraction() != 1) {
            throw new IllegalArgumentException("the reference model assumes every leaf is read");
        }
        this.config = config;
        width = config.width();
        int rows = config.totalLayers() - 1;
        dynamic = new boolean[rows][width];
        values = new long[rows + 1][width];
        dropped = new int[rows][width];
        SeededRandom random = new SeededRandom("seed");
        for (int r = 0; r < rows; r++) {
            for (int x = 0; x < width; x++) {
                dynamic[r][x] = random.next() >= config.staticFraction();
            }
        }
        for (int x = 0; x < width; x++) {
            values[0][x] = x;
        }
        boolean[] changed = new boolean[width];
        java.util.Arrays.fill(changed, true);
        propagate(changed); // the first read evaluates every node
        for (int i = 0; i < config.iterations(); i++) {
            int sourceDex = i % width;
            long value = i + sourceDex;
            java.util.Arrays.fill(changed, false);
            if (values[0][sourceDex] != value) {
                values[0][sourceDex] = value;
                changed[sourceDex] = true;
                propagate(changed);
            }
        }
        long total = 0;
        for (long v : values[rows]) {
            total += v;
        }
        sum = total;
        evaluations = count;
    }

    private void propagate(boolean[] changedAbove) {
        int n = config.nSources();
        boolean[] above = changedAbove.clone();
        for (int r = 0; r < dynamic.length; r++) {
            boolean[] now = new boolean[width];
            for (int x = 0; x < width; x++) {
                if (!readsChanged(r, x, above, n)) {
                    continue;
                }
                count++;
                long v = evaluate(r, x, n);
                now[x] = v != values[r + 1][x];
                values[r + 1][x] = v;
            }
            above = now;
        }
    }

    private boolean readsChanged(int r, int x, boolean[] above, int n) {
        for (int s = 0; s < n; s++) {
            if (dynamic[r][x] && s > 0 && s - 1 == dropped[r][x]) {
                continue;
            }
            if (above[(x + s) % width]) {
                return true;
            }
        }
        return false;
    }

    private long evaluate(int r, int x, int n) {
        long[] in = values[r];
        long sum = in[x];
        if (!dynamic[r][x]) {
            for (int s = 1; s < n; s++) {
                sum += in[(x + s) % width];
            }
            return sum;
        }
        int tail = n - 1;
        boolean shouldDrop = (sum & 1) != 0;
        int dropDex = (int) (sum % tail);
        dropped[r][x] = shouldDrop ? dropDex : -1;
        for (int i = 0; i < tail; i++) {
            if (shouldDrop && i == dropDex) {
                continue;
            }
            sum += in[(x + i + 1) % width];
        }
        return sum;
    }
}
