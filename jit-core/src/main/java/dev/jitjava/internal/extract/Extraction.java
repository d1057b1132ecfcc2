package dev.jitjava.internal.extract;

import dev.jitjava.Diagnostic;

import java.util.List;

/** What the extractor found in a model's answer. */
public sealed interface Extraction {

    /**
     * The method asked for, ready to sit in a class of its own.
     *
     * @param imports    the answer's import declarations, each a whole line
     * @param members    the method first (made {@code public static}, with {@code self} as its first parameter),
     *                   then the helpers it came with (made {@code static}), each indented for a class body
     * @param classNames the answer's classes that were around the method ({@code Solution}), whose members
     *                   are now the generated class's: code may still name them ({@code Solution.helper(x)})
     */
    public record Found(List<String> imports, List<String> members, List<String> classNames) implements Extraction {
        public Found {
            imports = List.copyOf(imports);
            members = List.copyOf(members);
            classNames = List.copyOf(classNames);
        }

        public Found(List<String> imports, List<String> members) {
            this(imports, members, List.of());
        }
    }

    /** No complete method with the right name: why, for the repair request. */
    public record Missing(List<Diagnostic> problems) implements Extraction {
        public Missing {
            problems = List.copyOf(problems);
        }
    }
}
