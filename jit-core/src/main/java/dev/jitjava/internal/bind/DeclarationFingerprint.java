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
    private static final byte[] DESCRIBE = ascii("Ldev/jitjava/Describe;");
    private static final byte[] VALUE = ascii("value");
    private static final byte[] CLINIT = ascii("<clinit>");
    private static final byte[] SIGNATURE = ascii("Signature");
    private static final byte[] EXCEPTIONS = ascii("Exceptions");
    private static final byte[] ANNOTATIONS = ascii("RuntimeVisibleAnnotations");

    private long total;
    private long methods;
    private int methodCount;

    // the class file being read, and what was read of its current member
    private byte[] bytes;
    private int[] offsets; // of each constant pool entry, just after its tag
    private int position;
    private int signature; // the constant of the current member's signature, or 0
    private int describe; // the constant of its @Describe text, or 0
    private int exceptionsAt; // where its Exceptions attribute's table starts, or -1

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
        addMethod(h);
    }

    private void addMethod(long hash) {
        methods += hash; // a sum: the same whatever order the methods come in
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
        long h = add(BASIS, internalName);
        h = add(h, signature.contentEquals(plainSignature(interfaces)) ? "" : signature);
        h = add(h, describe);
        for (String name : interfaces) {
            h = add(h, name);
        }
        addType(h);
    }

    /** The class signature that says no more than the class file's superinterfaces: javac writes none then. */
    private static StringBuilder plainSignature(String[] interfaces) {
        StringBuilder plain = new StringBuilder("Ljava/lang/Object;");
        for (String name : interfaces) {
            plain.append('L').append(name).append(';');
        }
        return plain;
    }

    private void addType(long hash) {
        total = (total ^ hash) * PRIME;
        total = (total ^ methods) * PRIME;
        total = (total ^ methodCount) * PRIME;
        methods = 0;
        methodCount = 0;
    }

    /** The fingerprint, in hex. */
    public String finish() {
        return Long.toHexString(total);
    }

    /**
     * FNV-1a over the text's bytes in modified UTF-8 (as a class file holds it), then a separator
     * that no byte equals.
     */
    private static long add(long hash, String text) {
        long h = hash;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != 0 && c < 0x80) {
                h = (h ^ c) * PRIME;
            } else if (c < 0x800) {
                h = (h ^ (0xc0 | c >> 6)) * PRIME;
                h = (h ^ (0x80 | c & 0x3f)) * PRIME;
            } else {
                h = (h ^ (0xe0 | c >> 12)) * PRIME;
                h = (h ^ (0x80 | c >> 6 & 0x3f)) * PRIME;
                h = (h ^ (0x80 | c & 0x3f)) * PRIME;
            }
        }
        return end(h);
    }

    private static long end(long hash) {
        return (hash ^ 0x100) * PRIME;
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

    /**
     * Hashes the class file's texts as bytes, where they are: decoding them into strings first, and
     * hashing those char by char, took most of the time in a fresh JVM's interpreter.
     */
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
        int name = className(u2());
        position += 2; // super class
        int interfaces = u2();
        int interfacesAt = position;
        position += 2 * interfaces;
        int fields = u2();
        for (int i = 0; i < fields; i++) {
            position += 6;
            attributes();
        }
        int methods = u2();
        for (int i = 0; i < methods; i++) {
            int access = u2();
            int method = u2();
            int descriptor = u2();
            attributes();
            if ((access & (ACC_SYNTHETIC | ACC_BRIDGE)) == 0 && !is(method, CLINIT)) { // not the compiler's own
                char kind = (access & ACC_ABSTRACT) != 0 ? 'A' : (access & ACC_STATIC) != 0 ? 'S' : 'D';
                long h = end((BASIS ^ kind) * PRIME);
                h = add(h, method);
                h = add(h, descriptor);
                h = signature == 0 || sameText(signature, descriptor) ? end(h) : add(h, signature);
                h = describe == 0 ? end(h) : add(h, describe);
                for (int e = 0; exceptionsAt >= 0 && e < u2At(exceptionsAt); e++) {
                    h = add(h, className(u2At(exceptionsAt + 2 + 2 * e)));
                }
                addMethod(h);
            }
        }
        attributes();
        String[] names = new String[interfaces];
        long h = add(BASIS, name);
        if (signature == 0) {
            h = end(h);
        } else { // a generic interface, or generic superinterfaces: not jit-java's kind, so rare
            for (int i = 0; i < interfaces; i++) {
                names[i] = text(className(u2At(interfacesAt + 2 * i)));
            }
            String written = text(signature);
            h = add(h, written.contentEquals(plainSignature(names)) ? "" : written);
        }
        h = describe == 0 ? end(h) : add(h, describe);
        for (int i = 0; i < interfaces; i++) {
            h = add(h, className(u2At(interfacesAt + 2 * i)));
        }
        addType(h);
    }

    /** Reads a member's or the class's attributes into {@link #signature}, {@link #describe}, {@link #exceptionsAt}. */
    private void attributes() {
        signature = 0;
        describe = 0;
        exceptionsAt = -1;
        int count = u2();
        for (int a = 0; a < count; a++) {
            int name = u2();
            int length = u4();
            int end = position + length;
            if (is(name, SIGNATURE)) {
                signature = u2();
            } else if (is(name, EXCEPTIONS)) {
                exceptionsAt = position;
            } else if (is(name, ANNOTATIONS)) {
                int annotations = u2();
                for (int i = 0; i < annotations; i++) {
                    int value = annotation();
                    describe = value != 0 ? value : describe;
                }
            }
            position = end;
        }
    }

    /** Reads one annotation; the constant of its {@code value} if it is {@code @Describe}, else 0. */
    private int annotation() {
        boolean isDescribe = is(u2(), DESCRIBE);
        int value = 0;
        int pairs = u2();
        for (int i = 0; i < pairs; i++) {
            int name = u2();
            int tag = u1();
            if (isDescribe && tag == 's' && is(name, VALUE)) {
                value = u2();
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

    /** The text constant that names a class constant. */
    private int className(int index) {
        return u2At(offsets[index]);
    }

    /** FNV-1a over a text constant's bytes (modified UTF-8, as {@link #add(long, String)} encodes), then the separator. */
    private long add(long hash, int index) {
        int at = offsets[index];
        long h = hash;
        for (int i = at + 2, end = at + 2 + u2At(at); i < end; i++) {
            h = (h ^ (bytes[i] & 0xff)) * PRIME;
        }
        return end(h);
    }

    private boolean sameText(int a, int b) {
        int at = offsets[a];
        int bt = offsets[b];
        int length = u2At(at);
        if (length != u2At(bt)) {
            return false;
        }
        for (int i = 2; i < length + 2; i++) {
            if (bytes[at + i] != bytes[bt + i]) {
                return false;
            }
        }
        return true;
    }

    private boolean is(int index, byte[] ascii) {
        int at = offsets[index];
        if (u2At(at) != ascii.length) {
            return false;
        }
        for (int i = 0; i < ascii.length; i++) {
            if (bytes[at + 2 + i] != ascii[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        byte[] ascii = new byte[text.length()];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) text.charAt(i);
        }
        return ascii;
    }

    /** A text constant as a string, decoded from modified UTF-8 by hand: {@code StandardCharsets} would make every charset. */
    private String text(int index) {
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
