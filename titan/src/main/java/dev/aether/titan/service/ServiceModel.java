package dev.aether.titan.service;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.ServiceId;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.definition.MethodInfo;
import dev.aether.netron.protocol.definition.PropertyInfo;
import dev.aether.netron.protocol.definition.ServiceMetadata;
import dev.aether.titan.Auth;
import dev.aether.titan.Cacheable;
import dev.aether.titan.Principal;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * A service instance and what it exposes: its {@code @Public} methods and properties, each with
 * its access rule. Built once at registration by reflection; calls go through method handles.
 *
 * <p>{@code @Public} may sit on the implementation's method or on the same method of an
 * interface it implements. Overloaded public methods are rejected: Netron calls methods by name.
 */
public final class ServiceModel {
    private static final Pattern MEMBER_NAME = Pattern.compile("[\\w$][\\w$]*");

    private final ServiceId id;
    private final SemVer version;
    private final Object instance;
    private final String definitionId;
    private final Map<String, MethodModel> methods;
    private final Map<String, PropertyModel> properties;

    private ServiceModel(ServiceId id, Object instance, String definitionId,
                         Map<String, MethodModel> methods, Map<String, PropertyModel> properties) {
        this.id = id;
        this.version = SemVer.parse(id.version());
        this.instance = instance;
        this.definitionId = definitionId;
        this.methods = Collections.unmodifiableMap(methods);
        this.properties = Collections.unmodifiableMap(properties);
    }

    /** Introspects {@code instance}, whose class (or an interface of it) carries {@code @Service}. */
    public static ServiceModel of(Object instance) {
        Class<?> type = instance.getClass();
        ServiceId id = ServiceId.of(type);
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException("service class " + type.getName() + " must be public");
        }
        Auth typeRule = type.getAnnotation(Auth.class);
        Map<String, MethodModel> methods = new TreeMap<>();
        for (Method method : type.getMethods()) {
            if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())
                    || method.isBridge() || method.isSynthetic() || !isPublic(type, method)) {
                continue;
            }
            checkName(type, method.getName());
            MethodModel previous = methods.get(method.getName());
            if (previous != null) {
                throw new IllegalArgumentException("service " + id + " (" + type.getName() + ") has overloaded @Public methods "
                        + previous.signature() + " and " + method.getName() + ": Netron calls methods by name, so give them different names");
            }
            methods.put(method.getName(), new MethodModel(method.getName(), method, invoker(instance, method),
                    method.getGenericParameterTypes(), CompletionStage.class.isAssignableFrom(method.getReturnType()),
                    AccessRule.of(method.getAnnotation(Auth.class), typeRule),
                    cacheOf(type, method)));
        }
        Map<String, PropertyModel> properties = new TreeMap<>();
        for (Field field : type.getFields()) {
            Public exposed = field.getAnnotation(Public.class);
            if (exposed == null) {
                continue;
            }
            checkName(type, field.getName());
            if (methods.containsKey(field.getName())) {
                throw new IllegalArgumentException("service " + id + " exposes both a method and a property named '" + field.getName() + "'");
            }
            boolean readonly = exposed.readonly() || Modifier.isFinal(field.getModifiers());
            properties.put(field.getName(), new PropertyModel(field.getName(), field, varHandle(field), instance, readonly,
                    AccessRule.of(field.getAnnotation(Auth.class), typeRule)));
        }
        if (methods.isEmpty() && properties.isEmpty()) {
            throw new IllegalArgumentException("service " + id + " (" + type.getName()
                    + ") exposes nothing: mark the methods callers may use with @Public");
        }
        return new ServiceModel(id, instance, Uuid7.next(), methods, properties);
    }

    public ServiceId id() {
        return id;
    }

    SemVer version() {
        return version;
    }

    public Object instance() {
        return instance;
    }

    /** The UUIDv7 definition id callers may use instead of the name. */
    public String definitionId() {
        return definitionId;
    }

    /** The public method called {@code name}, or null. */
    public MethodModel method(String name) {
        return methods.get(name);
    }

    /** The public property called {@code name}, or null. */
    public PropertyModel property(String name) {
        return properties.get(name);
    }

    /**
     * The definition {@code principal} may see: only the members it may use. Null when it may use
     * none, so that the service's existence is not revealed.
     */
    public Definition definitionFor(Principal principal, boolean defaultDeny, String peerId) {
        Map<String, MethodInfo> visibleMethods = new LinkedHashMap<>();
        methods.forEach((name, m) -> {
            if (m.rule().permits(principal, defaultDeny)) {
                visibleMethods.put(name, m.info());
            }
        });
        Map<String, PropertyInfo> visibleProperties = new LinkedHashMap<>();
        properties.forEach((name, p) -> {
            if (p.rule().permits(principal, defaultDeny)) {
                visibleProperties.put(name, p.info());
            }
        });
        if (visibleMethods.isEmpty() && visibleProperties.isEmpty()) {
            return null;
        }
        return new Definition(definitionId, "", peerId,
                new ServiceMetadata(id.name(), id.version(), visibleProperties, visibleMethods));
    }

    /** The names of the public methods, for error messages. */
    public List<String> methodNames() {
        return new ArrayList<>(methods.keySet());
    }

    private static boolean isPublic(Class<?> type, Method method) {
        if (method.isAnnotationPresent(Public.class)) {
            return true;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                if (c.getDeclaredMethod(method.getName(), method.getParameterTypes()).isAnnotationPresent(Public.class)) {
                    return true;
                }
            } catch (NoSuchMethodException ignored) {
                // not declared at this level
            }
            for (Class<?> contract : c.getInterfaces()) {
                if (declaresPublic(contract, method)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean declaresPublic(Class<?> contract, Method method) {
        try {
            if (contract.getMethod(method.getName(), method.getParameterTypes()).isAnnotationPresent(Public.class)) {
                return true;
            }
        } catch (NoSuchMethodException ignored) {
            // not part of this interface
        }
        for (Class<?> parent : contract.getInterfaces()) {
            if (declaresPublic(parent, method)) {
                return true;
            }
        }
        return false;
    }

    private static MethodModel.Cache cacheOf(Class<?> type, Method method) {
        try {
            return MethodModel.Cache.of(method.getAnnotation(Cacheable.class));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type.getName() + "." + method.getName() + ": " + e.getMessage(), e);
        }
    }

    private static void checkName(Class<?> type, String name) {
        if (name.length() >= 256 || !MEMBER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("member '" + name + "' of " + type.getName() + " is not a valid Netron member name");
        }
    }

    private static MethodHandle invoker(Object instance, Method method) {
        try {
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method).bindTo(instance)
                    .asSpreader(Object[].class, method.getParameterCount());
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("cannot call " + method + ": make the class and method public", e);
        }
    }

    private static VarHandle varHandle(Field field) {
        try {
            field.setAccessible(true);
            return MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup()).unreflectVarHandle(field);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("cannot access " + field + ": make it public", e);
        }
    }

    @Override
    public String toString() {
        return "Service[" + id + " -> " + instance.getClass().getName() + "]";
    }
}
