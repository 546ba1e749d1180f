package dev.aether.titan.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Versions order by precedence, as semantic versioning defines it. */
class SemVerTest {

    @Test
    void aVersionIsParsedIntoItsParts() {
        assertThat(SemVer.parse("1.22.333")).isEqualTo(new SemVer(1, 22, 333, null));
    }

    @Test
    void aPreReleaseIsKeptAndBuildMetadataDropped() {
        assertThat(SemVer.parse("2.0.0-rc.1+build.5")).isEqualTo(new SemVer(2, 0, 0, "rc.1"));
        assertThat(SemVer.parse("2.0.0+build.5")).isEqualTo(new SemVer(2, 0, 0, null));
    }

    @Test
    void majorThenMinorThenPatchDecide() {
        assertThat(SemVer.parse("2.0.0")).isGreaterThan(SemVer.parse("1.99.99"));
        assertThat(SemVer.parse("1.10.0")).isGreaterThan(SemVer.parse("1.9.9"));
        assertThat(SemVer.parse("1.0.10")).isGreaterThan(SemVer.parse("1.0.9"));
    }

    @Test
    void aReleaseRanksAboveItsPreReleases() {
        assertThat(SemVer.parse("1.2.0")).isGreaterThan(SemVer.parse("1.2.0-beta"));
        assertThat(SemVer.parse("1.2.0-beta")).isGreaterThan(SemVer.parse("1.2.0-alpha"));
        assertThat(SemVer.parse("1.2.0-beta")).isGreaterThan(SemVer.parse("1.1.9"));
    }

    @Test
    void buildMetadataDoesNotChangePrecedence() {
        assertThat(SemVer.parse("1.2.0+a").compareTo(SemVer.parse("1.2.0+b"))).isZero();
    }
}
