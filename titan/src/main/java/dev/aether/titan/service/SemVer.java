package dev.aether.titan.service;

import java.util.Comparator;

/** A semantic version, ordered by precedence (1.2.0-beta &lt; 1.2.0 &lt; 1.10.0). */
record SemVer(int major, int minor, int patch, String preRelease) implements Comparable<SemVer> {
    private static final Comparator<SemVer> ORDER = Comparator.comparingInt(SemVer::major)
            .thenComparingInt(SemVer::minor)
            .thenComparingInt(SemVer::patch)
            // A release ranks above its pre-releases.
            .thenComparing(SemVer::preRelease, Comparator.nullsLast(Comparator.naturalOrder()));

    static SemVer parse(String version) {
        String core = version;
        int plus = core.indexOf('+');
        if (plus >= 0) {
            core = core.substring(0, plus);
        }
        String pre = null;
        int dash = core.indexOf('-');
        if (dash >= 0) {
            pre = core.substring(dash + 1);
            core = core.substring(0, dash);
        }
        String[] parts = core.split("\\.");
        return new SemVer(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), pre);
    }

    @Override
    public int compareTo(SemVer other) {
        return ORDER.compare(this, other);
    }
}
