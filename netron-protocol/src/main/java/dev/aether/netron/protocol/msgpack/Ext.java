package dev.aether.netron.protocol.msgpack;

/** Netron's MessagePack extension type ids (netron-wire.md §2). */
final class Ext {
    static final byte UNDEFINED = 0;
    static final byte TITAN_ERROR = 110;
    static final byte ERROR = 126;
    static final byte DATE = 125;
    static final byte MAP = 124;
    static final byte SET = 123;
    static final byte REGEXP = 121;
    static final byte BIGINT = 120;
    static final byte LONG = 119;
    static final byte DEFINITION = 109;
    static final byte REFERENCE = 108;
    static final byte STREAM_REFERENCE = 107;

    private Ext() {
    }
}
