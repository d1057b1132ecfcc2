package dev.jitjava.internal.extract;

import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.OwnerMethod;

import java.util.List;

/**
 * Whether a unit's text may hold a call {@link SelfCalls} rewrites, decided without parsing it: most
 * answers call nothing of their owner's, and a javac parse costs some milliseconds.
 */
final class CallText {
    private CallText() {
    }

    /**
     * Whether the source holds {@code this}, {@code self.}, one of the answer's class names, a call or
     * reference of one of the owner's methods, or a second one of the method's own name (the first is
     * its declaration).
     */
    static boolean mayCall(String source, MethodSpec spec, List<String> classNames) {
        if (occurrences(source, "this", false) > 0 || occurrences(source, "self", true) > 0) {
            return true;
        }
        for (String name : classNames) {
            if (occurrences(source, name, false) > 0) {
                return true;
            }
        }
        for (OwnerMethod method : spec.ownerMethods()) {
            int uses = occurrences(source, method.name(), true) + occurrences(source, "::" + method.name(), false);
            if (uses > (method.name().equals(spec.name()) ? 1 : 0)) {
                return true;
            }
        }
        return false;
    }

    /** How often {@code word} occurs as a whole identifier, followed by {@code (} or {@code .} when {@code called}. */
    private static int occurrences(String source, String word, boolean called) {
        int count = 0;
        for (int at = source.indexOf(word); at >= 0; at = source.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean starts = at == 0 || !Character.isJavaIdentifierPart(source.charAt(at - 1)) || word.startsWith("::");
            boolean ends = end == source.length() || !Character.isJavaIdentifierPart(source.charAt(end));
            if (starts && ends) {
                int next = Lexing.skipTrivia(source, end);
                if (!called || next < source.length() && (source.charAt(next) == '(' || source.charAt(next) == '.')) {
                    count++;
                }
            }
        }
        return count;
    }
}
