package dev.jitjava.cli.host;

import dev.jitjava.Diagnostic;
import dev.jitjava.Jit;
import dev.jitjava.JitException;
import dev.jitjava.spi.BuildCache;
import dev.jitjava.spi.HostCompilation;
import dev.jitjava.spi.HostedMethods;
import dev.jitjava.spi.MethodRequest;
import dev.jitjava.spi.StoreBrowser;

import javax.tools.JavaFileObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A single-file program with methods it calls but does not define, built on jit-java's engine:
 * javac finds the calls that lack a method; the engine takes each from the store or has the model
 * write it (as the mode allows: LOCKED never asks); the methods are placed into the program's class
 * and the program compiled; the engine checks every method where it lives (signature, verifier,
 * budgets) before anything runs. A build whose program and stored methods are unchanged is kept in
 * the store's {@code .cache} and runs again with no javac, no verifier and no model.
 */
public final class Program {
    private static final int MAX_ROUNDS = 10;
    private static final String CACHE_FORMAT = "run 1";

    private final Path file;
    private final ProgramHost host;
    private final SourceCompiler.Run firstRun;

    private Program(Path file, ProgramHost host, SourceCompiler.Run firstRun) {
        this.file = file;
        this.host = host;
        this.firstRun = firstRun;
    }

    /**
     * What runs: the program's classes, with every placed method verified and instrumented.
     *
     * @param className the program's class (its main class), binary name
     * @param written   the methods the model wrote in this build, {@code Class.name(types)}
     * @param libraries the jars of the methods' libraries, resolved and checked: the program's classes are
     *                  defined below a loader of them ({@link LibraryLoaders#of})
     */
    public record Built(String className, Map<String, byte[]> classes, List<String> written, List<Path> libraries) {
    }

    /**
     * Reads a program.
     *
     * @param store the store folder
     * @throws IllegalArgumentException when the file declares no class
     */
    public static Program read(Path file, String text, Path store) {
        BaseFile base = BaseFile.parse(file.getFileName().toString(), text);
        SourceCompiler.Run run = SourceCompiler.run(base.fileName(), text);
        return new Program(file, new ProgramHost(base, ProgramAnnotations.read(run), store), run);
    }

    /** The program's class, binary name. */
    public String className() {
        return host.base().binaryName();
    }

    /** The host this program is to the engine. */
    public ProgramHost host() {
        return host;
    }

    /**
     * The build kept for this very program, if its stored methods are unchanged since: nothing is
     * compiled, verified or asked, and only the methods' stamps are read (their sources when a stamp
     * was too recent to trust; the build then keeps the stamps that have settled since, so that the
     * next run reads no source: a method written by the model is built within 2 s of its files).
     */
    public static Optional<Built> cached(Path file, String text, Path store) {
        StoreBrowser browser = StoreBrowser.open(store);
        BuildCache cache = browser.buildCache(cacheOwner(file));
        Optional<BuildCache.Build> kept = cache.read(cacheKey(text));
        if (kept.isEmpty() || !CACHE_FORMAT.equals(kept.get().properties().get("format"))) {
            return Optional.empty();
        }
        Map<String, String> properties = kept.get().properties();
        Map<String, String> settled = null;
        String owner = properties.get("owner");
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            if (!entry.getKey().startsWith("source ")) {
                continue;
            }
            String signature = entry.getKey().substring("source ".length());
            String stamp = properties.get("stamp " + signature);
            String now = browser.stamp(owner, signature).orElse(null); // before the source is read
            if (stamp != null && stamp.equals(now)) {
                continue; // unchanged since the build, by its stamp: not even read
            }
            if (!entry.getValue().equals(browser.source(owner, signature).map(Program::sha256).orElse(null))) {
                return Optional.empty();
            }
            if (now != null) {
                settled = settled != null ? settled : new HashMap<>(properties);
                settled.put("stamp " + signature, now);
            }
        }
        if (settled != null) {
            cache.write(cacheKey(text), new BuildCache.Build(kept.get().classes(), settled));
        }
        return Optional.of(new Built(properties.get("main"), kept.get().classes(), List.of(), List.of()));
    }

    /**
     * Builds the program: every method it lacks taken from the store or written, placed, compiled and
     * checked. Kept in the store's {@code .cache} for the next run.
     *
     * @throws JitException (or a subclass) when a method cannot be had; nothing half-written is stored
     * @throws ProgramException when the program itself does not compile
     */
    public Built build(Jit jit) {
        HostedMethods engine = jit.host(host);
        PlacedMethods placed = host.methods();
        SourceCompiler.Run run = firstRun;
        Composition composition = placed.whole();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round > 0) {
                composition = placed.whole();
                run = SourceCompiler.run(host.base().fileName(), composition.text(), placed.libraries());
            }
            if (run.compiled()) {
                Optional<Map<String, byte[]>> checked = accept(engine, placed, run, composition);
                if (checked.isPresent()) {
                    Built built = new Built(className(), checked.get(), written(placed), placed.libraries());
                    keep(engine, built, placed);
                    return built;
                }
                continue;
            }
            placed.standInFor(run, composition);
            List<CallSites.Call> missing = CallSites.missing(run);
            if (!missing.isEmpty()) {
                for (CallSites.Call call : missing) {
                    MethodRequest request = request(call);
                    placed.put(request, engine.require(request));
                }
                continue;
            }
            repair(engine, placed, run, composition);
        }
        throw new ProgramException("methods are still missing after " + MAX_ROUNDS + " rounds",
                "check that the calls in " + file.getFileName() + " name methods a model can write");
    }

    /**
     * Checks, without a model, what is stored for every method the program calls: the problems, one
     * line each (none when every method is stored, compiles where it lives and passes the verifier).
     * Every problem is listed, not only the first. {@code jit} must be LOCKED.
     */
    public List<String> verify(Jit jit) {
        HostedMethods engine = jit.host(host);
        PlacedMethods placed = host.methods();
        Map<String, String> problems = new LinkedHashMap<>();
        SourceCompiler.Run run = firstRun;
        Composition composition = placed.whole();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round > 0) {
                composition = placed.whole();
                run = SourceCompiler.run(host.base().fileName(), composition.text(), placed.libraries());
            }
            if (run.compiled()) {
                try {
                    accept(engine, placed, run, composition);
                } catch (JitException e) {
                    problems.put("accept", "broken: " + e.getMessage());
                }
                break;
            }
            placed.standInFor(run, composition);
            List<CallSites.Call> missing = CallSites.missing(run).stream()
                    .filter(call -> !problems.containsKey(call.signature())).toList();
            if (missing.isEmpty()) {
                if (problems.isEmpty()) {
                    try {
                        repair(engine, placed, run, composition);
                    } catch (JitException | ProgramException e) {
                        problems.put("program", "broken: " + e.getMessage());
                        break;
                    }
                    continue;
                }
                break;
            }
            for (CallSites.Call call : missing) {
                MethodRequest request = request(call);
                try {
                    placed.put(request, engine.require(request));
                } catch (dev.jitjava.MissingMethodException e) {
                    String method = ProgramHost.display(host.label(), request);
                    problems.put(call.signature(), engine.source(request.signature()).isEmpty() ? "missing: " + method
                            : "stale: " + method + ": " + e.getMessage());
                } catch (JitException e) {
                    problems.put(call.signature(), "broken: " + e.getMessage());
                }
            }
        }
        return List.copyOf(problems.values());
    }

    /**
     * Has the model write a new version of one of the program's stored methods from feedback: the
     * program is built first (so the new version is compiled and checked where it lives, with the others).
     *
     * @param signature the stored method's signature, {@code countVowels(java.lang.String)}
     */
    public void improve(Jit jit, String signature, String feedback) {
        build(jit);
        PlacedMethods.Known known = host.methods().known().get(signature);
        if (known == null) {
            throw new ProgramException(host.base().fileName() + " does not call " + signature,
                    "improve a method the program calls, or name the program with --file");
        }
        host.methods().put(known.request(), jit.host(host).improve(known.request(), feedback));
    }

    /** Checks every placed method in the compiled program: its classes, or empty when one was written again. */
    private Optional<Map<String, byte[]>> accept(HostedMethods engine, PlacedMethods placed, SourceCompiler.Run run,
                                                 Composition composition) {
        Map<String, byte[]> classes = new LinkedHashMap<>(run.classes());
        boolean rewritten = false;
        for (PlacedMethods.Known known : List.copyOf(placed.known().values())) {
            String signature = known.request().signature();
            HostCompilation compiled = new HostCompilation.Classes(run.classes(), composition.holderClass(signature),
                    composition.members().get(signature).firstLine(), null);
            HostedMethods.Accepted accepted = engine.accept(known.request(), known.ready(), compiled);
            if (accepted instanceof HostedMethods.Accepted.Rewritten again) {
                placed.put(known.request(), again.ready());
                rewritten = true;
            } else if (accepted instanceof HostedMethods.Accepted.Checked checked) {
                String holder = composition.holderClass(signature);
                classes.keySet().removeIf(name -> name.equals(holder) || name.startsWith(holder + "$"));
                classes.putAll(checked.classes());
            }
        }
        return rewritten ? Optional.empty() : Optional.of(classes);
    }

    /**
     * The program compiles no further, yet lacks no method: a placed method that no longer compiles where
     * it lives, a call that now needs another return type, or an error in the program itself.
     */
    private void repair(HostedMethods engine, PlacedMethods placed, SourceCompiler.Run run, Composition composition) {
        Map<String, List<javax.tools.Diagnostic<? extends JavaFileObject>>> inMethods = new LinkedHashMap<>();
        List<javax.tools.Diagnostic<? extends JavaFileObject>> elsewhere = new ArrayList<>();
        for (var error : run.diagnostics()) {
            String owner = composition.lineOwner(error.getLineNumber());
            if (owner != null) {
                inMethods.computeIfAbsent(owner, o -> new ArrayList<>()).add(error);
            } else {
                elsewhere.add(error);
            }
        }
        for (Map.Entry<String, List<javax.tools.Diagnostic<? extends JavaFileObject>>> entry : inMethods.entrySet()) {
            PlacedMethods.Known known = placed.known().get(entry.getKey());
            HostCompilation failed = new HostCompilation.Failed(composition.diagnostics(entry.getValue(),
                    entry.getKey(), known.ready().source(), host.methods().storedFiles()));
            if (engine.accept(known.request(), known.ready(), failed) instanceof HostedMethods.Accepted.Rewritten again) {
                placed.put(known.request(), again.ready());
            }
        }
        if (!inMethods.isEmpty()) {
            return;
        }
        List<CallSites.Call> calls = CallSites.callsTo(run, names(placed));
        for (var error : elsewhere) {
            for (CallSites.Call call : calls) {
                if ("compiler.err.prob.found.req".equals(error.getCode()) && error.getStartPosition() >= call.start()
                        && error.getStartPosition() <= call.end()) {
                    MethodRequest request = request(call);
                    String reason = "the call at " + host.base().fileName() + ":" + composition.baseLine(call.line())
                            + " needs " + (call.returns() == null ? "another type" : call.returns().source()) + ": "
                            + error.getMessage(java.util.Locale.ROOT);
                    placed.put(request, engine.rewrite(request, reason));
                    return;
                }
            }
        }
        Diagnostic first = composition.diagnostics(elsewhere, null, null, host.methods().storedFiles()).get(0);
        throw new ProgramException(first.describe(), "fix " + host.base().fileName()
                + " (javac's message; the line is the program's own)");
    }

    private static Set<String> names(PlacedMethods placed) {
        Set<String> names = new java.util.HashSet<>();
        placed.known().values().forEach(k -> names.add(k.request().name()));
        return names;
    }

    /** What a call asks of the method it names. */
    private MethodRequest request(CallSites.Call call) {
        MethodRequest.Builder request = MethodRequest.builder(call.name())
                .examples(host.annotations().examplesOf(call.name())).context(call.lineText());
        for (CallSites.Argument argument : call.arguments()) {
            request.parameter(argument.name(), argument.type().source(), argument.type().descriptor());
        }
        if (call.returns() != null) {
            request.returns(call.returns().source(), call.returns().descriptor());
        }
        return request.build();
    }

    private List<String> written(PlacedMethods placed) {
        return placed.known().values().stream().filter(k -> k.ready().written())
                .map(k -> className() + "." + k.request().signature()).toList();
    }

    /**
     * Keeps the build for the next run of the same program, unless its methods use libraries: the cached
     * run reads neither the configuration nor the local repository, so it could check neither the
     * grant ({@code JIT_DEPENDENCIES}) nor the jars' SHA-256, which every build checks.
     */
    private void keep(HostedMethods engine, Built built, PlacedMethods placed) {
        if (!built.libraries().isEmpty()) {
            return;
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("format", CACHE_FORMAT);
        properties.put("main", built.className());
        properties.put("owner", host.storeId());
        for (PlacedMethods.Known known : placed.known().values()) {
            String signature = known.request().signature();
            properties.put("source " + signature, sha256(known.ready().source()));
            engine.stamp(signature).ifPresent(stamp -> properties.put("stamp " + signature, stamp));
        }
        StoreBrowser.open(host.store()).buildCache(cacheOwner(file))
                .write(cacheKey(host.base().text()), new BuildCache.Build(built.classes(), properties));
    }

    /** The program's text with its methods as members of its class (for {@code jit run --write}). */
    public String withMethodsInline() {
        BaseFile base = host.base();
        StringBuilder imports = new StringBuilder();
        StringBuilder members = new StringBuilder();
        for (PlacedMethods.Known known : host.methods().known().values()) {
            MethodSource source = MethodSource.parse(known.ready().source(), known.request().name(),
                    known.request().parameters().size());
            source.imports().forEach(line -> imports.append(line).append('\n'));
            members.append('\n');
            source.members().lines().forEach(line -> members.append("    ").append(line).append('\n'));
        }
        String text = base.text();
        String before = text.substring(0, base.importsAt()) + (base.importsAt() > 0 && imports.length() > 0 ? "\n" : "")
                + imports + text.substring(base.importsAt(), base.classEnd());
        return before + members + text.substring(base.classEnd());
    }

    private static String cacheKey(String text) {
        return "program " + sha256(text);
    }

    /** Where a program's builds are kept: by its file's name, known before the file is parsed. */
    private static String cacheOwner(Path file) {
        String name = file.getFileName().toString();
        return "file/" + (name.endsWith(".java") ? name.substring(0, name.length() - 5) : name);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
