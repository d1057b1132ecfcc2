package dev.jitjava.internal.extract;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;

import java.util.List;

/**
 * Models declare checked exceptions the interface does not ({@code throws NoSuchAlgorithmException} on an
 * MD5 of a string, {@code throws Exception} to be safe). Such a method cannot implement the interface
 * as written, and its caller could not expect the exception; so its {@code throws} clause goes and its
 * body is wrapped: a checked exception it throws reaches the caller as the cause of a
 * {@code RuntimeException} (unchecked ones pass unchanged). Only when every type the clause names is
 * one the interface does not declare; the edits keep every line where it was. A {@code JitObject}'s
 * method needs none of this: what it throws reaches its caller unchanged.
 */
public final class UndeclaredExceptions {
    static final String CAUGHT = "jit$thrown";

    private UndeclaredExceptions() {
    }

    /** The unit with the method's undeclared checked exceptions wrapped, or as it is. */
    public static String rewrite(String source, String className, MethodSpec spec) {
        if (!(spec.owner() instanceof Owner.Interface) || !source.contains("throws")) {
            return source;
        }
        ParsedBlock unit = ParsedBlock.parseSource(source, source.split("\n", -1), 0);
        if (!unit.errors.isEmpty()) {
            return source;
        }
        SourceEdits edits = new SourceEdits();
        for (Tree type : unit.unit.getTypeDecls()) {
            if (type instanceof ClassTree c && c.getSimpleName().contentEquals(className)) {
                for (Tree member : c.getMembers()) {
                    if (member instanceof MethodTree method && isTarget(method, spec) && undeclared(method.getThrows(), spec)) {
                        wrap(unit, method, edits);
                    }
                }
            }
        }
        return edits.isEmpty() ? source : edits.apply(source);
    }

    private static boolean isTarget(MethodTree method, MethodSpec spec) {
        return method.getName().contentEquals(spec.name()) && method.getBody() != null
                && method.getParameters().size() == spec.parameters().size() + 1
                && method.getParameters().get(0).getName().contentEquals("self");
    }

    /** Whether the clause names types and none of them is one the interface declares (by simple name). */
    private static boolean undeclared(List<? extends ExpressionTree> thrown, MethodSpec spec) {
        if (thrown.isEmpty()) {
            return false;
        }
        for (ExpressionTree type : thrown) {
            String name = type.toString();
            String simple = name.substring(name.lastIndexOf('.') + 1);
            if (simple.equals("RuntimeException") || simple.equals("Error")
                    || spec.exceptionTypes().stream().anyMatch(declared -> declared.getSimpleName().equals(simple))) {
                return false;
            }
        }
        return true;
    }

    private static void wrap(ParsedBlock unit, MethodTree method, SourceEdits edits) {
        List<? extends ExpressionTree> thrown = method.getThrows();
        int keyword = unit.source.lastIndexOf("throws", (int) unit.start(thrown.get(0)));
        edits.replace(keyword, unit.end(thrown.get(thrown.size() - 1)), "");
        long open = unit.start(method.getBody());
        long close = unit.end(method.getBody()) - 1;
        edits.insert(open + 1, " try {");
        edits.insert(close, "} catch (RuntimeException " + CAUGHT + ") { throw " + CAUGHT + "; } catch (Exception "
                + CAUGHT + ") { throw new RuntimeException(" + CAUGHT + "); } ");
    }
}
