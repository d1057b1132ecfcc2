package dev.jitjava;

import dev.jitjava.internal.engine.Engine;
import dev.jitjava.internal.method.Messages;
import dev.jitjava.internal.engine.MethodQueries;
import dev.jitjava.internal.method.Examples;
import dev.jitjava.runtime.DynamicInvoker;
import dev.jitjava.internal.bind.DynamicInvokers;
import dev.jitjava.generated.Anchor;
import dev.jitjava.internal.method.ArgumentTypes;
import dev.jitjava.internal.method.ExampleSpec;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.OwnerMethod;
import dev.jitjava.internal.method.Specs;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An object whose methods are named at the call, the Java analog of Python's {@code __getattr__}:
 * {@code o.call("countVowels", "hello")} writes {@code countVowels} on its first call, typed from
 * the arguments ({@code Integer} becomes {@code int}, an {@code ArrayList} of {@code Integer}s
 * becomes {@code List<Integer>}), and runs it. Overloads are distinct methods.
 *
 * <p>Generated code may call itself and the object's other methods by name, as in a class of its
 * own ({@code fib(n - 1)}, {@code isPrime(k)}), or as {@code self.call(...)}. Later calls
 * find the method through a per-name cache, with no reflection. Thread-safe, with the same
 * single-flight guarantee as {@link Jit#implement}.
 */
public final class JitObject {
    private final String namespace;
    private final Engine engine;
    private final Owner.DynamicObject owner;
    private static final Object[] NO_ARGUMENTS = {};

    private final ConcurrentHashMap<String, List<Bound>> byName = new ConcurrentHashMap<>();
    /**
     * The method called last: a repeated call of it skips even the map. Not volatile on purpose: a
     * thread that sees an older value checks it like any other and falls back to the map.
     */
    private Bound last;
    /** The method called before {@link #last}: a loop that calls two methods in turn skips the map for both. */
    private Bound before;
    /**
     * Calls {@link #before} served since it last became {@link #last}: after {@link #PROMOTE_AFTER} it does, so
     * that a loop that now calls only it finds it first, while two methods called in turn swap places only
     * now and then (a swap writes two references, which the garbage collector's write barriers make dear).
     */
    private int beforeHits;
    private static final int PROMOTE_AFTER = 16;

    /**
     * A generated method as dynamic calls see it: the boxed parameter types, and an invoker taking an array
     * or a few arguments.
     *
     * @param boxedReturn the return type, boxed; null for {@code void}
     */
    private record Bound(MethodKey key, String name, Class<?>[] parameters, Class<?> returnType, Class<?> boxedReturn,
                         DynamicInvoker invoker) {
        /** Whether a call asking for {@code wanted} (null: for whatever it returns) takes the result as it is. */
        boolean returns(Class<?> wanted) {
            return wanted == null || wanted == boxedReturn || wanted == returnType && boxedReturn != null;
        }

        boolean accepts(Object[] args) {
            if (args.length != parameters.length) {
                return false;
            }
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i];
                // The exact class first: one compare, where isInstance with a class that is not a
                // constant walks the hierarchy; boxes and strings are final, so this is the usual answer.
                if (arg != null && arg.getClass() != parameters[i] && !parameters[i].isInstance(arg)) {
                    return false;
                }
            }
            return true;
        }
    }

    JitObject(String namespace, Engine engine) {
        this.namespace = namespace;
        this.engine = engine;
        this.owner = new Owner.DynamicObject(namespace);
    }

    /** {@return the namespace this object was made for, as {@link Jit#object(String)} was given it} */
    public String namespace() {
        return namespace;
    }

    /**
     * Calls a method, writing it first if it does not exist. Its return type is the model's choice
     * ({@code void} gives {@code null}). Exceptions thrown by the method reach the caller unchanged.
     * Calls of up to three arguments take the overloads without an array, which allocate nothing
     * once the method exists (when its arguments and result are references or small boxed values).
     *
     * @param method the method's name
     * @param args   the arguments, which type the method on its first call
     * @return what the method returned, boxed
     */
    public Object call(String method, Object... args) {
        return call(method, null, args);
    }

    /**
     * Calls a method that takes no argument, as {@link #call(String, Object...)} does, without an array.
     *
     * @param method the method's name
     * @return what the method returned, boxed
     */
    public Object call(String method) {
        return dispatch(method, null, null, 0, null, null, null);
    }

    /**
     * Calls a method with one argument, as {@link #call(String, Object...)} does, without an array.
     *
     * @param method the method's name
     * @param arg    the argument, which types the method on its first call
     * @return what the method returned, boxed
     */
    public Object call(String method, Object arg) {
        return dispatch(method, null, null, 1, arg, null, null);
    }

    /**
     * Calls a method with two arguments, as {@link #call(String, Object...)} does, without an array.
     *
     * @param method the method's name
     * @param arg1   the first argument
     * @param arg2   the second argument
     * @return what the method returned, boxed
     */
    public Object call(String method, Object arg1, Object arg2) {
        return dispatch(method, null, null, 2, arg1, arg2, null);
    }

    /**
     * Calls a method with three arguments, as {@link #call(String, Object...)} does, without an array.
     *
     * @param method the method's name
     * @param arg1   the first argument
     * @param arg2   the second argument
     * @param arg3   the third argument
     * @return what the method returned, boxed
     */
    public Object call(String method, Object arg1, Object arg2, Object arg3) {
        return dispatch(method, null, null, 3, arg1, arg2, arg3);
    }

    /**
     * Calls a method that returns {@code returnType} ({@code Integer.class} asks for an {@code int} method).
     * Calls of up to three arguments take the overloads without an array, which allocate nothing once
     * the method exists (when its arguments and result are references or small boxed values).
     *
     * @param <R>        the return type
     * @param returnType its class
     * @param method     the method's name
     * @param args       the arguments, which type the method on its first call
     * @return what the method returned
     */
    public <R> R call(Class<R> returnType, String method, Object... args) {
        return returned(call(method, Objects.requireNonNull(returnType, "returnType"), args));
    }

    /**
     * Calls a method that takes no argument and returns {@code returnType}, without an array.
     *
     * @param <R>        the return type
     * @param returnType its class ({@code Integer.class} asks for an {@code int} method)
     * @param method     the method's name
     * @return what the method returned
     */
    public <R> R call(Class<R> returnType, String method) {
        return returned(dispatch(method, Objects.requireNonNull(returnType, "returnType"), null, 0, null,
                null, null));
    }

    /**
     * Calls a method with one argument that returns {@code returnType}, without an array:
     * {@code int n = o.call(Integer.class, "countVowels", text)}.
     *
     * @param <R>        the return type
     * @param returnType its class ({@code Integer.class} asks for an {@code int} method)
     * @param method     the method's name
     * @param arg        the argument, which types the method on its first call
     * @return what the method returned
     */
    public <R> R call(Class<R> returnType, String method, Object arg) {
        return returned(dispatch(method, Objects.requireNonNull(returnType, "returnType"), null, 1, arg,
                null, null));
    }

    /**
     * Calls a method with two arguments that returns {@code returnType}, without an array.
     *
     * @param <R>        the return type
     * @param returnType its class ({@code Integer.class} asks for an {@code int} method)
     * @param method     the method's name
     * @param arg1       the first argument
     * @param arg2       the second argument
     * @return what the method returned
     */
    public <R> R call(Class<R> returnType, String method, Object arg1, Object arg2) {
        return returned(dispatch(method, Objects.requireNonNull(returnType, "returnType"), null, 2, arg1,
                arg2, null));
    }

    /**
     * Calls a method with three arguments that returns {@code returnType}, without an array.
     *
     * @param <R>        the return type
     * @param returnType its class ({@code Integer.class} asks for an {@code int} method)
     * @param method     the method's name
     * @param arg1       the first argument
     * @param arg2       the second argument
     * @param arg3       the third argument
     * @return what the method returned
     */
    public <R> R call(Class<R> returnType, String method, Object arg1, Object arg2, Object arg3) {
        return returned(dispatch(method, Objects.requireNonNull(returnType, "returnType"), null, 3, arg1,
                arg2, arg3));
    }

    /**
     * A method to describe before its first call: {@code o.method("fizzbuzz").describe("...").returns(String.class).call(15)}.
     *
     * @param name the method's name
     * @return the method, to describe and call
     */
    public JitMethod<Object> method(String name) {
        Objects.requireNonNull(name, "name");
        return new JitMethod<>(this, name, "", Object.class, false, List.of());
    }

    /**
     * The current source of a method.
     *
     * @param method its name, or its signature if it is overloaded: {@code countVowels(java.lang.String)}
     * @return the source it runs
     */
    public String source(String method) {
        return engine.source(key(method));
    }

    /**
     * Writes a new version of a method from feedback and rebinds it.
     *
     * @param method   its name, or its signature if it is overloaded
     * @param feedback what to change, in words
     * @param examples examples the new version must pass, kept from then on
     * @return the new version
     */
    public Version improve(String method, String feedback, Example.Case... examples) {
        Objects.requireNonNull(feedback, "feedback");
        return engine.improve(key(method), feedback, Examples.specs(examples));
    }

    /**
     * Every version of a method, oldest first.
     *
     * @param method its name, or its signature if it is overloaded
     * @return its versions
     */
    public List<Version> history(String method) {
        return engine.history(key(method));
    }

    @Override
    public String toString() {
        return "JitObject[" + namespace + "]";
    }

    /** A call with an array of arguments: the method called last, if it fits; else the way that finds or writes one. */
    private Object call(String method, Class<?> returnType, Object[] args) {
        Bound recent = last;
        if (recent != null && recent.name() == method && args != null && recent.returns(returnType)) {
            Object result;
            try {
                result = recent.invoker().invoke(this, args);
            } catch (Throwable thrown) {
                throw JitObject.<RuntimeException>sneaky(thrown);
            }
            if (result != DynamicInvoker.MISS) {
                return result;
            }
        }
        return invoke(method, returnType, "", List.of(), args);
    }

    /**
     * A call of {@code count} (up to three) arguments, without an array: the hot path, small enough for
     * the JIT compiler to inline into the caller, where {@code count} is a constant. The method called
     * last or the one before it, named by the same string and returning what is asked for; its invoker
     * checks the arguments.
     *
     * @param returnType what the caller asks for, null for anything
     * @param described  the {@code JitMethod} called, which says how to write the method; null for {@code call}
     */
    Object dispatch(String name, Class<?> returnType, JitMethod<?> described, int count, Object first, Object second,
                    Object third) {
        Object result = invokeIfNamed(last, name, returnType, count, first, second, third);
        if (result == DynamicInvoker.MISS) {
            Bound earlier = before;
            result = invokeIfNamed(earlier, name, returnType, count, first, second, third);
            if (result != DynamicInvoker.MISS && ++beforeHits >= PROMOTE_AFTER) {
                beforeHits = 0;
                remember(earlier);
            }
        }
        return result != DynamicInvoker.MISS ? result
                : dispatchAgain(name, returnType, described, count, first, second, third);
    }

    /** Runs {@code bound} if it is named by this very string, returns what is asked and takes the arguments. */
    private Object invokeIfNamed(Bound bound, String name, Class<?> returnType, int count, Object first, Object second,
                                 Object third) {
        return bound != null && bound.name() == name && bound.returns(returnType)
                ? invoke(bound, count, first, second, third) : DynamicInvoker.MISS;
    }

    /**
     * Neither of the methods called last: another method of that name that fits, still without an array
     * (a loop that calls three methods in turn allocates nothing), else the way that finds or writes one.
     */
    private Object dispatchAgain(String name, Class<?> returnType, JitMethod<?> described, int count, Object first,
                                 Object second, Object third) {
        List<Bound> candidates = name == null ? null : byName.get(name);
        for (int i = 0; candidates != null && i < candidates.size(); i++) {
            Bound bound = candidates.get(i);
            if (bound.returns(returnType)) {
                Object result = invoke(bound, count, first, second, third);
                if (result != DynamicInvoker.MISS) {
                    remember(bound);
                    return result;
                }
            }
        }
        Object[] args = switch (count) {
            case 0 -> NO_ARGUMENTS;
            case 1 -> new Object[]{first};
            case 2 -> new Object[]{first, second};
            default -> new Object[]{first, second, third};
        };
        return described != null ? described.invoke(args) : invoke(name, returnType, "", List.of(), args);
    }

    /** Makes {@code bound} the method called last, and the one called last before it. */
    private void remember(Bound bound) {
        Bound recent = last;
        if (bound != recent) {
            before = recent;
            last = bound;
        }
    }

    /** Runs {@code bound} if the arguments fit it, its exceptions unchanged; {@link DynamicInvoker#MISS} if not. */
    private Object invoke(Bound bound, int count, Object first, Object second, Object third) {
        try {
            return bound.invoker().invoke(this, count, first, second, third);
        } catch (Throwable thrown) {
            throw JitObject.<RuntimeException>sneaky(thrown);
        }
    }

    Object invoke(String name, Class<?> returnType, String description, List<ExampleSpec> examples, Object[] given) {
        return invoke(name, returnType, returnType, List.of(), description, examples, given);
    }

    /**
     * @param genericReturn  the return type as the caller gave it, generics included (its erasure is
     *                       {@code returnType}), or null
     * @param parameterNames the parameters' names for the prompt, or none
     */
    Object invoke(String name, Class<?> returnType, java.lang.reflect.Type genericReturn, List<String> parameterNames,
                  String description, List<ExampleSpec> examples, Object[] given) {
        Objects.requireNonNull(name, "method");
        Object[] args = given == null ? new Object[]{null} : given;
        if (!parameterNames.isEmpty() && parameterNames.size() != args.length) {
            throw new IllegalArgumentException("parameters(...) names " + parameterNames.size() + " parameters, but the "
                    + "call passes " + args.length + " arguments, for method " + namespace + "." + name);
        }
        Bound recent = last;
        Bound bound = recent != null && recent.key().name().equals(name) && recent.accepts(args) ? recent
                : find(name, args);
        if (bound == null) {
            bound = create(name, args, genericReturn, parameterNames, description, examples);
        }
        if (returnType != null) {
            checkReturn(bound, returnType);
        }
        remember(bound);
        Object result;
        try {
            result = bound.invoker().invoke(this, args);
        } catch (Throwable thrown) {
            throw JitObject.<RuntimeException>sneaky(thrown);
        }
        if (result == DynamicInvoker.MISS) { // accepts() said yes: a null where the method takes a primitive
            throw new NullPointerException(Messages.forMethod(bound.key(),
                    "An argument is null where the method takes a primitive"));
        }
        return result;
    }

    private Bound find(String name, Object[] args) {
        List<Bound> candidates = byName.get(name);
        if (candidates != null) {
            for (Bound bound : candidates) {
                if (bound.accepts(args)) {
                    return bound;
                }
            }
        }
        return null;
    }

    private Bound create(String name, Object[] args, java.lang.reflect.Type returnType, List<String> parameterNames,
                         String description, List<ExampleSpec> examples) {
        MethodKey key;
        if (Arrays.asList(args).contains(null)) {
            key = existing(name, args);
        } else {
            List<String> others = new ArrayList<>();
            List<OwnerMethod> siblings = new ArrayList<>();
            for (Engine.Entry entry : engine.entriesOf(owner.id())) {
                MethodSpec other = entry.spec();
                // A method bound already is called with the type it returns, which the caller may have left open.
                OwnerMethod sibling = OwnerMethod.of(other, entry.site() == null ? null : entry.site().type().returnType());
                siblings.add(sibling);
                others.add(other.description().isEmpty() ? sibling.signature()
                        : sibling.signature() + "  // " + other.description());
            }
            MethodSpec spec = Specs.forDynamicCall(owner, name, args, returnType, parameterNames, description,
                    examples, others, siblings);
            key = engine.register(spec.key(), () -> spec, null).key();
        }
        engine.link(key);
        Engine.Entry entry = engine.entry(key).orElseThrow();
        MethodType type = entry.site().type();
        Class<?>[] parameters = type.dropParameterTypes(0, 1).parameterList().stream()
                .map(ArgumentTypes::boxed).toArray(Class<?>[]::new);
        Class<?> returned = type.returnType();
        Bound bound = new Bound(key, name, parameters, returned, returned == void.class ? null : ArgumentTypes.boxed(returned),
                DynamicInvokers.create(Anchor.class, entry.site()));
        byName.compute(name, (n, list) -> {
            List<Bound> updated = new ArrayList<>(list == null ? List.of() : list);
            updated.removeIf(b -> b.key().equals(key));
            updated.add(bound);
            return List.copyOf(updated);
        });
        return bound;
    }

    /** With a null argument the type is unknown; only a method that exists already can be meant. */
    private MethodKey existing(String name, Object[] args) {
        List<MethodKey> matches = new ArrayList<>();
        for (Engine.Entry entry : engine.entriesOf(owner.id())) {
            MethodSpec spec = entry.spec();
            if (spec.name().equals(name) && spec.parameters().size() == args.length && matches(spec, args)) {
                matches.add(spec.key());
            }
        }
        if (matches.size() != 1) {
            int index = Arrays.asList(args).indexOf(null);
            throw new JitException("Cannot tell the type of argument " + (index + 1) + " from null, and no one "
                    + "method named " + name + " exists yet to take it: pass a value that is not null on the "
                    + "first call, for method " + namespace + "." + name);
        }
        return matches.get(0);
    }

    private static boolean matches(MethodSpec spec, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            Class<?> type = ArgumentTypes.boxed(spec.parameters().get(i).type());
            if (args[i] != null && !type.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static void checkReturn(Bound bound, Class<?> wanted) {
        Class<?> actual = ArgumentTypes.boxed(bound.returnType());
        if (bound.returnType() == void.class || !ArgumentTypes.boxed(wanted).isAssignableFrom(actual)) {
            throw new JitException(Messages.forMethod(bound.key(), "The method returns " + bound.returnType().getName()
                    + ", not " + wanted.getName()));
        }
    }

    private MethodKey key(String method) {
        List<MethodKey> keys = engine.entriesOf(owner.id()).stream().map(Engine.Entry::key).toList();
        return MethodQueries.resolve(keys, method, namespace);
    }

    /** What a typed call returns: the engine checked the method's return type against the one asked for. */
    @SuppressWarnings("unchecked")
    private static <R> R returned(Object value) {
        return (R) value;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
