package dev.jitjava.internal.bind;

import dev.jitjava.internal.method.ClassFiles;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The fingerprint of what an interface declares, in the terms of its class file: each method's
 * kind, name, descriptor, generic signature, thrown types and {@code @Describe} text, the
 * interface's own {@code @Describe} and superinterfaces, the same for every superinterface outside
 * {@code java.*}, and the prompt version. jit-java's annotation processor computes it from
 * {@code javax.lang.model} elements and writes it into the class it generates; at run time
 * {@link #of(Class, String)} reads it from the class files with one walk over their bytes, a
 * fraction of what the {@link dev.jitjava.internal.store.SpecFingerprint spec fingerprint} costs
 * (no reflection, no generic types, no annotation proxies). Equal fingerprints mean the interface
 * declares what it declared when its class was built, so its specs are the same. It says more than
 * the specs do (a default method, a helper's generic signature, a compiler that writes signatures
 * its own way): where it differs, the spec fingerprint decides.
 *
 * <p>Both sides make the same calls: for each interface (the interface, then its superinterfaces
 * depth first as declared, each once), {@link #method} for each method in any order (its hash is
 * added to the interface's, so neither side sorts), then {@link #type}. The class file reader lives
 * here too, rather than in a class of its own: it runs in a fresh JVM, where each class loaded and
 * verified costs a good part of a millisecond, and everything is interpreted.
 */
public final class DeclarationFingerprint {
    private static final long BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_BRIDGE = 0x0040;
    private static final int ACC_ABSTRACT = 0x0400;
    private static final int ACC_SYNTHETIC = 0x1000;
    private static final String DESCRIBE = "Ldev/jitjava/Describe;";
    private static final String[] NONE = new String[0];

    private long total;
    private long methods;
    private int methodCount;

    // the class file being read, and what was read of its current member
    private byte[] bytes;
    private int[] offsets; // of each constant pool entry, just after its tag
    private int position;
    private String signature;
    private String describe;
    private String[] exceptions;

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
     * One method the interface declares (not synthetic, not a bridge, not a static initializer).
     *
     * @param kind       {@code 'A'} abstract, {@code 'S'} static, {@code 'D'} any other (default, private)
     * @param descriptor {@code (Ljava/util/List;)I}
     * @param signature  its generic signature, or "" when it has none
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

    /**
     * Ends an interface, whose methods came before.
     *
     * @param internalName {@code dev/example/Outer$Numbers}
     * @param signature    its generic class signature, or "" when it has none
     * @param describe     its {@code @Describe} text, or "" when it has none
     * @param interfaces   its direct superinterfaces' internal names, as declared
     */
    public void type(String internalName, String signature, String describe, String[] interfaces) {
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
        total = (total ^ h) * PRIME;
        total = (total ^ methods) * PRIME;
        total = (total ^ methodCount) * PRIME;
        methods = 0;
        methodCount = 0;
    }

    /** The fingerprint, in hex. */
    public String finish() {
        return Long.toHexString(total);
    }

    /** FNV-1a over the text's chars, then a separator that no text contains. */
    private static long add(long hash, String text) {
        long h = hash;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * PRIME;
        }
        return (h ^ 0x10000) * PRIME;
    }

    // ---- from class files --------------------------------------------------------------------

    /**
     * The fingerprint of {@code iface} as loaded, from its class files and its superinterfaces', or
     * null when one of them cannot be read.
     */
    public static String of(Class<?> iface, String promptVersion) {
        DeclarationFingerprint fingerprint = new DeclarationFingerprint(promptVersion);
        return fingerprint.visit(iface, new IdentityHashMap<>()) ? fingerprint.finish() : null;
    }

    /** The interface, then its superinterfaces depth first, each once; false when one cannot be read. */
    private boolean visit(Class<?> type, Map<Class<?>, Boolean> seen) {
        if (seen.put(type, Boolean.TRUE) != null || isJdk(type.getName())) {
            return true;
        }
        bytes = ClassFiles.read(type);
        if (bytes == null) {
            return false;
        }
        try {
            read();
        } catch (RuntimeException e) { // a class file this reader does not understand: let the spec fingerprint decide
            return false;
        }
        for (Class<?> superinterface : type.getInterfaces()) {
            if (!visit(superinterface, seen)) {
                return false;
            }
        }
        return true;
    }

    private void read() {
        position = 8; // magic, minor and major version
        offsets = new int[u2()];
        for (int i = 1; i < offsets.length; i++) {
            int tag = u1();
            offsets[i] = position;
            switch (tag) {
                case 1 -> position += 2 + u2At(position);
                case 7, 8, 16, 19, 20 -> position += 2;
                case 15 -> position += 3;
                case 3, 4, 9, 10, 11, 12, 17, 18 -> position += 4;
                case 5, 6 -> {
                    position += 8;
                    i++; // longs and doubles take two slots
                }
                default -> throw new IllegalStateException("constant pool tag " + tag);
            }
        }
        position += 2; // access flags
        String name = className(u2());
        position += 2; // super class
        String[] interfaces = new String[u2()];
        for (int i = 0; i < interfaces.length; i++) {
            interfaces[i] = className(u2());
        }
        int fields = u2();
        for (int i = 0; i < fields; i++) {
            position += 6;
            attributes();
        }
        int count = u2();
        for (int i = 0; i < count; i++) {
            int access = u2();
            String method = utf8(u2());
            String descriptor = utf8(u2());
            attributes();
            if ((access & (ACC_SYNTHETIC | ACC_BRIDGE)) == 0 && !method.equals("<clinit>")) { // not the compiler's own
                char kind = (access & ACC_ABSTRACT) != 0 ? 'A' : (access & ACC_STATIC) != 0 ? 'S' : 'D';
                method(kind, method, descriptor, signature, describe, exceptions);
            }
        }
        attributes();
        type(name, signature, describe, interfaces);
    }

    /** Reads a member's or the class's attributes into {@link #signature}, {@link #describe}, {@link #exceptions}. */
    private void attributes() {
        signature = "";
        describe = "";
        exceptions = NONE;
        int count = u2();
        for (int a = 0; a < count; a++) {
            String name = utf8(u2());
            int length = u4();
            int end = position + length;
            switch (name) {
                case "Signature" -> signature = utf8(u2());
                case "Exceptions" -> {
                    exceptions = new String[u2()];
                    for (int i = 0; i < exceptions.length; i++) {
                        exceptions[i] = className(u2());
                    }
                }
                case "RuntimeVisibleAnnotations" -> {
                    int annotations = u2();
                    for (int i = 0; i < annotations; i++) {
                        String value = annotation();
                        describe = value != null ? value : describe;
                    }
                }
                default -> {
                }
            }
            position = end;
        }
    }

    /** Reads one annotation; its {@code value} if it is {@code @Describe}. */
    private String annotation() {
        boolean isDescribe = utf8(u2()).equals(DESCRIBE);
        String value = null;
        int pairs = u2();
        for (int i = 0; i < pairs; i++) {
            String name = utf8(u2());
            int tag = u1();
            if (isDescribe && tag == 's' && name.equals("value")) {
                value = utf8(u2());
            } else {
                skipValue(tag);
            }
        }
        return value;
    }

    private void skipValue(int tag) {
        switch (tag) {
            case 'e' -> position += 4;
            case '@' -> annotation();
            case '[' -> {
                int values = u2();
                for (int i = 0; i < values; i++) {
                    skipValue(u1());
                }
            }
            default -> position += 2; // a constant or a class
        }
    }

    private String className(int index) {
        return utf8(u2At(offsets[index]));
    }

    /** A constant pool text, decoded from modified UTF-8 by hand: {@code StandardCharsets} would make every standard charset. */
    private String utf8(int index) {
        int at = offsets[index];
        int end = at + 2 + u2At(at);
        char[] text = new char[end - at - 2];
        int length = 0;
        for (int i = at + 2; i < end; ) {
            int b = bytes[i++] & 0xff;
            if (b < 0x80) {
                text[length++] = (char) b;
            } else if (b < 0xe0) {
                text[length++] = (char) (((b & 0x1f) << 6) | (bytes[i++] & 0x3f));
            } else {
                text[length++] = (char) (((b & 0x0f) << 12) | ((bytes[i++] & 0x3f) << 6) | (bytes[i++] & 0x3f));
            }
        }
        return new String(text, 0, length);
    }

    private int u1() {
        return bytes[position++] & 0xff;
    }

    private int u2() {
        int value = u2At(position);
        position += 2;
        return value;
    }

    private int u4() {
        int value = (u2At(position) << 16) | u2At(position + 2);
        position += 4;
        return value;
    }

    private int u2At(int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }
}
