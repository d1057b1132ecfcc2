package dev.jitjava.cli.host;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;

import javax.lang.model.element.Modifier;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host's method as stored: the imports it needs, then the method and its helpers as members. This
 * reads it with javac's parser to place it: the imports go to the top of the file, the members into
 * a class of their own, and a bridge with the method's own header (type parameters, return type,
 * parameters, exceptions) lets the rest of the file call it by its simple name.
 *
 * @param imports       the import declarations, one a line
 * @param members       the rest, as written
 * @param importLines   how many lines of the stored text precede the members
 * @param header        the method's header for the bridge, or null if no such method is declared
 * @param declaredTypes the simple names of the types the members declare (a helper record, say)
 */
record MethodSource(List<String> imports, String members, int importLines, Header header, Set<String> declaredTypes) {
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");
    private static final String WRAPPER = "JitMembers__";

    /**
     * The method's header.
     *
     * @param typeParameters {@code <T extends Comparable<T>>} or ""
     * @param returnType     as written
     * @param parameters     each as written ({@code final List<String> words}, {@code int... xs})
     * @param names          the parameters' names
     * @param exceptions     the {@code throws} clause's types as written, or ""
     */
    record Header(String typeParameters, String returnType, List<String> parameters, List<String> names,
                  String exceptions) {
        boolean returnsVoid() {
            return returnType.equals("void");
        }
    }

    /**
     * Reads a stored method.
     *
     * @param name       the method's name
     * @param parameters how many parameters it takes
     */
    static MethodSource parse(String source, String name, int parameters) {
        List<String> imports = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        int first = 0;
        while (first < lines.length && (IMPORT.matcher(lines[first]).matches() || lines[first].isBlank())) {
            if (!lines[first].isBlank()) {
                imports.add(lines[first].strip());
            }
            first++;
        }
        if (imports.isEmpty()) {
            first = 0;
        }
        String members = String.join("\n", java.util.Arrays.copyOfRange(lines, first, lines.length));
        String wrapped = "class " + WRAPPER + " {\n" + members + "\n}\n";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + WRAPPER + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return wrapped;
            }
        };
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null,
                new DiagnosticCollector<>(), List.of("-proc:none"), null, List.of(file));
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        Header header = null;
        Set<String> types = new LinkedHashSet<>();
        for (Tree type : unit.getTypeDecls()) {
            if (!(type instanceof ClassTree wrapper)) {
                continue;
            }
            for (Tree member : wrapper.getMembers()) {
                if (member instanceof ClassTree nested) {
                    types.add(nested.getSimpleName().toString());
                } else if (member instanceof MethodTree method && header == null && method.getBody() != null
                        && method.getName().contentEquals(name) && method.getParameters().size() == parameters
                        && method.getModifiers().getFlags().contains(Modifier.STATIC)) {
                    header = header(method, unit, positions, wrapped);
                }
            }
        }
        return new MethodSource(List.copyOf(imports), members, first, header, Set.copyOf(types));
    }

    private static Header header(MethodTree method, CompilationUnitTree unit, SourcePositions positions,
                                 String text) {
        List<String> typeParameters = new ArrayList<>();
        for (TypeParameterTree parameter : method.getTypeParameters()) {
            typeParameters.add(slice(parameter, unit, positions, text));
        }
        List<String> parameters = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (VariableTree parameter : method.getParameters()) {
            parameters.add(slice(parameter, unit, positions, text));
            names.add(parameter.getName().toString());
        }
        List<String> exceptions = new ArrayList<>();
        for (Tree thrown : method.getThrows()) {
            exceptions.add(slice(thrown, unit, positions, text));
        }
        return new Header(typeParameters.isEmpty() ? "" : "<" + String.join(", ", typeParameters) + ">",
                slice(method.getReturnType(), unit, positions, text), parameters, names, String.join(", ", exceptions));
    }

    private static String slice(Tree tree, CompilationUnitTree unit, SourcePositions positions, String text) {
        return text.substring((int) positions.getStartPosition(unit, tree), (int) positions.getEndPosition(unit, tree));
    }

    /**
     * A static method, in the class that holds {@code holder}, with the method's own header, that calls
     * it there: what lets the rest of the file call the method by its simple name. Types the members
     * declare themselves are named through {@code holder}.
     */
    String bridge(String name, String holder) {
        Header h = header;
        List<String> parameters = new ArrayList<>();
        for (String parameter : h.parameters()) {
            parameters.add(qualified(parameter, holder));
        }
        String typeParameters = h.typeParameters().isEmpty() ? "" : qualified(h.typeParameters(), holder) + " ";
        String exceptions = h.exceptions().isEmpty() ? "" : " throws " + qualified(h.exceptions(), holder);
        return "static " + typeParameters + qualified(h.returnType(), holder) + " " + name + "("
                + String.join(", ", parameters) + ")" + exceptions + " { " + (h.returnsVoid() ? "" : "return ")
                + holder + "." + name + "(" + String.join(", ", h.names()) + "); }";
    }

    /** {@code text} with every type the members declare named through {@code holder}. */
    private String qualified(String text, String holder) {
        String result = text;
        for (String type : declaredTypes) {
            Matcher m = Pattern.compile("(?<![\\w.$])" + Pattern.quote(type) + "(?![\\w$])").matcher(result);
            result = m.replaceAll(Matcher.quoteReplacement(holder + "." + type));
        }
        return result;
    }
}
