package dev.jitjava.internal.method;

import dev.jitjava.Describe;
import dev.jitjava.Example;
import dev.jitjava.Model;
import dev.jitjava.spi.MethodRequest;

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

    public static MethodKey key(Owner owner, Method method) {
        return new MethodKey(owner.id(), owner.label(), method.getName(), typeNames(method.getParameterTypes()));
    }

    /** The specs of an interface's abstract methods, in order, each with the interface's other methods as context. */
    public static List<MethodSpec> forInterface(Owner.Interface owner, List<Method> methods) {
        Class<?> iface = owner.type();
        TypeText text = new TypeText(owner.packageName());
        List<String> abstractLines = new ArrayList<>();
        for (Method method : methods) {
            abstractLines.add(describeOther(method, text, ""));
        }
        List<String> defaultLines = new ArrayList<>();
        List<Method> defaults = InterfaceMethods.defaults(iface);
        for (Method method : defaults) {
            defaultLines.add(describeOther(method, text, "default "));
        }
        List<OwnerMethod> callable = new ArrayList<>();
        for (Method method : methods) {
            callable.add(ownerMethod(method, text));
        }
        for (Method method : defaults) {
            callable.add(ownerMethod(method, text));
        }
        List<MethodSpec> specs = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            List<String> others = new ArrayList<>(abstractLines);
            others.remove(i);
            others.addAll(defaultLines);
            specs.add(forInterfaceMethod(owner, methods.get(i), others, text.imports(), callable));
        }
        ParameterNames.warnIfSynthetic(iface, methods, specs);
        return specs;
    }

    private static OwnerMethod ownerMethod(Method method, TypeText text) {
        List<String> exceptions = new ArrayList<>();
        for (Type exception : method.getGenericExceptionTypes()) {
            exceptions.add(text.render(exception));
        }
        return new OwnerMethod(method.getName(), parameters(method, text), method.getReturnType(),
                text.render(method.getGenericReturnType()), method.isVarArgs(), Set.of(),
                text.typeParameters(method.getTypeParameters()), exceptions);
    }

    private static MethodSpec forInterfaceMethod(Owner.Interface owner, Method method, List<String> others,
                                                 Set<String> otherImports, List<OwnerMethod> callable) {
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
        return MethodSpec.builder(key(owner, method), owner).typeParameters(typeParameters)
                .returns(method.getReturnType(), returnSource).parameters(parameters)
                .exceptions(exceptions, List.of(method.getExceptionTypes()))
                .description(describe == null ? "" : describe.value()).examples(examples).otherMethods(others)
                .imports(imports).signatureTypes(text.userTypes()).model(modelOf(method)).ownerMethods(callable).build();
    }

    /**
     * The spec of a dynamic method, typed from the arguments of its first call.
     *
     * @param returnType the type the caller asked for, or {@code null} for "anything, void included"
     */
    public static MethodSpec forDynamicCall(Owner.DynamicObject owner, String name, Object[] args, Class<?> returnType,
                                            String description, List<ExampleSpec> examples,
                                            List<String> otherMethods) {
        return forDynamicCall(owner, name, args, returnType, List.of(), description, examples, otherMethods, List.of());
    }

    /**
     * The spec of a dynamic method, typed from the arguments of its first call.
     *
     * @param returnType     the type the caller asked for (a {@code Class}, or a generic type whose erasure
     *                       is the type asked for), or {@code null} for "anything, void included"
     * @param parameterNames the parameters' names, or none to derive them from their types
     * @param siblings       the object's methods so far, which its code may call by name
     */
    public static MethodSpec forDynamicCall(Owner.DynamicObject owner, String name, Object[] args, Type returnType,
                                            List<String> parameterNames, String description,
                                            List<ExampleSpec> examples, List<String> otherMethods,
                                            List<OwnerMethod> siblings) {
        TypeText text = new TypeText(owner.packageName());
        Names names = new Names();
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            Type type = ArgumentTypes.parameterType(args[i]);
            Class<?> erased = ArgumentTypes.erase(type);
            String parameterName = i < parameterNames.size() ? parameterNames.get(i) : names.next(erased);
            parameters.add(new Parameter(parameterName, erased, text.render(type), erased.descriptorString(),
                    args[i].getClass()));
        }
        Class<?> declared = returnType == null ? Object.class : ArgumentTypes.unboxed(ArgumentTypes.erase(returnType));
        String returnSource = returnType instanceof Class<?> || returnType == null ? text.render(declared)
                : text.render(returnType);
        MethodKey key = new MethodKey(owner.id(), owner.label(), name,
                parameters.stream().map(p -> p.type().getTypeName()).toList());
        List<OwnerMethod> callable = new ArrayList<>();
        for (OwnerMethod sibling : siblings) {
            if (!sibling.name().equals(name) || !sibling.parameters().stream().map(Parameter::type).toList()
                    .equals(parameters.stream().map(Parameter::type).toList())) {
                callable.add(sibling);
            }
        }
        callable.add(new OwnerMethod(name, parameters, declared, returnSource, false, Set.of()));
        Set<String> imports = new LinkedHashSet<>(text.imports());
        siblings.forEach(sibling -> imports.addAll(sibling.imports()));
        return MethodSpec.builder(key, owner)
                .returns(declared, returnSource, returnType == null ? null : declared.descriptorString(),
                        returnType == null)
                .parameters(parameters).description(description).examples(examples).otherMethods(otherMethods)
                .imports(imports).signatureTypes(text.userTypes()).ownerMethods(callable).build();
    }

    /**
     * The spec of a host's static method, as its call site describes it: its types are the host's
     * text and descriptors, as a program's own types may not be loadable yet.
     */
    public static MethodSpec forHost(Owner.Hosted owner, MethodRequest request) {
        List<Parameter> parameters = new ArrayList<>();
        for (MethodRequest.Parameter p : request.parameters()) {
            parameters.add(new Parameter(p.name(), null, p.source(), p.descriptor()));
        }
        MethodKey key = new MethodKey(owner.id(), owner.label(), request.name(),
                request.parameters().stream().map(MethodRequest.Parameter::typeName).toList());
        return MethodSpec.builder(key, owner)
                // any return type passes the signature check: the host compiles the method where it is called,
                // and its calls say whether the type fits (the request's type is what the prompt asks for)
                .returns(null, request.returns(), null, true)
                .parameters(parameters).description(request.description())
                .examples(Examples.specs(request.examples().toArray(Example.Case[]::new)))
                .context(request.context()).build();
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
