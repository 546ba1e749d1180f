package dev.aether.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.web.protocol.LiveProtocol;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames a live page sent, as JSON: numbers them from 1, keeps the last {@code capacity}
 * until the browser acknowledges them, and gives back those a reconnecting browser missed. A
 * frame without patches (it only says which events have been answered) is not numbered and not
 * kept. No threads: its owner calls it from one thread at a time (the session's context).
 *
 * <pre>{@code
 * FrameLog log = new FrameLog(512);
 * String json = log.append(List.of(new Patch.Text("2", "1")), 1);   // [1,[["t","2","1"]],1]
 * log.acknowledge(1);                                                 // the browser applied it
 * }</pre>
 */
final class FrameLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Frame(long seq, String json) {
    }

    private final int capacity;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private long nextSeq = 1;

    FrameLog(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The frame carrying {@code patches} and saying that every event up to {@code answeredUpTo}
     * has run; numbered and kept (dropping the oldest beyond the capacity) when it has patches.
     */
    String append(List<Patch> patches, long answeredUpTo) {
        long seq = patches.isEmpty() ? 0 : nextSeq++;
        String json = encode(seq, patches, answeredUpTo);
        if (seq > 0) {
            frames.addLast(new Frame(seq, json));
            while (frames.size() > capacity) {
                frames.removeFirst();
            }
        }
        return json;
    }

    /** The browser has applied every frame up to {@code seq}: they need not be kept. */
    void acknowledge(long seq) {
        while (!frames.isEmpty() && frames.peekFirst().seq() <= seq) {
            frames.removeFirst();
        }
    }

    /**
     * Whether a browser that applied every frame up to {@code lastSeen} can be brought up to date:
     * false when it claims frames never sent, or when frames it missed are no longer kept.
     */
    boolean canResumeAfter(long lastSeen) {
        return lastSeen < nextSeq && lastSeen + 1 >= firstKeptSeq();
    }

    /** The frames after {@code lastSeen}, oldest first. */
    List<String> after(long lastSeen) {
        List<String> missed = new ArrayList<>();
        for (Frame f : frames) {
            if (f.seq() > lastSeen) {
                missed.add(f.json());
            }
        }
        return missed;
    }

    /** Frames kept for a browser that has not acknowledged them. */
    int size() {
        return frames.size();
    }

    void clear() {
        frames.clear();
    }

    /** The oldest frame a browser could still be sent again (frames are kept in order, without gaps). */
    private long firstKeptSeq() {
        return frames.isEmpty() ? nextSeq : frames.peekFirst().seq();
    }

    /** {@code [seq, [patch…], answeredUpTo]}. */
    static String encode(long seq, List<Patch> patches, long answeredUpTo) {
        List<Object> wire = new ArrayList<>(patches.size());
        for (Patch p : patches) {
            wire.add(p.wire());
        }
        return write(List.of(seq, wire, answeredUpTo));
    }

    /** {@code ["resume", answeredUpTo]}: sent once after each (re)connection, after the frames replayed. */
    static String resume(long answeredUpTo) {
        return write(List.of(LiveProtocol.Outbound.RESUME, answeredUpTo));
    }

    private static String write(Object frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
