package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.http.NetronJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSON numbers are written as JavaScript writes them. Every expected text below is what node
 * (v20) prints for {@code JSON.stringify(x)}: plain digits from 1e-6 up to below 1e21, exponent
 * form outside, with the switch points on both sides.
 */
class JsNumberFormatTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            "1e21, 1e+21",
            "999999999999999900000, 999999999999999900000",
            "1e20, 100000000000000000000",
            "123456789012345680000, 123456789012345680000",
            "1.5e21, 1.5e+21",
            "-1e21, -1e+21",
            "1.1805916207174113e21, 1.1805916207174113e+21",
            "1.7976931348623157e308, 1.7976931348623157e+308",
            "1e-7, 1e-7",
            "1.5e-7, 1.5e-7",
            "1.234e-7, 1.234e-7",
            "1e-6, 0.000001",
            "0.000001234, 0.000001234",
            "5e-324, 5e-324",
            "-5e-324, -5e-324",
            "1e-323, 1e-323",
            "1.5e-323, 1.5e-323",
            "3e-323, 3e-323",
            "2.2250738585072014e-308, 2.2250738585072014e-308",
            "123.456, 123.456",
            "12345.678, 12345.678",
            "0.5, 0.5",
            "-0.5, -0.5",
            "0.1, 0.1",
            "2.0, 2",
            "100.0, 100",
            "-0.0, 0"})
    void doublesAreWrittenAsJavaScriptPrintsThem(double value, String javaScript) {
        assertThat(NetronJson.write(value)).isEqualTo(javaScript);
    }

    /** A Java float is written as the decimal it was written as in Java, then by the same rules. */
    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({"0.1, 0.1", "1e21, 1e+21", "3.0, 3"})
    void floatsAreWrittenAsTheirShortestDecimal(float value, String javaScript) {
        assertThat(NetronJson.write(value)).isEqualTo(javaScript);
    }

    @ParameterizedTest(name = "{0} is written null")
    @CsvSource({"NaN", "Infinity", "-Infinity"})
    void nonFiniteNumbersAreWrittenNullAsJsonStringifyDoes(double value) {
        assertThat(NetronJson.write(value)).isEqualTo("null");
    }
}
