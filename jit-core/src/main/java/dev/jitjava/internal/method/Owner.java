package dev.jitjava.internal.method;

import dev.jitjava.Capability;
import dev.jitjava.Describe;
import dev.jitjava.JitObject;
import dev.jitjava.generated.Anchor;
import dev.jitjava.spi.MethodHost;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a generated method belongs to, and where its code lives: an interface, a {@code JitObject}'s
 * namespace, or a host (a {@code jit run} program, a {@code jit shell} session). Everything that
 * differs between them is asked of this type, never read from the store's folder names.
 */
public sealed interface Owner permits Owner.Interface, Owner.DynamicObject, Owner.Hosted {

    /** The store's name for the owner, its folder: {@code dev.example.Numbers}, {@code object/scratch}, {@code file/Vowels}. */
    String id();

    /** How messages name it: {@code Numbers}, {@code scratch}, {@code Vowels}. */
    String label();

    /** Its description for the prompt (an interface's {@code @Describe}), or "". */
    String description();

    /**
     * The class whose package and class loader receive the generated classes, or null for a host,
     * which places its methods itself.
     */
    Class<?> anchor();

    /** The type of {@code self} in generated code, or null when methods take none (a host's static methods). */
    Class<?> selfType();

    /** How generated source writes {@link #selfType()}, or null when there is none. */
    String selfSource();

    /** How the user grants {@code capability} to the owner's methods, for messages that refuse code needing it. */
    default String howToGrant(Capability capability) {
        return "@Allow(Capability." + capability + ") on " + label() + ", or Jit.builder().allow(Capability."
                + capability + ")";
    }

    /** The package generated classes are compiled into ("" for the unnamed package and for hosts). */
    default String packageName() {
        return anchor() == null ? "" : anchor().getPackageName();
    }

    /** On-demand imports that let generated code and examples see the names the owner's own declarations see. */
    default List<String> memberImports() {
        return List.of();
    }

    /** The prefix of the generated class names: {@code Numbers}, {@code JitTest_Numbers}, {@code object_scratch}. */
    default String classPrefix() {
        String name = id().replace('/', '_');
        name = name.substring(name.lastIndexOf('.') + 1);
        StringBuilder prefix = new StringBuilder();
        for (char c : name.toCharArray()) {
            prefix.append(Character.isJavaIdentifierPart(c) && c != '$' ? c : '_');
        }
        return prefix.toString();
    }

    /** The interface's methods: their classes live in its package, next to it. */
    record Interface(Class<?> type, String description) implements Owner {
        public static Interface of(Class<?> type) {
            Describe describe = type.getAnnotation(Describe.class);
            return new Interface(type, describe == null ? "" : describe.value());
        }

        @Override
        public String id() {
            return type.getName();
        }

        @Override
        public String label() {
            return type.getSimpleName();
        }

        @Override
        public Class<?> anchor() {
            return type;
        }

        @Override
        public Class<?> selfType() {
            return type;
        }

        @Override
        public String selfSource() {
            String canonical = type.getCanonicalName();
            String pkg = type.getPackageName();
            return pkg.isEmpty() ? canonical : canonical.substring(pkg.length() + 1);
        }

        @Override
        public List<String> memberImports() {
            List<String> imports = new ArrayList<>();
            if (!packageName().isEmpty()) {
                for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
                    if (c.getCanonicalName() != null) {
                        imports.add(c.getCanonicalName() + ".*");
                    }
                }
            }
            return imports;
        }
    }

    /** A {@code JitObject}'s methods: their classes live in jit-java's {@code generated} package. */
    record DynamicObject(String namespace) implements Owner {
        @Override
        public String id() {
            return "object/" + namespace;
        }

        @Override
        public String label() {
            return namespace;
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public Class<?> anchor() {
            return Anchor.class;
        }

        @Override
        public Class<?> selfType() {
            return JitObject.class;
        }

        @Override
        public String selfSource() {
            return JitObject.class.getCanonicalName();
        }
    }

    /** A host's static methods, which it places and compiles itself. */
    record Hosted(MethodHost host) implements Owner {
        @Override
        public String id() {
            return host.storeId();
        }

        @Override
        public String label() {
            return host.label();
        }

        @Override
        public String description() {
            return host.description();
        }

        @Override
        public Class<?> anchor() {
            return null;
        }

        @Override
        public Class<?> selfType() {
            return null;
        }

        @Override
        public String selfSource() {
            return null;
        }

        @Override
        public String howToGrant(Capability capability) {
            return host.howToGrant(capability);
        }
    }
}
