package dev.jitjava.internal.method;

/**
 * Who a generated method belongs to, and where its code lives.
 *
 * @param qualifiedName the interface's binary name, or {@code object/<namespace>}
 * @param label         how messages name it: the interface's simple name, or the namespace
 * @param description   the interface's {@code @Describe} text, or ""
 * @param anchor        the class whose package (and class loader) receives the generated classes
 * @param selfType      the type of {@code self} in generated code: the interface, or {@code JitObject}
 * @param selfSource    how generated source writes {@code selfType}, or null when generated methods take no
 *                      {@code self} (methods added to a single-file program)
 */
public record Owner(String qualifiedName, String label, String description, Class<?> anchor, Class<?> selfType,
                    String selfSource) {

    /** The package generated classes are compiled into ("" for the unnamed package). */
    public String packageName() {
        return anchor.getPackageName();
    }

    /**
     * On-demand imports of the member types of the interface and of the classes around it, so that
     * generated code and examples see the names the interface's own declarations see.
     */
    public java.util.List<String> memberImports() {
        java.util.List<String> imports = new java.util.ArrayList<>();
        if (!qualifiedName.startsWith("object/") && !packageName().isEmpty()) {
            for (Class<?> c = selfType; c != null; c = c.getEnclosingClass()) {
                if (c.getCanonicalName() != null) {
                    imports.add(c.getCanonicalName() + ".*");
                }
            }
        }
        return imports;
    }

    /** The prefix of the generated class names, e.g. {@code Numbers} or {@code JitTest_Numbers}. */
    public String classPrefix() {
        String name = qualifiedName.startsWith("object/") ? "object_" + qualifiedName.substring(7) : qualifiedName;
        name = name.substring(name.lastIndexOf('.') + 1);
        StringBuilder prefix = new StringBuilder();
        for (char c : name.toCharArray()) {
            prefix.append(Character.isJavaIdentifierPart(c) && c != '$' ? c : '_');
        }
        return prefix.toString();
    }
}
