package dev.aether.titan.http;

/**
 * One HTTP route: reads what it needs from the exchange and answers it once. A
 * {@link dev.aether.netron.protocol.error.NetronException} thrown before answering is answered
 * by {@link HttpEndpoint} in the §3 error shape.
 */
interface Route {
    void handle(Exchange exchange) throws Exception;
}
