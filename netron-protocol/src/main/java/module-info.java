/**
 * The Netron wire protocol: packets, MessagePack and JSON encodings, errors, service
 * definitions. Applications use the annotations ({@link dev.aether.netron.protocol.Service},
 * {@link dev.aether.netron.protocol.Public}) and the errors; the encodings are for Netron's
 * client and server only.
 */
module dev.aether.netron.protocol {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires msgpack.core;

    exports dev.aether.netron.protocol;
    exports dev.aether.netron.protocol.error;
    // StreamLimits is application API (Titan.builder().streamLimits); the engine beside it has package-private workings.
    exports dev.aether.netron.protocol.stream;

    exports dev.aether.netron.protocol.definition to dev.aether.netron.client, dev.aether.titan;
    exports dev.aether.netron.protocol.handshake to dev.aether.netron.client, dev.aether.titan;
    exports dev.aether.netron.protocol.http to dev.aether.netron.client, dev.aether.titan;
    exports dev.aether.netron.protocol.msgpack to dev.aether.netron.client, dev.aether.titan;
    exports dev.aether.netron.protocol.packet to dev.aether.netron.client, dev.aether.titan;
    // One rule for a peer's text in a log line, shared by the client, the server and the web layer.
    exports dev.aether.netron.protocol.log to dev.aether.netron.client, dev.aether.titan, dev.aether.web;

    // Jackson reads and writes the wire records (and the error details) by reflection.
    opens dev.aether.netron.protocol.definition to com.fasterxml.jackson.databind;
    opens dev.aether.netron.protocol.error to com.fasterxml.jackson.databind;
    opens dev.aether.netron.protocol.handshake to com.fasterxml.jackson.databind;
    opens dev.aether.netron.protocol.http to com.fasterxml.jackson.databind;
    opens dev.aether.netron.protocol.msgpack to com.fasterxml.jackson.databind;
}
