package dev.aether.benchmarks.reactive.shape;

import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.framework.ReadCell;
import dev.aether.benchmarks.reactive.framework.WriteCell;

import java.util.ArrayList;
import java.util.List;

/**
 * The JS benchmark's dynamic graph (src/util/dependencyGraph.ts): {@code width} sources and
 * {@code totalLayers − 1} layers of computeds, each summing {@code nSources} neighbours of the
 * layer above; 5 % of them (for the large config) skip one neighbour depending on the parity of
 * the first, so their dependencies change as values change. No effects: the leaves are pulled.
 * Measures creation plus lazy pull through a large graph with dependency churn.
 *
 * <p>One op is the JS {@code runOnce}: build a fresh graph, then {@code iterations} times write
 * one source and read the leaves, then sum the leaves. The sum must equal the original's
 * expected sum, and the number of computed evaluations the original's expected count, which is
 * also the exact minimum computed by {@link DynamicGraphReference} (see docs/BENCHMARKS.md).
 */
public final class DynamicGraph implements Shape {
    private final ReactiveFramework fw;
    private final DynamicGraphConfig config;
    private final DynamicGraphReference reference;
    private long evaluations;

    public DynamicGraph(ReactiveFramework fw, DynamicGraphConfig config) {
        this.fw = fw;
        this.config = config;
        reference = new DynamicGraphReference(config);
        // Guards the port itself: with npm random's generator the graph is the JS benchmark's, so
        // its exact minimum is the JS expected count (the sum alone would not tell: any
        // generator gives the same sum).
        Check.equal(reference.sum, config.expectedSum(), "dynamic " + config.name() + ": reference sum");
        Check.equal(reference.evaluations, config.expectedCount(), "dynamic " + config.name() + ": reference count");
    }

    @Override
    public long run() {
        evaluations = 0;
        long sum;
        try {
            Graph graph = fw.withBuild(this::makeGraph);
            sum = runGraph(graph);
        } finally {
            fw.cleanup();
        }
        Check.equal(sum, config.expectedSum(), "dynamic " + config.name() + ": sum");
        Check.equal(evaluations, reference.evaluations, "dynamic " + config.name() + ": evaluations");
        return sum;
    }

    private record Graph(List<WriteCell<Long>> sources, List<ReadCell<Long>> leaves) {
    }

    private Graph makeGraph() {
        List<WriteCell<Long>> sources = new ArrayList<>(config.width());
        for (int i = 0; i < config.width(); i++) {
            sources.add(fw.signal((long) i));
        }
        List<? extends ReadCell<Long>> previous = sources;
        SeededRandom random = new SeededRandom("seed");
        for (int layer = 0; layer < config.totalLayers() - 1; layer++) {
            previous = makeRow(previous, random);
        }
        @SuppressWarnings("unchecked")
        List<ReadCell<Long>> leaves = (List<ReadCell<Long>>) previous;
        return new Graph(sources, leaves);
    }

    private List<ReadCell<Long>> makeRow(List<? extends ReadCell<Long>> above, SeededRandom random) {
        int n = config.nSources();
        List<ReadCell<Long>> row = new ArrayList<>(above.size());
        for (int myDex = 0; myDex < above.size(); myDex++) {
            @SuppressWarnings("unchecked")
            ReadCell<Long>[] mySources = new ReadCell[n];
            for (int s = 0; s < n; s++) {
                mySources[s] = above.get((myDex + s) % above.size());
            }
            boolean staticNode = random.next() < config.staticFraction();
            row.add(staticNode ? staticNode(mySources) : dynamicNode(mySources));
        }
        return row;
    }

    private ReadCell<Long> staticNode(ReadCell<Long>[] mySources) {
        return fw.computed(() -> {
            evaluations++;
            long sum = 0;
            for (ReadCell<Long> src : mySources) {
                sum += src.read();
            }
            return sum;
        });
    }

    /** Drops one of its tail sources, chosen by the first source's value, when that is odd. */
    private ReadCell<Long> dynamicNode(ReadCell<Long>[] mySources) {
        ReadCell<Long> first = mySources[0];
        int tailLength = mySources.length - 1;
        return fw.computed(() -> {
            evaluations++;
            long sum = first.read();
            boolean shouldDrop = (sum & 1) != 0;
            long dropDex = sum % tailLength;
            for (int i = 0; i < tailLength; i++) {
                if (shouldDrop && i == dropDex) {
                    continue;
                }
                sum += mySources[i + 1].read();
            }
            return sum;
        });
    }

    private long runGraph(Graph graph) {
        List<WriteCell<Long>> sources = graph.sources();
        List<ReadCell<Long>> readLeaves = leavesToRead(graph.leaves());
        for (int i = 0; i < config.iterations(); i++) {
            int sourceDex = i % sources.size();
            long value = i + sourceDex;
            fw.batch(() -> sources.get(sourceDex).write(value));
            fw.batch(() -> {
                for (ReadCell<Long> leaf : readLeaves) {
                    leaf.read();
                }
            });
        }
        long[] sum = {0};
        fw.batch(() -> {
            for (ReadCell<Long> leaf : readLeaves) {
                sum[0] += leaf.read();
            }
        });
        return sum[0];
    }

    /** The JS removeElems: drops a seeded random selection when not all leaves are read. */
    private List<ReadCell<Long>> leavesToRead(List<ReadCell<Long>> leaves) {
        SeededRandom random = new SeededRandom("seed");
        int skip = (int) Math.round(leaves.size() * (1 - config.readFraction()));
        List<ReadCell<Long>> copy = new ArrayList<>(leaves);
        for (int i = 0; i < skip; i++) {
            copy.remove(random.nextInt(0, copy.size() - 1));
        }
        return copy;
    }
}
