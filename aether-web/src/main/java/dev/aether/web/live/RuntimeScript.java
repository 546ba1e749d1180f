package dev.aether.web.live;

import dev.aether.web.AetherWeb;
import dev.aether.web.protocol.LiveProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The browser runtime ({@code aether.js}, a resource of this module) and its versioned URL. */
record RuntimeScript(byte[] bytes, String version) {
    static final String RESOURCE = "aether.js";

    static RuntimeScript load() {
        try (InputStream in = RuntimeScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the runtime resource " + RESOURCE + " is missing from aether-web");
            }
            byte[] bytes = in.readAllBytes();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new RuntimeScript(bytes, HexFormat.of().formatHex(hash, 0, 6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tag that starts the runtime for session {@code token}; the URL changes with the script. */
    String tag(String token, String nonce) {
        return "<script src=\"" + LiveProtocol.Paths.RUNTIME + "?v=" + version + "\""
                + (nonce == null ? "" : " nonce=\"" + nonce + "\"")
                + " " + LiveProtocol.Markup.SESSION + "=\"" + token + "\" " + LiveProtocol.Markup.LIVE + "=\"" + LiveProtocol.Paths.LIVE + "\"></script>";
    }
}
