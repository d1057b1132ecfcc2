package dev.jitjava.internal.method;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes reflected types as Java source, the way a user would write them ({@code List<Integer>},
 * {@code Map.Entry<String, Integer>}, {@code JitTest.Point}), and collects what the generated
 * source must import and which of the user's own types the prompt should describe.
 */
public final class TypeText {
    /** Packages whose types the generated source sees without a single-type import. */
    static final Set<String> OPEN_PACKAGES = Set.of("java.lang", "java.util", "java.util.function", "java.util.stream");

    private final String ownerPackage;
    private final Set<String> imports = new LinkedHashSet<>();
    private final Set<Class<?>> userTypes = new LinkedHashSet<>();
    private final Set<String> nestedNames = new java.util.HashSet<>();

    public TypeText(String ownerPackage) {
        this.ownerPackage = ownerPackage;
    }

    public Set<String> imports() {
        return imports;
    }

    public Set<Class<?>> userTypes() {
        return userTypes;
    }

    public String render(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? render(c.getComponentType()) + "[]" : name(c);
        }
        if (type instanceof ParameterizedType p) {
            StringBuilder args = new StringBuilder();
            for (Type argument : p.getActualTypeArguments()) {
                args.append(args.length() == 0 ? "" : ", ").append(render(argument));
            }
            return render(p.getRawType()) + "<" + args + ">";
        }
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + render(w.getLowerBounds()[0]);
            }
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + render(upper);
        }
        if (type instanceof TypeVariable<?> v) {
            return v.getName();
        }
        if (type instanceof GenericArrayType g) {
            return render(g.getGenericComponentType()) + "[]";
        }
        return type.getTypeName();
    }

    /** {@code <T extends Comparable<T>>}, or "" when there are none. */
    public String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Stream.of(variables).map(v -> {
            String bounds = Stream.of(v.getBounds()).filter(b -> b != Object.class)
                    .map(this::render).collect(Collectors.joining(" & "));
            return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + bounds;
        }).collect(Collectors.joining(", ", "<", ">"));
    }

    private String name(Class<?> c) {
        if (c.isPrimitive()) {
            return c.getName();
        }
        Class<?> top = c;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        if (!isJdk(c)) {
            userTypes.add(c);
        }
        String canonical = c.getCanonicalName();
        if (canonical == null) {
            return c.getName();
        }
        String pkg = top.getPackageName();
        String path = pkg.isEmpty() ? canonical : canonical.substring(pkg.length() + 1);
        if (!OPEN_PACKAGES.contains(pkg) && !pkg.equals(ownerPackage)) {
            imports.add(top.getCanonicalName());
            if (top != c && !isJdk(c) && nestedNames.add(c.getSimpleName())) {
                // answers name a nested type by its simple name (ListNode, not Problem.ListNode): both work
                imports.add(canonical);
            }
        }
        return path;
    }

    public static boolean isJdk(Class<?> c) {
        return isJdk(c.getClassLoader());
    }

    /** Whether classes of this loader are the JDK's: the boot or the platform class loader. */
    public static boolean isJdk(ClassLoader loader) {
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }
}
