package dev.jitjava.internal.method;

import dev.jitjava.Describe;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code @Describe} texts of a class and its methods, read from its class file. Reading them
 * through reflection builds annotation proxies, which costs tens of milliseconds and defines
 * classes in a fresh JVM: too much for a start that only checks that a class compiled in at build
 * time still matches its interface. Falls back to reflection when the class file cannot be read.
 */
public final class DescribeTexts {
    private static final String DESCRIBE = "L" + Describe.class.getName().replace('.', '/') + ";";

    private final Map<String, String> byMethod;
    private final String ofClass;
    private final Class<?> type;

    private DescribeTexts(Class<?> type, Map<String, String> byMethod, String ofClass) {
        this.type = type;
        this.byMethod = byMethod;
        this.ofClass = ofClass;
    }

    /** The texts of {@code type}, from its class file when it can be read, else by reflection. */
    public static DescribeTexts of(Class<?> type) {
        byte[] bytes = ClassFiles.read(type);
        if (bytes != null) {
            try {
                return parse(type, bytes);
            } catch (IOException | RuntimeException e) {
                // a class file we cannot read: ask reflection
            }
        }
        return new DescribeTexts(type, null, null);
    }

    /** The class's own description, or "". */
    public String ofClass() {
        if (byMethod == null) {
            Describe describe = type.getAnnotation(Describe.class);
            return describe == null ? "" : describe.value();
        }
        return ofClass;
    }

    /** The description of one of the class's own methods, or "". */
    public String of(Method method) {
        if (byMethod == null) {
            Describe describe = method.getAnnotation(Describe.class);
            return describe == null ? "" : describe.value();
        }
        StringBuilder descriptor = new StringBuilder(method.getName()).append('(');
        for (Class<?> parameter : method.getParameterTypes()) {
            descriptor.append(parameter.descriptorString());
        }
        descriptor.append(')').append(method.getReturnType().descriptorString());
        return byMethod.getOrDefault(descriptor.toString(), "");
    }

    private static DescribeTexts parse(Class<?> type, byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.readInt(); // magic
        in.readInt(); // minor and major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // longs and doubles take two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.skipBytes(6); // access, this, super
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipBytes(6);
            describe(in, utf8);
        }
        Map<String, String> byMethod = new HashMap<>();
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            in.skipBytes(2);
            String name = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            String text = describe(in, utf8);
            if (text != null) {
                byMethod.put(name + descriptor, text);
            }
        }
        String ofClass = describe(in, utf8);
        return new DescribeTexts(type, byMethod, ofClass == null ? "" : ofClass);
    }

    /** Reads an attribute table; the value of its {@code @Describe}, if it has one. */
    private static String describe(DataInputStream in, String[] utf8) throws IOException {
        String found = null;
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String name = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if (!"RuntimeVisibleAnnotations".equals(name)) {
                in.skipBytes(length);
                continue;
            }
            int annotations = in.readUnsignedShort();
            for (int i = 0; i < annotations; i++) {
                String value = annotation(in, utf8);
                found = value != null ? value : found;
            }
        }
        return found;
    }

    /** Reads one annotation; its {@code value} if it is {@code @Describe}. */
    private static String annotation(DataInputStream in, String[] utf8) throws IOException {
        boolean describe = DESCRIBE.equals(utf8[in.readUnsignedShort()]);
        String value = null;
        int pairs = in.readUnsignedShort();
        for (int i = 0; i < pairs; i++) {
            String name = utf8[in.readUnsignedShort()];
            int tag = in.readUnsignedByte();
            if (describe && tag == 's' && name.equals("value")) {
                value = utf8[in.readUnsignedShort()];
            } else {
                skipValue(in, utf8, tag);
            }
        }
        return value;
    }

    private static void skipValue(DataInputStream in, String[] utf8, int tag) throws IOException {
        switch (tag) {
            case 'e' -> in.skipBytes(4);
            case '@' -> annotation(in, utf8);
            case '[' -> {
                int values = in.readUnsignedShort();
                for (int i = 0; i < values; i++) {
                    skipValue(in, utf8, in.readUnsignedByte());
                }
            }
            default -> in.skipBytes(2); // a constant or a class
        }
    }
}
