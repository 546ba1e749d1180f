package dev.aether.netron.protocol.msgpack;

import java.math.BigInteger;

/**
 * Forces a {@code long.js} Long (ext 119) on the wire: 64 bits plus an unsigned flag. A plain
 * Java {@code long} is sent as a MessagePack integer instead, which a TypeScript peer reads as
 * a number, the natural type there. The decoder returns ext 119 as {@code Long}, or as
 * {@code BigInteger} for an unsigned value above {@code Long.MAX_VALUE}.
 *
 * <pre>{@code
 * new JsLong(-1L, true).toBigInteger()   // 18446744073709551615
 * }</pre>
 *
 * @param bits     the 64 bits, two's complement
 * @param unsigned whether the bits are read as unsigned
 */
public record JsLong(long bits, boolean unsigned) implements JsValue {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** The numeric value. */
    public BigInteger toBigInteger() {
        BigInteger v = BigInteger.valueOf(bits);
        return unsigned && bits < 0 ? v.add(TWO_64) : v;
    }
}
