package dev.aether.titan.ws;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;

/** The service of the reference's live capture (handshake.json): {@code echo@1.0.0.echo("hi")}. */
@Service("echo@1.0.0")
public final class EchoService {
    @Public
    public String echo(String text) {
        return text;
    }
}
