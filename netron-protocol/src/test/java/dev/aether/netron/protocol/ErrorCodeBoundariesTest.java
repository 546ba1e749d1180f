package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.error.ErrorCategory;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.http.HttpError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where one kind of error code ends and the next begins: category, HTTP status, retryability. */
class ErrorCodeBoundariesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "199, SERVER", "200, SUCCESS", "399, SUCCESS", "400, CLIENT", "401, AUTH", "403, AUTH",
            "407, AUTH", "422, VALIDATION", "429, RATE_LIMIT", "499, CLIENT", "500, SERVER", "599, SERVER",
            "600, SERVER", "601, SERVER"})
    void everyCodeHasTheCategoryOfItsRange(int code, ErrorCategory category) {
        assertThat(ErrorCategory.of(code)).isEqualTo(category);
        assertThat(new NetronException(code, "x").category()).isEqualTo(category);
    }

    @ParameterizedTest(name = "code {0} answers HTTP {1}")
    @CsvSource({"99, 500", "100, 100", "404, 404", "500, 500", "599, 599", "600, 500", "601, 500", "1000, 500"})
    void httpStatusIsTheCodeInsideTheHttpRangeAnd500Outside(int code, int status) {
        assertThat(new NetronException(code, "x").httpStatus()).isEqualTo(status);
        assertThat(HttpError.status(new NetronException(code, "x"))).isEqualTo(status);
        assertThat(HttpError.from(new NetronException(code, "x")).code()).isEqualTo(Integer.toString(status));
    }

    @ParameterizedTest(name = "{0} retryable: {1}")
    @CsvSource({
            "400, false", "404, false", "408, true", "409, false", "422, false", "429, true", "500, true",
            "501, false", "502, true", "503, true", "504, true", "505, false", "507, true", "511, true",
            "600, false", "601, false"})
    void onlyTransientCodesAreRetryable(int code, boolean retryable) {
        assertThat(NetronException.isRetryable(code)).isEqualTo(retryable);
        assertThat(new NetronException(code, "x").retryable()).isEqualTo(retryable);
    }
}
