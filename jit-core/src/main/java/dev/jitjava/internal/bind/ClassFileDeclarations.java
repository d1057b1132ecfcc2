package dev.jitjava.internal.bind;

import dev.jitjava.internal.method.ClassFiles;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Reads an interface's declarations from its class files into a {@link DeclarationFingerprint}:
 * what {@code Jit.implement} compares with the fingerprint a class compiled in at build time
 * carries. A plain walk over the bytes (no reflection, no annotation proxies, no regular
 * expressions or lambdas): it runs in a fresh JVM, where all of this is interpreted.
 */
public final class ClassFileDeclarations {
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_BRIDGE = 0x0040;
    private static final int ACC_ABSTRACT = 0x0400;
    private static final int ACC_SYNTHETIC = 0x1000;
    private static final String DESCRIBE = "Ldev/jitjava/Describe;";
    private static final String[] NONE = new String[0];

    private final byte[] bytes;
    private int[] offsets; // of each constant pool entry's first byte after its tag
    private int position;

    private ClassFileDeclarations(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The declaration fingerprint of {@code iface} as loaded, or null when a class file of it or of
     * a superinterface cannot be read.
     */
    public static String of(Class<?> iface, String promptVersion) {
        DeclarationFingerprint fingerprint = new DeclarationFingerprint(promptVersion);
        return visit(iface, fingerprint, new IdentityHashMap<>()) ? fingerprint.finish() : null;
    }

    /** The interface, then its superinterfaces depth first, each once; false when one cannot be read. */
    private static boolean visit(Class<?> type, DeclarationFingerprint fingerprint, Map<Class<?>, Boolean> seen) {
        if (seen.put(type, Boolean.TRUE) != null || DeclarationFingerprint.isJdk(type.getName())) {
            return true;
        }
        byte[] bytes = ClassFiles.read(type);
        if (bytes == null) {
            return false;
        }
        try {
            new ClassFileDeclarations(bytes).read(fingerprint);
        } catch (RuntimeException e) { // a class file this reader does not understand: let the spec fingerprint decide
            return false;
        }
        for (Class<?> superinterface : type.getInterfaces()) {
            if (!visit(superinterface, fingerprint, seen)) {
                return false;
            }
        }
        return true;
    }

    private void read(DeclarationFingerprint fingerprint) {
        position = 8; // magic, minor and major version
        int count = u2();
        offsets = new int[count];
        for (int i = 1; i < count; i++) {
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
            skipAttributes();
        }
        Declared[] methods = new Declared[u2()];
        for (int i = 0; i < methods.length; i++) {
            methods[i] = method();
        }
        Declared own = attributes(new Declared());
        fingerprint.type(name, own.signature, own.describe, interfaces);
        for (Declared method : methods) {
            if (method != null) {
                fingerprint.method(method.kind, method.name, method.descriptor, method.signature, method.describe,
                        method.exceptions);
            }
        }
    }

    /** A method or the class, with what the fingerprint reads of it (a plain class: a record's methods bootstrap). */
    private static final class Declared {
        char kind;
        String name;
        String descriptor;
        String signature = "";
        String describe = "";
        String[] exceptions = NONE;
    }

    /** The next method, or null for one the compiler made up (synthetic, a bridge, a static initializer). */
    private Declared method() {
        int access = u2();
        Declared method = new Declared();
        method.name = utf8(u2());
        method.descriptor = utf8(u2());
        attributes(method);
        if ((access & (ACC_SYNTHETIC | ACC_BRIDGE)) != 0 || method.name.equals("<clinit>")) {
            return null;
        }
        method.kind = (access & ACC_ABSTRACT) != 0 ? 'A' : (access & ACC_STATIC) != 0 ? 'S' : 'D';
        return method;
    }

    private Declared attributes(Declared found) {
        int count = u2();
        for (int a = 0; a < count; a++) {
            String name = utf8(u2());
            int length = u4();
            int end = position + length;
            switch (name) {
                case "Signature" -> found.signature = utf8(u2());
                case "Exceptions" -> {
                    found.exceptions = new String[u2()];
                    for (int i = 0; i < found.exceptions.length; i++) {
                        found.exceptions[i] = className(u2());
                    }
                }
                case "RuntimeVisibleAnnotations" -> {
                    int annotations = u2();
                    for (int i = 0; i < annotations; i++) {
                        String value = annotation();
                        found.describe = value != null ? value : found.describe;
                    }
                }
                default -> {
                }
            }
            position = end;
        }
        return found;
    }

    /** Reads one annotation; its {@code value} if it is {@code @Describe}. */
    private String annotation() {
        boolean describe = utf8(u2()).equals(DESCRIBE);
        String value = null;
        int pairs = u2();
        for (int i = 0; i < pairs; i++) {
            String name = utf8(u2());
            int tag = u1();
            if (describe && tag == 's' && name.equals("value")) {
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

    private void skipAttributes() {
        int count = u2();
        for (int i = 0; i < count; i++) {
            position += 2;
            int length = u4();
            position += length;
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
