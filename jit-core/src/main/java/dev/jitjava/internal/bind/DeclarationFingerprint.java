package dev.jitjava.internal.bind;

/**
 * The fingerprint of what an interface declares, in the terms of its class file: each method's
 * kind, name, descriptor, generic signature, thrown types and {@code @Describe} text, the
 * interface's own {@code @Describe} and superinterfaces, the same for every superinterface outside
 * {@code java.*}, and the prompt version. jit-java's annotation processor computes it from
 * {@code javax.lang.model} elements and writes it into the class it generates; at run time
 * {@link ClassFileDeclarations} computes it from the class files, which costs a fraction of the
 * {@link dev.jitjava.internal.store.SpecFingerprint spec fingerprint} (no reflection, no generic
 * types, no annotation proxies). Equal fingerprints mean the interface declares what it declared
 * when its class was built, so its specs are the same. It says more than the specs do (a default
 * method, a helper's generic signature, a compiler that writes signatures its own way): where it
 * differs, the spec fingerprint decides.
 *
 * <p>Both sides feed the same calls in any order of methods: a method's hash is added to its
 * interface's, so no side sorts; interfaces come in a fixed order (the interface, then its
 * superinterfaces depth first as declared, each once).
 */
public final class DeclarationFingerprint {
    private static final long BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long total;
    private long type;
    private long methods;
    private int methodCount;
    private boolean open;

    /** @param promptVersion the prompt version the stored methods were written with */
    public DeclarationFingerprint(String promptVersion) {
        total = add(BASIS, promptVersion);
    }

    /**
     * Whether a superinterface is left out, as fixed by the JDK: only {@code java.*} can be nothing
     * but the JDK's (no class loader may define it), and reading the JDK's class files costs more
     * than all the rest.
     *
     * @param binaryName {@code java.util.function.Supplier}
     */
    public static boolean isJdk(String binaryName) {
        return binaryName.startsWith("java.");
    }

    /**
     * Starts an interface; ends the one before.
     *
     * @param internalName {@code dev/example/Outer$Numbers}
     * @param signature    its generic class signature, or "" when it has none
     * @param describe     its {@code @Describe} text, or "" when it has none
     * @param interfaces   its direct superinterfaces' internal names, as declared
     */
    public void type(String internalName, String signature, String describe, String[] interfaces) {
        closeType();
        StringBuilder plain = new StringBuilder("Ljava/lang/Object;");
        for (String name : interfaces) {
            plain.append('L').append(name).append(';');
        }
        long h = add(BASIS, internalName);
        h = add(h, signature.contentEquals(plain) ? "" : signature); // javac writes none where it would say no more
        h = add(h, describe);
        for (String name : interfaces) {
            h = add(h, name);
        }
        type = h;
        methods = 0;
        methodCount = 0;
        open = true;
    }

    /**
     * One method the interface declares (not synthetic, not a bridge, not a static initializer).
     *
     * @param kind       {@code 'A'} abstract, {@code 'S'} static, {@code 'D'} any other (default, private)
     * @param descriptor {@code (Ljava/util/List;)I}
     * @param signature  its generic signature, "" when it has none
     * @param describe   its {@code @Describe} text, or ""
     * @param exceptions the internal names of its thrown types, erased, as declared
     */
    public void method(char kind, String name, String descriptor, String signature, String describe,
                       String[] exceptions) {
        long h = add(BASIS, String.valueOf(kind));
        h = add(h, name);
        h = add(h, descriptor);
        h = add(h, signature.equals(descriptor) ? "" : signature);
        h = add(h, describe);
        for (String exception : exceptions) {
            h = add(h, exception);
        }
        methods += h; // a sum: the same whatever order the methods come in
        methodCount++;
    }

    /** The fingerprint, in hex. */
    public String finish() {
        closeType();
        return Long.toHexString(total);
    }

    private void closeType() {
        if (open) {
            total = (total ^ type) * PRIME;
            total = (total ^ methods) * PRIME;
            total = (total ^ methodCount) * PRIME;
            open = false;
        }
    }

    /** FNV-1a over the text's chars, then a separator that no text contains. */
    private static long add(long hash, String text) {
        long h = hash;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * PRIME;
        }
        return (h ^ 0x10000) * PRIME;
    }
}
