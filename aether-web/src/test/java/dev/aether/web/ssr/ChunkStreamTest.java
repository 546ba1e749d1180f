package dev.aether.web.ssr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The one path Suspense chunks take for SSR and live pages: counted boundaries, the swap script
 * once, the end of the document written here, and resolutions after the end refused.
 */
class ChunkStreamTest {

    @Test
    void chunksAreWrittenInTheOrderTheyResolveWithTheSwapScriptBeforeTheFirstOnly() throws Exception {
        ChunkStream chunks = new ChunkStream(null);
        chunks.boundaryOpened();
        chunks.boundaryOpened();
        StringBuilder out = new StringBuilder();
        chunks.writeUntilResolved(out, waited -> {
            chunks.boundaryResolved("2", "<p>two</p>");
            chunks.boundaryResolved("1", "<p>one</p>");
        });
        assertThat(out.toString()).isEqualTo(Ssr.SWAP_SCRIPT + Ssr.chunk("2", "<p>two</p>") + Ssr.chunk("1", "<p>one</p>"));
    }

    @Test
    void aChunkThatResolvedBeforeTheWriterLookedIsWrittenWithoutWaiting() throws Exception {
        ChunkStream chunks = new ChunkStream(null);
        chunks.boundaryOpened();
        chunks.boundaryResolved("1", "<p>early</p>");
        StringBuilder out = new StringBuilder();
        chunks.writeUntilResolved(out, waited -> {
            throw new AssertionError("nothing is open: no need to wait");
        });
        assertThat(out.toString()).isEqualTo(Ssr.SWAP_SCRIPT + Ssr.chunk("1", "<p>early</p>"));
    }

    @Test
    void theDocumentEndsAfterTheChunksLeftAndTheTail() {
        ChunkStream chunks = new ChunkStream("n0nce");
        chunks.boundaryOpened();
        chunks.boundaryResolved("1", "<p>late</p>");
        StringBuilder out = new StringBuilder();
        chunks.endPage(out, "<script src=\"/runtime.js\"></script>");
        assertThat(out.toString()).isEqualTo(Ssr.swapScript("n0nce") + Ssr.chunk("1", "<p>late</p>", "n0nce")
                + "<script src=\"/runtime.js\"></script></body></html>");
    }

    @Test
    void onceEndedTheStreamRefusesBoundaries() {
        ChunkStream chunks = new ChunkStream(null);
        assertThat(chunks.end()).isEmpty();
        assertThat(chunks.boundaryOpened()).isFalse();
        assertThat(chunks.boundaryResolved("1", "<p>x</p>")).as("the caller patches instead").isFalse();
        assertThat(chunks.openBoundaries()).isZero();
    }

    @Test
    void anAbandonedBoundaryNoLongerHoldsTheResponse() throws Exception {
        ChunkStream chunks = new ChunkStream(null);
        chunks.boundaryOpened();
        Thread.ofVirtual().start(chunks::boundaryAbandoned);
        StringBuilder out = new StringBuilder();
        chunks.writeUntilResolved(out, Duration.ofSeconds(30), chunks::awaitChunk);
        assertThat(chunks.openBoundaries()).isZero();
        assertThat(out).isEmpty();
    }

    @Test
    void theWriterGivesUpAtItsLimitLeavingTheBoundaryOpen() throws Exception {
        ChunkStream chunks = new ChunkStream(null);
        chunks.boundaryOpened();
        chunks.writeUntilResolved(new StringBuilder(), Duration.ofMillis(50), chunks::awaitChunk);
        assertThat(chunks.openBoundaries()).isEqualTo(1);
    }
}
