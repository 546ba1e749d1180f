package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.error.DomainException;
import dev.aether.netron.protocol.error.ErrorData;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RateLimitException;
import dev.aether.netron.protocol.error.RemoteError;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.netron.protocol.error.StreamException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The named kinds of error, their codes, and what survives the wire. */
class ErrorKindsTest {

    private static final NetronMsgpack CODEC = NetronMsgpack.standard();

    @Test
    void namedFactoriesGiveTheirCodes() {
        assertThat(RpcException.timeout("t").code()).isEqualTo(408);
        assertThat(RpcException.invalidRequest("r").code()).isEqualTo(400);
        assertThat(RpcException.invalidResponse("r").code()).isEqualTo(500);
        assertThat(TransportException.unavailable("u").code()).isEqualTo(503);
        assertThat(TransportException.timeout("t").code()).isEqualTo(408);
        assertThat(StreamException.closed("c").code()).isEqualTo(410);
        assertThat(StreamException.error("e").code()).isEqualTo(500);
        assertThat(StreamException.backpressure("b")).hasMessage("b").extracting(NetronException::code).isEqualTo(429);
        assertThat(RpcException.timeout("slow")).hasMessage("slow");
    }

    @Test
    void everyFieldSurvivesTheWire() {
        NetronException sent = new NetronException(418, "teapot", Map.of("a", 1))
                .withTracing("req", "corr", "span", "trace")
                .withContext(Map.of("service", "s@1.0.0"));
        NetronException back = (NetronException) CODEC.decode(CODEC.encode(sent));
        assertThat(back.wireName()).isEqualTo("TitanError");
        assertThat(back.context()).containsEntry("service", "s@1.0.0");
        assertThat(back.correlationId()).isEqualTo("corr");
        assertThat(back.spanId()).isEqualTo("span");
        assertThat(back.timestamp()).isEqualTo(sent.timestamp()).isPositive();
        assertThat(back).hasToString("TitanError[418]: teapot");
    }

    @Test
    void aRemoteStackIsKeptAsThePeerSentIt() {
        NetronException withStack = NetronException.fromData(new ErrorData("TitanError", 500, "x", Map.of(), Map.of(), 1L,
                null, null, null, null, "at peer.js:1", null, null));
        assertThat(((NetronException) CODEC.decode(CODEC.encode(withStack))).remoteStack()).isEqualTo("at peer.js:1");
    }

    @Test
    void specialisedErrorsKeepTheirFields() {
        assertThat(new ServiceNotFoundException("users@1.0.0").serviceId()).isEqualTo("users@1.0.0");
        DomainException domain = new DomainException(409, "EMAIL_TAKEN", "taken");
        assertThat(((DomainException) CODEC.decode(CODEC.encode(domain))).domainCode()).isEqualTo("EMAIL_TAKEN");
        DomainException withoutCode = (DomainException) NetronException.fromData(new ErrorData(DomainException.NAME, 409, "x",
                Map.of(), Map.of(), 1L, null, null, null, null, null, null, null));
        assertThat(withoutCode.domainCode()).isNull();
    }

    @Test
    void aRateLimitErrorTellsItsRemainingBudget() {
        RateLimitException e = new RateLimitException("slow down", 10, 4, Instant.ofEpochMilli(5), 2, Map.of());
        assertThat(((RateLimitException) CODEC.decode(CODEC.encode(e))).remaining()).isEqualTo(4);
    }

    @Test
    void aRateLimitErrorWithoutExtrasTakesRetryAfterFromItsDetailsOrSaysUnknown() {
        RateLimitException fromDetails = (RateLimitException) NetronException.fromData(new ErrorData(RateLimitException.NAME, 429,
                "x", Map.of("retryAfter", 7), Map.of(), 1L, null, null, null, null, null, null, null));
        assertThat(fromDetails.retryAfterSeconds()).isEqualTo(7);
        assertThat(fromDetails.remaining()).isEqualTo(-1);
        RateLimitException bare = (RateLimitException) NetronException.fromData(new ErrorData(RateLimitException.NAME, 429,
                "x", Map.of(), Map.of(), 1L, null, null, null, null, null, null, null));
        assertThat(bare.retryAfterSeconds()).isEqualTo(-1);
    }

    @Test
    void aPlainErrorIsNumberedByItsJavaScriptClass() {
        assertThat(new RemoteError("Error", "m").errorId()).isEqualTo(1);
        assertThat(new RemoteError("TypeError", "m").errorId()).isEqualTo(3);
        assertThat(new RemoteError("URIError", "m").errorId()).isEqualTo(7);
        assertThat(new RemoteError("IOException", "m").errorId()).isEqualTo(1);
        assertThat(new RemoteError("TypeError", "bad")).hasToString("TypeError: bad");
    }
}
