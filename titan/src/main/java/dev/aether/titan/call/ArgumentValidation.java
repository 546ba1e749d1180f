package dev.aether.titan.call;

import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.titan.service.MethodModel;
import dev.aether.titan.service.PropertyModel;
import dev.aether.titan.service.ServiceModel;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.MethodDescriptor;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.HibernateValidator;

/**
 * The validation stage of the dispatcher: Jakarta Bean Validation (Hibernate Validator) of a
 * call's converted arguments before the method runs, on every transport. Constraints go on the
 * parameters ({@code @NotNull}, {@code @Size}, {@code @Email}…) and, through {@code @Valid}, on
 * the components of records and fields of objects passed. Violations answer 422 with
 * {@code details.violations}: one {@code {path, message}} per violation, the path starting at
 * the parameter's name.
 *
 * <pre>{@code
 * @Public public User register(@Valid @NotNull NewUser user) { ... }
 * record NewUser(@NotBlank @Size(max = 100) String name, @Email @Size(max = 254) String email) { }
 * // register({"name":"", "email":"nope"}) answers
 * // 422 {"details":{"violations":[{"path":"user.email","message":"must be a well-formed email address"},
 * //                               {"path":"user.name","message":"must not be blank"}]}}
 * }</pre>
 *
 * <p>A property written with SET passes the same stage: the constraints on its field
 * ({@code @Public @Min(1) @Max(10) public volatile int level}) and, when the field is
 * {@code @Valid}, those of the value's own components; a violation answers 422 and the field
 * keeps its value.
 *
 * <p>Constraints may sit on the implementation's parameters even when an interface declares the
 * method: services are usually written that way, which strict Bean Validation forbids.
 */
final class ArgumentValidation {
    private final Validator validator = Factory.INSTANCE.getValidator();
    private final Map<Method, Boolean> constrained = new ConcurrentHashMap<>();

    /** Throws 422 when {@code args} break a constraint of {@code m}; methods without constraints cost a map lookup. */
    void check(ServiceModel model, MethodModel m, Object[] args) {
        Object service = model.instance();
        if (!constrained.computeIfAbsent(m.method(), method -> hasConstraints(service, method))) {
            return;
        }
        Set<ConstraintViolation<Object>> violations = validator.forExecutables().validateParameters(service, m.method(), args);
        if (violations.isEmpty()) {
            return;
        }
        List<Map<String, String>> listed = violations.stream()
                .map(v -> violation(path(v), v.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> v) -> v.get("path")).thenComparing(v -> v.get("message")))
                .toList();
        Map<String, String> first = listed.get(0);
        String more = listed.size() == 1 ? "" : " (and " + (listed.size() - 1) + " more)";
        throw new ValidationException(422, "Invalid arguments of '" + m.signature() + "': " + first.get("path") + " "
                + first.get("message") + more, Map.of("violations", listed));
    }

    /** Throws 422 when writing {@code value} to property {@code p} would break a constraint of its field. */
    void checkProperty(ServiceModel model, PropertyModel p, Object value) {
        Class<?> owner = p.field().getDeclaringClass();
        if (!validator.getConstraintsForClass(owner).isBeanConstrained()) {
            return;
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Set<ConstraintViolation<?>> violations = (Set) validator.validateValue(owner, p.name(), value);
        Set<ConstraintViolation<?>> all = new java.util.LinkedHashSet<>(violations);
        boolean cascaded = p.field().isAnnotationPresent(jakarta.validation.Valid.class);
        if (cascaded && value != null) {
            all.addAll(validator.validate(value));
        }
        if (all.isEmpty()) {
            return;
        }
        List<Map<String, String>> listed = all.stream()
                .map(v -> violation(propertyPath(p.name(), v), v.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> v) -> v.get("path")).thenComparing(v -> v.get("message")))
                .toList();
        Map<String, String> first = listed.get(0);
        String more = listed.size() == 1 ? "" : " (and " + (listed.size() - 1) + " more)";
        throw new ValidationException(422, "Invalid value for property '" + p.name() + "' of " + model.id() + ": "
                + first.get("path") + " " + first.get("message") + more, Map.of("violations", listed));
    }

    /** A field's own violation is at its name; a cascaded one at {@code name.component}. */
    private static String propertyPath(String property, ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.isEmpty() || path.equals(property) ? property : property + "." + path;
    }

    private boolean hasConstraints(Object service, Method method) {
        MethodDescriptor descriptor = validator.getConstraintsForClass(service.getClass())
                .getConstraintsForMethod(method.getName(), method.getParameterTypes());
        return descriptor != null && (descriptor.hasConstrainedParameters() || descriptor.getCrossParameterDescriptor().hasConstraints());
    }

    private static Map<String, String> violation(String path, String message) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("path", path);
        v.put("message", message);
        return v;
    }

    /** The property path without its first node, the method's name: {@code register.user.email} is {@code user.email}. */
    private static String path(ConstraintViolation<?> violation) {
        String full = violation.getPropertyPath().toString();
        int dot = full.indexOf('.');
        return dot < 0 ? full : full.substring(dot + 1);
    }

    /** One factory per JVM: building it loads Hibernate Validator and its expression language once. */
    private static final class Factory {
        static final ValidatorFactory INSTANCE = Validation.byProvider(HibernateValidator.class)
                .configure()
                .allowOverridingMethodAlterParameterConstraint(true)
                .allowParallelMethodsDefineParameterConstraints(true)
                .buildValidatorFactory();
    }
}
