package dev.aether.netron.protocol;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a Netron service and its version: {@code "name@major.minor.patch"}.
 *
 * <p>Put it on the implementation that Titan serves, on the Java interface that is the
 * contract, or on both: the implementation's annotation wins, so a class can serve a newer version
 * of the same contract. Clients read it from the interface; a client call to the bare name
 * reaches the highest version the server has.
 *
 * <pre>{@code
 * @Service("calculator@1.0.0")
 * public interface Calculator {
 *     int add(int a, int b);
 * }
 *
 * public final class CalculatorService implements Calculator {
 *     @Public public int add(int a, int b) { return a + b; }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Service {
    /** {@code name@version}, e.g. {@code "users@1.2.0"}; see {@link ServiceId#parse}. */
    String value();
}
