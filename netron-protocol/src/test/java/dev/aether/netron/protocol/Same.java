package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.fail;

import dev.aether.netron.protocol.error.ErrorData;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RemoteError;
import dev.aether.netron.protocol.msgpack.JsRegExp;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Deep comparison of a decoded value with the expected one, including key order and number types. */
final class Same {

    private Same() {
    }

    /** Strict: numbers must have the documented Java type. Lenient: numbers compare as JS doubles. */
    static void check(Object expected, Object actual, boolean strictNumbers) {
        compare(expected, actual, "$", strictNumbers);
    }

    private static void compare(Object e, Object a, String path, boolean strict) {
        if (e == null || a == null) {
            if (e != a) fail(path + ": expected " + describe(e) + " but got " + describe(a));
            return;
        }
        if (e instanceof Number en && a instanceof Number an) {
            boolean ok = strict ? en.getClass() == an.getClass() && en.equals(an)
                    : Double.compare(en.doubleValue(), an.doubleValue()) == 0;
            if (!ok) fail(path + ": expected " + describe(e) + " but got " + describe(a));
            return;
        }
        if (e instanceof JsRegExp er) {
            JsRegExp ar = a instanceof Pattern p ? JsRegExp.of(p) : a instanceof JsRegExp r ? r : null;
            if (!er.equals(ar)) fail(path + ": expected " + er + " but got " + describe(a));
            return;
        }
        if (e instanceof byte[] eb) {
            if (!(a instanceof byte[] ab) || !Arrays.equals(eb, ab)) fail(path + ": bytes differ, got " + describe(a));
            return;
        }
        if (e instanceof Map<?, ?> em) {
            if (!(a instanceof Map<?, ?> am)) {
                fail(path + ": expected a map but got " + describe(a));
                return;
            }
            if (em.size() != am.size()) fail(path + ": map size " + am.size() + " != " + em.size());
            Iterator<? extends Map.Entry<?, ?>> ai = am.entrySet().iterator();
            for (Map.Entry<?, ?> ee : em.entrySet()) {
                Map.Entry<?, ?> ae = ai.next();
                compare(ee.getKey(), ae.getKey(), path + ".key(" + ee.getKey() + ")", strict);
                compare(ee.getValue(), ae.getValue(), path + "." + ee.getKey(), strict);
            }
            return;
        }
        if (e instanceof Collection<?> ec) {
            if (!(a instanceof Collection<?> ac) || (e instanceof java.util.Set<?>) != (a instanceof java.util.Set<?>)) {
                fail(path + ": expected " + e.getClass().getSimpleName() + " but got " + describe(a));
                return;
            }
            if (ec.size() != ac.size()) fail(path + ": size " + ac.size() + " != " + ec.size());
            Iterator<?> ai = ac.iterator();
            int i = 0;
            for (Object x : ec) compare(x, ai.next(), path + "[" + i++ + "]", strict);
            return;
        }
        if (e instanceof NetronException ee) {
            if (!(a instanceof NetronException ae) || ae.getClass() != ee.getClass()) {
                fail(path + ": expected " + ee.getClass().getSimpleName() + " but got " + describe(a));
                return;
            }
            ErrorData ed = ee.toData();
            ErrorData ad = ae.toData();
            var comps = ErrorData.class.getRecordComponents();
            for (var c : comps) {
                try {
                    compare(c.getAccessor().invoke(ed), c.getAccessor().invoke(ad), path + "." + c.getName(), strict);
                } catch (ReflectiveOperationException x) {
                    throw new AssertionError(x);
                }
            }
            return;
        }
        if (e instanceof RemoteError ee) {
            if (!(a instanceof RemoteError ae)) {
                fail(path + ": expected RemoteError but got " + describe(a));
                return;
            }
            if (ee.errorId() != ae.errorId() || !Objects.equals(ee.name(), ae.name())
                    || !Objects.equals(ee.getMessage(), ae.getMessage()) || !Objects.equals(ee.remoteStack(), ae.remoteStack())) {
                fail(path + ": expected " + List.of(ee.errorId(), ee.name(), ee.getMessage(), String.valueOf(ee.remoteStack()))
                        + " but got " + List.of(ae.errorId(), ae.name(), ae.getMessage(), String.valueOf(ae.remoteStack())));
            }
            compare(ee.fields(), ae.fields(), path + ".fields", strict);
            return;
        }
        if (e.getClass() != a.getClass() || !e.equals(a)) {
            fail(path + ": expected " + describe(e) + " but got " + describe(a));
        }
    }

    private static String describe(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName() + " " + (o instanceof byte[] b ? Vectors.hex(b) : o);
    }
}
