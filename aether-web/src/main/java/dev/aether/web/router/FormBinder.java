package dev.aether.web.router;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;

/**
 * Binds a form's fields (name → text) to a record, then checks the record with Bean Validation
 * (Hibernate Validator): the typed fields, or a message per field that needs fixing. Checked when
 * built, so an action whose record has a component no form field can fill fails at class loading.
 *
 * <pre>{@code
 * FormBinder<Signup> binder = FormBinder.of(Signup.class);
 * binder.bind(Map.of("name", "Ada", "email", "nope"));   // Errors[{email=Enter an e-mail address like ada@example.com}]
 * }</pre>
 */
final class FormBinder<F extends Record> {
    /** The outcome of binding. */
    sealed interface Bound<F extends Record> {
        record Valid<F extends Record>(F fields) implements Bound<F> {
        }

        /** Field name → its first message (by message text, so the same input always reads the same). */
        record Errors<F extends Record>(Map<String, String> messages) implements Bound<F> {
        }
    }

    /** One record component: its name, the type of its value, and whether it is an {@code Optional} of that. */
    private record Component(String name, Class<?> valueType, boolean optional) {
    }

    private final Class<F> type;
    private final List<Component> components;
    private final Constructor<F> constructor;

    private FormBinder(Class<F> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        this.type = type;
        RecordComponent[] rc = type.getRecordComponents();
        List<Component> list = new ArrayList<>();
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            list.add(component(type, rc[i]));
        }
        this.components = List.copyOf(list);
        try {
            this.constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has its canonical constructor: " + type.getName(), e);
        }
    }

    static <F extends Record> FormBinder<F> of(Class<F> type) {
        return new FormBinder<>(type);
    }

    Class<F> type() {
        return type;
    }

    List<String> names() {
        return components.stream().map(Component::name).toList();
    }

    Bound<F> bind(Map<String, String> fields) {
        Map<String, String> messages = new LinkedHashMap<>();
        Object[] values = new Object[components.size()];
        for (int i = 0; i < values.length; i++) {
            Component c = components.get(i);
            try {
                values[i] = convert(c, fields.get(c.name()));
            } catch (IllegalArgumentException e) {
                messages.put(c.name(), messageFor(c.valueType()));
            }
        }
        if (!messages.isEmpty()) {
            return new Bound.Errors<>(messages);
        }
        F record;
        try {
            record = constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                return new Bound.Errors<>(Map.of("", refused.getMessage() == null ? "These values do not go together" : refused.getMessage()));
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName() + ": make it public, in a package dev.aether.web can read", e);
        }
        Set<ConstraintViolation<F>> violations = Validators.VALIDATOR.validate(record);
        if (violations.isEmpty()) {
            return new Bound.Valid<>(record);
        }
        violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<F> v) -> v.getPropertyPath().toString()).thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> messages.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return new Bound.Errors<>(orderedByComponent(messages));
    }

    /** {@code values}' components as form field texts: what hidden fields carry. Empty optionals are left out. */
    static Map<String, String> fieldsOf(Record values) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent rc : values.getClass().getRecordComponents()) {
            Object value;
            try {
                value = rc.getAccessor().invoke(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read " + rc.getName() + " of " + values.getClass().getName()
                        + ": make the record public, in a package dev.aether.web can read", e);
            }
            if (value instanceof Optional<?> o) {
                o.ifPresent(v -> fields.put(rc.getName(), ParamCodec.format(v)));
            } else if (value != null) {
                fields.put(rc.getName(), ParamCodec.format(value));
            }
        }
        return fields;
    }

    private Map<String, String> orderedByComponent(Map<String, String> messages) {
        Map<String, String> ordered = new LinkedHashMap<>();
        components.forEach(c -> {
            if (messages.containsKey(c.name())) {
                ordered.put(c.name(), messages.get(c.name()));
            }
        });
        messages.forEach(ordered::putIfAbsent);   // a class-level constraint, say
        return ordered;
    }

    private static Object convert(Component c, String text) {
        if (c.valueType() == boolean.class || c.valueType() == Boolean.class) {
            return text != null && !text.equals("false");   // a checkbox sends "on" (or its value) when checked, nothing when not
        }
        if (c.optional()) {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(ParamCodec.parse(c.valueType(), text.strip()));
        }
        if (c.valueType() == String.class) {
            return text == null ? "" : text;
        }
        if (text == null || text.isBlank()) {
            if (!c.valueType().isPrimitive()) {
                return null;   // a boxed number or an enum left empty: @NotNull says whether that is allowed
            }
            throw new IllegalArgumentException("empty");
        }
        return ParamCodec.parse(c.valueType(), text.strip());
    }

    private static String messageFor(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        return type.isEnum() ? "must be one of the choices" : "is not a valid value";
    }

    private static Component component(Class<?> record, RecordComponent rc) {
        Class<?> raw = rc.getType();
        if (raw == Optional.class) {
            Type generic = rc.getGenericType();
            if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> inner && supported(inner)
                    && inner != boolean.class && inner != Boolean.class) {
                return new Component(rc.getName(), inner, true);
            }
            throw new IllegalArgumentException("form field " + rc.getName() + " of " + record.getName()
                    + " is an Optional of a type a form field cannot hold: " + generic);
        }
        if (!supported(raw)) {
            throw new IllegalArgumentException("form field " + rc.getName() + " of " + record.getName()
                    + " has type " + raw.getName() + "; use String, int, long, boolean, an enum, their boxes or an Optional of them");
        }
        return new Component(rc.getName(), raw, false);
    }

    private static boolean supported(Class<?> type) {
        return ParamCodec.supports(type);
    }

    /** One validator for every form: building the factory is slow, using it is thread-safe. */
    private static final class Validators {
        static final Validator VALIDATOR;

        static {
            ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure().buildValidatorFactory();
            VALIDATOR = factory.getValidator();
        }
    }
}
