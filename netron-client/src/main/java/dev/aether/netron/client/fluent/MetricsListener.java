package dev.aether.netron.client.fluent;

/**
 * Told how each fluent call went.
 *
 * <pre>{@code
 * MetricsListener slow = m -> { if (m.duration().toMillis() > 500) log.warn("slow: {}.{}", m.service(), m.method()); };
 * }</pre>
 */
@FunctionalInterface
public interface MetricsListener {
    void onCall(CallMetrics metrics);
}
