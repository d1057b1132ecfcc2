package dev.jitjava.internal.engine;

import dev.jitjava.Diagnostic;
import dev.jitjava.JitException;
import dev.jitjava.Version;
import dev.jitjava.internal.check.CheckPlan;
import dev.jitjava.internal.check.Harness;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.extract.Extraction;
import dev.jitjava.internal.extract.PerCallState;
import dev.jitjava.internal.method.Messages;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.spi.HostCompilation;
import dev.jitjava.spi.MethodHost;
import dev.jitjava.spi.MethodRequest;

import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Where a host's static methods live: the host compiles each where it belongs (a nested class of a
 * program, a session's context) and defines it for its examples; the method's own classes are
 * those the host names, which the engine verifies and instruments like any other. The host, not
 * the engine, defines the classes it finally runs.
 */
final class HostPlacement implements Placement {
    private final MethodHost host;
    /** The request behind each method, as last asked for: the host compiles and prompts from it. */
    private final Map<String, MethodRequest> requests = new ConcurrentHashMap<>();

    HostPlacement(MethodHost host) {
        this.host = host;
    }

    MethodHost host() {
        return host;
    }

    void remember(MethodSpec spec, MethodRequest request) {
        requests.put(spec.key().signature(), request);
    }

    private MethodRequest request(MethodSpec spec, String why) {
        MethodRequest request = requests.get(spec.key().signature());
        if (request == null) {
            throw new JitException(Messages.forMethod(spec.key(), "jit-java cannot " + why + " before "
                    + host.label() + " asks for it"));
        }
        return request;
    }

    @Override
    public Runnable writing(MethodSpec spec, String model) {
        return host.writing(request(spec, "write the method"), model);
    }

    @Override
    public String system(MethodSpec spec, boolean tools, String libraries) {
        return host.systemMessage();
    }

    @Override
    public String request(MethodSpec spec) {
        return host.request(request(spec, "write the method"));
    }

    @Override
    public String improvement(MethodSpec spec, List<Version> history, String feedback) {
        List<String> earlier = history.stream().flatMap(v -> v.feedback().stream()).toList();
        return host.improvement(request(spec, "improve the method"), history.get(history.size() - 1).source(), earlier,
                feedback);
    }

    /** The imports the answer needs, then its members: a host places both where they belong. */
    @Override
    public String source(MethodSpec spec, Extraction.Found answer) {
        StringBuilder source = new StringBuilder();
        answer.imports().forEach(line -> source.append(line).append('\n'));
        if (!answer.imports().isEmpty()) {
            source.append('\n');
        }
        for (int i = 0; i < answer.members().size(); i++) {
            source.append(i == 0 ? "" : "\n\n").append(unindented(answer.members().get(i)));
        }
        return source.append('\n').toString();
    }

    @Override
    public String perCall(MethodSpec spec, String source) {
        return PerCallState.rewriteMembers(source, spec);
    }

    @Override
    public Compiled compile(MethodSpec spec, String source, Libraries libraries,
                            Optional<Map<String, byte[]>> javacClasses) {
        return compiled(spec, host.compile(request(spec, "compile the method"), source, null, libraries.jars()),
                libraries);
    }

    /**
     * A host's compilation as the pipeline sees it: the method's own classes, and the host's beside them,
     * resolving in a loader below the method's libraries.
     */
    Compiled compiled(MethodSpec spec, HostCompilation compilation, Libraries libraries) {
        if (compilation instanceof HostCompilation.Failed failed) {
            return new Compiled.Failed(failed.errors());
        }
        HostCompilation.Classes classes = (HostCompilation.Classes) compilation;
        Map<String, byte[]> own = new LinkedHashMap<>();
        Set<String> hostTypes = new HashSet<>();
        String main = classes.methodClass();
        classes.classes().forEach((name, bytes) -> {
            if (name.equals(main) || name.startsWith(main + "$")) {
                own.put(name, bytes);
            } else {
                hostTypes.add(name.replace('.', '/'));
            }
        });
        if (!own.containsKey(main)) {
            return new Compiled.Failed(List.of(new Diagnostic("jit.compile.class", 0, host.label()
                    + " compiled no class " + main + " for the method", "")));
        }
        // The host's own classes resolve in a loader that defines them on demand, so that the verifier
        // judges members inherited from them and the instrumenter computes frames with their supertypes.
        return new Compiled.Classes(main, own, hostTypes, host.trialLoader(classes.classes(), libraries.jars()),
                lineOffset(classes));
    }

    @Override
    public Defined define(MethodSpec spec, String source, Compiled.Classes compiled, Linked linked, CheckPlan plan,
                          Libraries libraries) {
        if (plan == null || plan.isEmpty()) {
            return new Defined(null, null, compiled.loader());
        }
        String examples = Harness.members(plan, linked.descriptor().substring(linked.descriptor().indexOf(')') + 1));
        HostCompilation withExamples = host.compile(request(spec, "check the method"), source, examples,
                libraries.jars());
        if (!(withExamples instanceof HostCompilation.Classes classes) || classes.examplesClass() == null) {
            String problem = withExamples instanceof HostCompilation.Failed failed && !failed.errors().isEmpty()
                    ? failed.errors().get(0).describe() : host.label() + " placed no examples class";
            throw new JitException(Messages.forMethod(spec.key(), "The examples do not compile: " + problem
                    + "\nCorrect the examples (their calls and results are Java expressions)"));
        }
        Map<String, byte[]> all = new HashMap<>(classes.classes());
        all.putAll(linked.classes());
        ClassLoader loader = host.trialLoader(all, libraries.jars());
        try {
            return new Defined(null, Class.forName(classes.examplesClass(), false, loader), loader);
        } catch (ClassNotFoundException e) {
            throw new JitException(Messages.forMethod(spec.key(), host.label() + " compiled no class "
                    + classes.examplesClass() + " for the examples"), e);
        }
    }

    @Override
    public Defined defineCached(MethodSpec spec, Linked linked, Libraries libraries) {
        throw new UnsupportedOperationException("a host defines its methods itself");
    }

    @Override
    public Object trialSelf(MethodSpec spec, MethodHandle candidate) {
        return null;
    }

    private static int lineOffset(HostCompilation.Classes classes) {
        return classes.firstLine() - 1;
    }

    /** Members as a host stores them: at the left margin, as the model wrote them (the extractor indents them). */
    private static String unindented(String member) {
        return member.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n"));
    }
}
