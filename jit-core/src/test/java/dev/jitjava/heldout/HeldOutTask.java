package dev.jitjava.heldout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One held-out task as its file states it: the method a benchmark asks for, the calls that check
 * it, and a model's answer, word for word. The header lines start with {@code #! }:
 * <pre>
 * #! shape: multipl-e-class            the answer's shape, which groups the report
 * #! signature: long strlen(String s)  the interface method (the typed form's, and the dynamic call's types)
 * #! call: "abc"                       the arguments, as Java expressions (a first call, then more)
 * #! dynamic-call: 3, 9, 2             the dynamic form's own arguments for that call (varargs spread, nulls)
 * #! expect: 3L                        the result of the call before it, as a Java expression
 * #! throws: IllegalArgumentException  instead of expect: the call throws this
 * #! dynamic: call | method | none     how the dynamic form calls (o.call(R.class, ...), o.method(...)...)
 * #! correct: no                       Java's conversions cannot serve the call: it may fail, cleanly
 * #! interface: default int ...        more lines for the typed form's interface (default methods)
 * </pre>
 *
 * @param suite     the folder: humaneval, mbpp, leetcode, ...
 * @param name      the file's name, without {@code .md}
 * @param type      the interface's simple name, unique among the tasks
 * @param calls     the checks, the first of which writes the method
 * @param dynamic   call, method or none
 * @param correct   false for an answer that cannot serve the call as asked
 * @param answer    the model's answer
 */
record HeldOutTask(String suite, String name, String type, String shape, String signature, List<Call> calls,
                   String dynamic, boolean correct, List<String> interfaceLines, String answer) {
    private static final String HEADER = "#! ";

    /**
     * @param arguments the arguments, as Java expressions
     * @param expected  the result, as a Java expression, or null when {@code thrown} is set
     * @param thrown    the simple name of the exception the call throws, or null
     */
    record Call(String arguments, String dynamicArguments, String expected, String thrown) {
    }

    static HeldOutTask read(String suite, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, String> single = new LinkedHashMap<>();
        List<String> interfaceLines = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        String arguments = null;
        String dynamicArguments = null;
        StringBuilder answer = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(HEADER) && answer.isEmpty()) {
                String[] pair = line.substring(HEADER.length()).split(":", 2);
                String key = pair[0].strip();
                String value = pair[1].strip();
                switch (key) {
                    case "call" -> arguments = value;
                    case "dynamic-call" -> dynamicArguments = value;
                    case "expect", "throws" -> {
                        if (arguments == null) {
                            throw new IllegalArgumentException(file + ": #! " + key + " without a #! call before it");
                        }
                        String dynamicCall = dynamicArguments == null ? arguments : dynamicArguments;
                        calls.add(key.equals("expect") ? new Call(arguments, dynamicCall, value, null)
                                : new Call(arguments, dynamicCall, null, value));
                        arguments = null;
                        dynamicArguments = null;
                    }
                    case "interface" -> interfaceLines.add(value);
                    default -> single.put(key, value);
                }
            } else {
                answer.append(line).append('\n');
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        if (calls.isEmpty() || !single.containsKey("signature") || !single.containsKey("shape")) {
            throw new IllegalArgumentException(file + ": needs #! shape, #! signature, #! call and #! expect");
        }
        return new HeldOutTask(suite, name, typeName(suite, name), single.get("shape"), single.get("signature"),
                calls, single.getOrDefault("dynamic", "method"), !"no".equals(single.get("correct")),
                interfaceLines, answer.toString());
    }

    /** {@code humaneval} and {@code 023-strlen} give {@code Humaneval_023_strlen}. */
    private static String typeName(String suite, String name) {
        String joined = suite + "_" + name.replace('-', '_');
        return joined.substring(0, 1).toUpperCase(Locale.ROOT) + joined.substring(1);
    }

    /** The method's name, from its signature. */
    String method() {
        String beforeParenthesis = signature.substring(0, signature.indexOf('('));
        return beforeParenthesis.substring(beforeParenthesis.lastIndexOf(' ') + 1);
    }

    /** What a report calls it: suite/name. */
    String id() {
        return suite + "/" + name;
    }

    /**
     * The task as Java: its interface, and a class whose static methods make each call's arguments
     * and expected result afresh (an answer may change what it was given).
     */
    String source(String packageName) {
        StringBuilder source = new StringBuilder("package " + packageName + ";\n\n"
                + "import java.util.*;\nimport org.javatuples.*;\n\n"
                + "public interface " + type + " {\n    " + signature + ";\n");
        interfaceLines.forEach(line -> source.append("    ").append(line).append('\n'));
        source.append("}\n\nfinal class ").append(type).append("_Calls {\n");
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            source.append("    static Object[] arguments").append(i).append("() { return new Object[] {")
                    .append(call.arguments()).append("}; }\n");
            source.append("    static Object[] dynamicArguments").append(i).append("() { return new Object[] {")
                    .append(call.dynamicArguments()).append("}; }\n");
            if (call.expected() != null) {
                source.append("    static Object expected").append(i).append("() { return ").append(call.expected())
                        .append("; }\n");
            }
        }
        return source.append("}\n").toString();
    }
}
