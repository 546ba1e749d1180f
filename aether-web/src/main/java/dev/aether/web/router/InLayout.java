package dev.aether.web.router;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The layout a {@link RoutePage} or {@link RouteLayout} class renders inside. The layout must be
 * registered in the same {@link RouteTree.Builder#classes} call.
 *
 * <pre>{@code
 * @InLayout(SiteLayout.class)
 * public final class HomePage implements RoutePage<NoParams> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InLayout {
    /** The enclosing layout's class. */
    Class<? extends RouteLayout<?>> value();
}
