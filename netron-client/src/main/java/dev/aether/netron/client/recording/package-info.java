/**
 * Which method a lambda calls on a service contract, and with what arguments:
 * {@link dev.aether.netron.client.recording.RecordedCall}, the one recording proxy of the client.
 * Fluent calls use it to pick their method; it is exported to {@code dev.aether.state} alone,
 * whose queries record a call where their signals are read and replay it where it is fetched.
 *
 * <pre>{@code
 * RecordedCall call = RecordedCall.of(Users.class, u -> u.find(42));
 * call.arguments();   // [42]
 * }</pre>
 */
package dev.aether.netron.client.recording;
