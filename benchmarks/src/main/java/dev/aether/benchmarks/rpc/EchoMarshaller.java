package dev.aether.benchmarks.rpc;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * gRPC bytes for an {@link EchoMessage}: 8 bytes of id, then the UTF-8 text. Hand-written so the
 * benchmark needs no protoc step; for a two-field message it does what generated protobuf code
 * does (a few bytes copied), so it does not flatter or handicap gRPC.
 *
 * <pre>{@code
 * InputStream bytes = EchoMarshaller.INSTANCE.stream(EchoMessage.numbered(7));
 * EchoMessage back = EchoMarshaller.INSTANCE.parse(bytes);
 * }</pre>
 */
public final class EchoMarshaller implements MethodDescriptor.Marshaller<EchoMessage> {
    public static final EchoMarshaller INSTANCE = new EchoMarshaller();

    private EchoMarshaller() {
    }

    @Override
    public InputStream stream(EchoMessage value) {
        byte[] text = value.text().getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES + text.length);
        bytes.putLong(value.id()).put(text);
        return new ByteArrayInputStream(bytes.array());
    }

    @Override
    public EchoMessage parse(InputStream stream) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(stream.readAllBytes());
            long id = bytes.getLong();
            return new EchoMessage(id, StandardCharsets.UTF_8.decode(bytes).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
