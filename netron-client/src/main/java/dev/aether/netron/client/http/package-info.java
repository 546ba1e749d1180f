/**
 * The HTTP transport: each call is one {@code POST /netron/invoke} (or a batch) with a JSON body,
 * over the JDK's {@code HttpClient}. The entry type is
 * {@link dev.aether.netron.client.http.HttpTransport}.
 *
 * <pre>{@code
 * NetronClient client = NetronClient.over(new HttpTransport(URI.create("http://localhost:8080")));
 * }</pre>
 */
package dev.aether.netron.client.http;
