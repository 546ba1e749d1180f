package dev.aether.web.browser;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;

/**
 * The JUnit 5 extension behind {@link BrowserTest} (use the annotation; a plain
 * {@code @ExtendWith(BrowserExtension.class)} gives the defaults: JavaScript on, normal page
 * load). One {@link Browser} per test class, kept in the class's extension store so JUnit quits
 * it after the class; {@link Browser#reset()} before each test; {@link WebDriver} and
 * {@link Browser} parameters resolved to it.
 */
public final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    /** Quits the browser when JUnit closes the class's store (after the class's last test). */
    private record Holder(Browser browser) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            browser.close();
        }
    }

    /**
     * Starts the class's browser. Without one: with {@code CI=true} fails the class; otherwise
     * says so loudly on stderr, and {@link #beforeEach} skips each test (so each shows as skipped).
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (Browsers.missing().isEmpty()) {
            browser(context);
            return;
        }
        try {
            Browsers.requireAvailable(context.getRequiredTestClass().getName()); // fails on CI; else prints
        } catch (TestAbortedException reportedTestByTest) {
            // beforeEach skips each test, so the report counts them as skipped
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Browsers.requireAvailable(null);
        browser(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WebDriver.class || type == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Browser browser = browser(context);
        if (type == Browser.class) {
            return browser;
        }
        if (type == WebDriver.class) {
            return browser.driver();
        }
        throw new ParameterResolutionException("BrowserExtension cannot supply a " + type.getName());
    }

    /** The browser of the test class (started on first use, in the class-level store). */
    private static Browser browser(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        Holder holder = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> {
            Browsers.requireAvailable(null);
            BrowserTest config = config(testClass);
            boolean javascript = config == null || config.javascript();
            PageLoadStrategy pageLoad = config == null ? PageLoadStrategy.NORMAL : config.pageLoad();
            return new Holder(Browsers.start(javascript, pageLoad));
        }, Holder.class);
        return holder.browser();
    }

    /** The {@link BrowserTest} on the class or, for a {@code @Nested} class, on an enclosing one; null if none. */
    private static BrowserTest config(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            var found = AnnotationSupport.findAnnotation(c, BrowserTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    /** The nearest class-level context (a test method's, or a parameterized invocation's, parent). */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() || c.getTestClass().isEmpty()) {
            c = c.getParent().orElseThrow(() -> new IllegalStateException("browser tests need a test class"));
        }
        return c;
    }
}
