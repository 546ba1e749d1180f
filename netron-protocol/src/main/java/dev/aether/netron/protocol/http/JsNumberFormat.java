package dev.aether.netron.protocol.http;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double the way JavaScript's {@code Number.prototype.toString} does, so JSON numbers
 * match the reference's bytes: {@code 2} not {@code 2.0}, {@code 1.1805916207174113e+21} not
 * {@code 1.1805916207174113E21}.
 */
final class JsNumberFormat {

    private JsNumberFormat() {
    }

    static String format(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "null"; // JSON.stringify does the same
        if (d == 0) return "0";
        // Double.toString gives the shortest round-tripping digits (JDK 19+), as JavaScript does.
        BigDecimal bd = shortest(new BigDecimal(Double.toString(d)).stripTrailingZeros(), d);
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - bd.scale(); // value = 0.digits * 10^exponent
        StringBuilder sb = new StringBuilder();
        if (d < 0) sb.append('-');
        int k = digits.length();
        if (k <= exponent && exponent <= 21) {
            sb.append(digits).append("0".repeat(exponent - k));
        } else if (0 < exponent && exponent <= 21) {
            sb.append(digits, 0, exponent).append('.').append(digits, exponent, k);
        } else if (-6 < exponent && exponent <= 0) {
            sb.append("0.").append("0".repeat(-exponent)).append(digits);
        } else {
            int e = exponent - 1;
            sb.append(digits.charAt(0));
            if (k > 1) sb.append('.').append(digits, 1, k);
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return sb.toString();
    }

    /**
     * Double.toString writes at least two digits and, when one digit would do, may pick a closer
     * second one: 4.9E-324 where JavaScript writes 5e-324 (only subnormals are that coarse).
     */
    private static BigDecimal shortest(BigDecimal twoOrMore, double d) {
        if (twoOrMore.precision() != 2) return twoOrMore;
        BigDecimal one = twoOrMore.round(new MathContext(1, RoundingMode.HALF_EVEN));
        return one.doubleValue() == d ? one.stripTrailingZeros() : twoOrMore;
    }
}
