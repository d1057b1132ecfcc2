package dev.jitjava.cli.host;

import dev.jitjava.spi.HostCompilation;
import dev.jitjava.spi.HostedMethods;
import dev.jitjava.spi.MethodRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The methods a host has placed into a base file so far, each with what its call asked for and its
 * current source, and what still stands in for the rest: bodies whose calls lack a method, and stubs
 * for names that lack one. Composes the base with them for javac, as a candidate, as a trial with
 * examples, or as the final build. Used from one thread.
 */
final class PlacedMethods {
    /** A placed method: what its call asked for, and its source as the engine handed it over. */
    record Known(MethodRequest request, HostedMethods.Ready ready) {
    }

    private final java.util.function.Supplier<BaseFile> base;
    private final Map<String, Known> known = new LinkedHashMap<>();
    private List<BaseFile.Body> standIns = List.of();
    private Set<String> stubs = Set.of();

    /** @param base the file the methods are placed into, as it is now (a shell session's changes as it goes) */
    PlacedMethods(java.util.function.Supplier<BaseFile> base) {
        this.base = base;
    }

    BaseFile base() {
        return base.get();
    }

    Map<String, Known> known() {
        return known;
    }

    void put(MethodRequest request, HostedMethods.Ready ready) {
        known.put(request.signature(), new Known(request, ready));
    }

    /**
     * What stands in while some calls lack a method: the bodies of the base that hold such a call (or any
     * other error javac found), and stubs for the names called elsewhere (in a field's initializer, say).
     */
    void standInFor(SourceCompiler.Run run, Composition composition) {
        List<BaseFile.Body> bodies = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (var error : run.diagnostics()) {
            long offset = composition.baseOffset(error.getStartPosition());
            if (offset < 0) {
                continue;
            }
            BaseFile.Body body = composition.base().bodies().stream().filter(b -> b.contains(offset)).findFirst().orElse(null);
            if (body != null) {
                if (!bodies.contains(body)) {
                    bodies.add(body);
                }
            } else if (CallSites.missingMethod(error)) {
                names.add(calledName(run.source(), (int) error.getStartPosition()));
            }
        }
        standIns = List.copyOf(bodies);
        stubs = Set.copyOf(names);
    }

    /** The base with every placed method, nothing stood in for: what runs. */
    Composition whole() {
        return Composition.of(base(), placed(null, null), List.of(), Set.of(), List.of(), null);
    }

    /**
     * The base with a candidate for one method (in place of what is placed for it), the others placed,
     * and stand-ins for what still lacks a method.
     */
    Composition withCandidate(MethodRequest request, String source, String examples, List<Stub> typed) {
        Set<String> lacking = new TreeSet<>(stubs);
        lacking.remove(request.name());
        known.values().forEach(k -> lacking.remove(k.request().name()));
        typed.forEach(stub -> lacking.remove(stub.name()));
        return Composition.of(base(), placed(request, source), standIns, lacking, typed, examples);
    }

    /**
     * Compiles a candidate where it lives. Calls of methods that do not exist yet (the candidate's own
     * new ones) get typed stubs, so that it compiles now and they are written next.
     */
    HostCompilation compile(MethodRequest request, String source, String examples, List<Path> libraries) {
        List<Path> jars = withLibraries(libraries(request.signature()), libraries);
        List<Stub> typed = List.of();
        Composition composition = withCandidate(request, source, examples, typed);
        SourceCompiler.Run run = SourceCompiler.run(base().fileName(), composition.text(), jars);
        if (!run.compiled() && run.diagnostics().stream().allMatch(CallSites::missingMethod)) {
            typed = CallSites.missing(run).stream().map(Stub::of).toList();
            if (!typed.isEmpty()) {
                composition = withCandidate(request, source, examples, typed);
                run = SourceCompiler.run(base().fileName(), composition.text(), jars);
            }
        }
        return compilation(run, composition, request, source, examples != null);
    }

    /** The jars of the placed methods' libraries, each once, in order: the program's class path beside the command's. */
    List<Path> libraries() {
        return libraries(null);
    }

    /** Defines a trial's classes below a loader of the placed methods' libraries and {@code libraries}. */
    ClassLoader trialLoader(Map<String, byte[]> classes, List<Path> libraries) {
        return new BytesClassLoader(classes, LibraryLoaders.of(withLibraries(libraries(null), libraries)));
    }

    private static List<Path> withLibraries(List<Path> jars, List<Path> more) {
        Set<Path> all = new LinkedHashSet<>(jars);
        all.addAll(more);
        return List.copyOf(all);
    }

    /** The jars of the placed methods' libraries but those of {@code except} (a signature, or null). */
    private List<Path> libraries(String except) {
        Set<Path> jars = new LinkedHashSet<>();
        known.forEach((signature, method) -> {
            if (!signature.equals(except)) {
                jars.addAll(method.ready().libraries());
            }
        });
        return List.copyOf(jars);
    }

    /**
     * A stand-in for a method that does not exist yet, typed from a call of it.
     *
     * @param returns what the call needs back, or null for whatever it is given (a type variable)
     */
    record Stub(String name, List<CallSites.TypeText> parameters, CallSites.TypeText returns) {
        static Stub of(CallSites.Call call) {
            return new Stub(call.name(), call.arguments().stream().map(CallSites.Argument::type).toList(),
                    call.returns());
        }

        String text() {
            StringBuilder params = new StringBuilder();
            for (int i = 0; i < parameters.size(); i++) {
                params.append(i == 0 ? "" : ", ").append(parameters.get(i).source()).append(" a").append(i);
            }
            String returnType = returns == null ? "<T> T" : returns.source();
            return "static " + returnType + " " + name + "(" + params + ") { throw null; }";
        }
    }

    /** Where each placed method is stored, by signature, for messages about it. */
    Map<String, String> storedFiles() {
        Map<String, String> files = new HashMap<>();
        known().forEach((signature, known) -> files.put(signature, known.ready().file().toString()));
        return files;
    }

    /** A compilation as the engine wants it for one method: its class, or its errors at its own lines. */
    HostCompilation compilation(SourceCompiler.Run run, Composition composition, MethodRequest request, String source,
                                boolean examples) {
        if (!run.compiled()) {
            return new HostCompilation.Failed(composition.diagnostics(run.diagnostics(), request.signature(), source,
                    storedFiles()));
        }
        Composition.Lines lines = composition.members().get(request.signature());
        return new HostCompilation.Classes(run.classes(), composition.holderClass(request.signature()),
                lines.firstLine(), examples ? composition.examplesClass() : null);
    }

    private List<Composition.Placed> placed(MethodRequest candidate, String candidateSource) {
        List<Composition.Placed> placed = new ArrayList<>();
        for (Known method : known.values()) {
            if (candidate == null || !method.request().signature().equals(candidate.signature())) {
                placed.add(place(method.request(), method.ready().source()));
            }
        }
        if (candidate != null) {
            placed.add(place(candidate, candidateSource));
        }
        return placed;
    }

    private static Composition.Placed place(MethodRequest request, String source) {
        return new Composition.Placed(request.signature(), request.name(),
                MethodSource.parse(source, request.name(), request.parameters().size()));
    }

    /** The identifier a call starts with, at an offset of the composed text. */
    /** The name of the method called at {@code offset}, after its qualifier if it has one ({@code Vowels.name}). */
    private static String calledName(String text, int offset) {
        int start = offset;
        int end = identifierEnd(text, start);
        while (end < text.length() && text.charAt(end) == '.') {
            start = end + 1;
            end = identifierEnd(text, start);
        }
        return text.substring(start, end);
    }

    private static int identifierEnd(String text, int start) {
        int end = start;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        return end;
    }
}
