package dev.jitjava.internal.store;

import dev.jitjava.internal.bind.Fingerprint;
import dev.jitjava.internal.method.DescribeTexts;
import dev.jitjava.internal.method.InterfaceMethods;
import dev.jitjava.internal.method.TypeText;
import dev.jitjava.internal.prompt.Prompts;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fingerprint of an interface's specs: every abstract method's key and {@link SpecRecord}
 * (signature with generics and without parameter names, {@code @Describe}, the interface's
 * {@code @Describe}, the prompt version), so the same things the store compares to tell a stored
 * method is stale. jit-java's annotation processor computes it from {@code javax.lang.model}
 * elements and writes it into the class it generates; {@code Jit.implement} computes it from
 * reflection with {@link #of(Class)} and uses that class only when both agree. Examples are not
 * part of it, as they are not part of {@link SpecRecord#hash()}: they are checks.
 */
public final class SpecFingerprint {
    private SpecFingerprint() {
    }

    /**
     * One abstract method.
     *
     * @param key  {@code countVowels(java.lang.String)}: the name and erased parameter types, as the store's file names spell them
     * @param spec what it is asked to be
     */
    public record Entry(String key, SpecRecord spec) {
    }

    private static final Comparator<Entry> BY_KEY = Comparator.comparing(Entry::key);

    /** The fingerprint of these methods of {@code owner} (the interface's binary name), in any order. */
    public static String of(String owner, List<Entry> methods) {
        List<Entry> sorted = new ArrayList<>(methods);
        sorted.sort(BY_KEY);
        StringBuilder text = new StringBuilder(owner).append('\n');
        for (Entry method : sorted) {
            SpecRecord spec = method.spec();
            text.append(method.key()).append('\u0000').append(spec.signature()).append('\u0000')
                    .append(spec.description()).append('\u0000').append(spec.context()).append('\u0000')
                    .append(spec.prompt()).append('\n');
        }
        return Fingerprint.of(text);
    }

    /** The fingerprint of an interface as it is loaded, from reflection (without building annotation proxies). */
    public static String of(Class<?> iface) {
        return of(iface.getName(), entries(iface));
    }

    /** The interface's abstract methods with their specs, from reflection, in {@link InterfaceMethods#toGenerate} order. */
    public static List<Entry> entries(Class<?> iface) {
        TypeText text = new TypeText(iface.getPackageName());
        Map<Class<?>, DescribeTexts> describes = new HashMap<>();
        DescribeTexts own = DescribeTexts.of(iface);
        describes.put(iface, own);
        String context = own.ofClass();
        List<Entry> entries = new ArrayList<>();
        for (Method method : InterfaceMethods.toGenerate(iface)) {
            DescribeTexts declaring = describes.get(method.getDeclaringClass());
            if (declaring == null) {
                declaring = DescribeTexts.of(method.getDeclaringClass());
                describes.put(method.getDeclaringClass(), declaring);
            }
            SpecRecord spec = new SpecRecord(typeSignature(method, text), declaring.of(method), List.of(), context,
                    Prompts.VERSION);
            entries.add(new Entry(key(method), spec));
        }
        return entries;
    }

    /** {@code countVowels(java.lang.String)}, as {@code MethodKey.signature()} spells it. */
    static String key(Method method) {
        StringBuilder key = new StringBuilder(method.getName()).append('(');
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            key.append(i == 0 ? "" : ",").append(types[i].getTypeName());
        }
        return key.append(')').toString();
    }

    /** {@code <T> List<T> firstN(List<T>, int) throws IOException}, as {@code MethodSpec.typeSignature()} writes it. */
    static String typeSignature(Method method, TypeText text) {
        StringBuilder signature = new StringBuilder();
        String typeParameters = text.typeParameters(method.getTypeParameters());
        if (!typeParameters.isEmpty()) {
            signature.append(typeParameters).append(' ');
        }
        signature.append(text.render(method.getGenericReturnType())).append(' ').append(method.getName()).append('(');
        Type[] parameters = method.getGenericParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            String source = text.render(parameters[i]);
            if (i == parameters.length - 1 && method.isVarArgs()) {
                source = source.substring(0, source.length() - 2) + "...";
            }
            signature.append(i == 0 ? "" : ", ").append(source);
        }
        signature.append(')');
        Type[] exceptions = method.getGenericExceptionTypes();
        for (int i = 0; i < exceptions.length; i++) {
            signature.append(i == 0 ? " throws " : ", ").append(text.render(exceptions[i]));
        }
        return signature.toString();
    }
}
