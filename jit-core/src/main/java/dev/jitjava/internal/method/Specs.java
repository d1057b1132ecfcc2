package dev.jitjava.internal.method;

import dev.jitjava.Describe;
import dev.jitjava.Example;
import dev.jitjava.Model;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds {@link MethodSpec}s: from an interface's reflected methods, or from the arguments of a dynamic call. */
public final class Specs {
    private Specs() {
    }

    /** The owner of an interface's generated methods: their classes go into the interface's package. */
    public static Owner interfaceOwner(Class<?> iface) {
        Describe describe = iface.getAnnotation(Describe.class);
        String canonical = iface.getCanonicalName();
        String pkg = iface.getPackageName();
        String selfSource = pkg.isEmpty() ? canonical : canonical.substring(pkg.length() + 1);
        return new Owner(iface.getName(), iface.getSimpleName(), describe == null ? "" : describe.value(),
                iface, iface, selfSource);
    }

    /** The owner of a {@code JitObject}'s methods. */
    public static Owner objectOwner(String namespace, Class<?> selfType, Class<?> anchor) {
        return new Owner("object/" + namespace, namespace, "", anchor, selfType, selfType.getCanonicalName());
    }

    public static MethodKey key(Owner owner, Method method) {
        return new MethodKey(owner.qualifiedName(), owner.label(), method.getName(),
                typeNames(method.getParameterTypes()));
    }

    /** The specs of an interface's abstract methods, in order, each with the interface's other methods as context. */
    public static List<MethodSpec> forInterface(Owner owner, List<Method> methods) {
        Class<?> iface = owner.selfType();
        TypeText text = new TypeText(owner.packageName());
        List<String> abstractLines = new ArrayList<>();
        for (Method method : methods) {
            abstractLines.add(describeOther(method, text, ""));
        }
        List<String> defaultLines = new ArrayList<>();
        for (Method method : InterfaceMethods.defaults(iface)) {
            defaultLines.add(describeOther(method, text, "default "));
        }
        List<MethodSpec> specs = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            List<String> others = new ArrayList<>(abstractLines);
            others.remove(i);
            others.addAll(defaultLines);
            specs.add(forInterfaceMethod(owner, methods.get(i), others, text.imports()));
        }
        ParameterNames.warnIfSynthetic(iface, methods, specs);
        return specs;
    }

    private static MethodSpec forInterfaceMethod(Owner owner, Method method, List<String> others,
                                                 Set<String> otherImports) {
        TypeText text = new TypeText(owner.packageName());
        String typeParameters = text.typeParameters(method.getTypeParameters());
        String returnSource = text.render(method.getGenericReturnType());
        List<Parameter> parameters = parameters(method, text);
        List<String> exceptions = new ArrayList<>();
        for (Type exception : method.getGenericExceptionTypes()) {
            exceptions.add(text.render(exception));
        }
        Describe describe = method.getAnnotation(Describe.class);
        List<ExampleSpec> examples = new ArrayList<>();
        // getAnnotationsByType looks up the @Repeatable container, which has the JDK build annotation
        // proxies (ProxyGenerator, tens of milliseconds at start-up): only when there is anything to find.
        Example[] given = method.getDeclaredAnnotations().length == 0 ? new Example[0]
                : method.getAnnotationsByType(Example.class);
        for (Example e : given) {
            examples.add(new ExampleSpec(e.call(), e.returns(), e.thrown() == Example.None.class ? "" : e.thrown().getName()));
        }
        Set<String> imports = new LinkedHashSet<>(text.imports());
        imports.addAll(otherImports); // generated code may call the other methods, with their types
        return new MethodSpec(key(owner, method), owner, typeParameters, method.getReturnType(), returnSource, false,
                parameters, exceptions, List.of(method.getExceptionTypes()), describe == null ? "" : describe.value(),
                examples, others, imports, text.userTypes(), modelOf(method));
    }

    /**
     * The spec of a dynamic method, typed from the arguments of its first call.
     *
     * @param returnType the type the caller asked for, or {@code null} for "anything, void included"
     */
    public static MethodSpec forDynamicCall(Owner owner, String name, Object[] args, Class<?> returnType,
                                            String description, List<ExampleSpec> examples,
                                            List<String> otherMethods) {
        TypeText text = new TypeText(owner.packageName());
        Names names = new Names();
        List<Parameter> parameters = new ArrayList<>();
        for (Object arg : args) {
            Type type = ArgumentTypes.parameterType(arg);
            Class<?> erased = ArgumentTypes.erase(type);
            parameters.add(new Parameter(names.next(erased), erased, text.render(type)));
        }
        Class<?> declared = returnType == null ? Object.class : ArgumentTypes.unboxed(returnType);
        MethodKey key = new MethodKey(owner.qualifiedName(), owner.label(), name,
                parameters.stream().map(p -> p.type().getTypeName()).toList());
        return new MethodSpec(key, owner, "", declared, text.render(declared), returnType == null, parameters,
                List.of(), List.of(), description, examples, otherMethods, text.imports(), text.userTypes(), "");
    }

    private static List<String> typeNames(Class<?>[] types) {
        List<String> names = new ArrayList<>(types.length);
        for (Class<?> type : types) {
            names.add(type.getTypeName());
        }
        return names;
    }

    private static String modelOf(Method method) {
        Model model = method.getAnnotation(Model.class);
        if (model == null) {
            model = method.getDeclaringClass().getAnnotation(Model.class);
        }
        return model == null ? "" : model.value();
    }

    private static List<Parameter> parameters(Method method, TypeText text) {
        Names names = new Names();
        java.lang.reflect.Parameter[] reflected = method.getParameters();
        Type[] generic = method.getGenericParameterTypes();
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < reflected.length; i++) {
            String source = text.render(generic[i]);
            if (reflected[i].isVarArgs()) {
                source = source.substring(0, source.length() - 2) + "...";
            }
            Class<?> type = reflected[i].getType();
            String name = reflected[i].isNamePresent() ? reflected[i].getName() : names.next(type);
            parameters.add(new Parameter(name, type, source));
        }
        return parameters;
    }

    private static String describeOther(Method method, TypeText text, String prefix) {
        StringBuilder params = new StringBuilder();
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            params.append(params.length() == 0 ? "" : ", ").append(text.render(p.getParameterizedType()))
                    .append(p.isNamePresent() ? " " + p.getName() : "");
        }
        String signature = prefix + text.render(method.getGenericReturnType()) + " " + method.getName()
                + "(" + params + ")";
        Describe describe = method.getAnnotation(Describe.class);
        return describe == null ? signature : signature + "  // " + describe.value();
    }
}
