package dev.jitjava.internal.tools;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.jitjava.internal.dependency.Artifact;
import dev.jitjava.internal.dependency.DependencyGrant;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.dependency.MavenResolver;
import dev.jitjava.internal.dependency.ResolutionException;
import dev.jitjava.internal.verify.BytecodeVerifier;
import dev.jitjava.internal.verify.Violation;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import org.objectweb.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The tools one generation offers the model: {@code describe_type(name)}, {@code search_types(keyword)}
 * and, when the user enabled it, {@code add_dependency(coordinates)}. Counts the calls against
 * {@code maxToolCalls}, logs each one, and keeps the libraries added so far.
 *
 * <p>One instance per generation, used by the thread that runs it.
 */
public final class Toolbox {
    static final int MAX_SEARCH_RESULTS = 25;
    /** Types described in the prompt of a model without tools: the prompt stays readable. */
    static final int MAX_PROMPT_TYPES = 10;
    private static final Logger LOG = LoggerFactory.getLogger("dev.jitjava.Jit");
    private static final JsonFactory JSON = new JsonFactory();

    /** What a generation's tools need to know. */
    public record Settings(DependencyGrant grant, int maxToolCalls, Supplier<MavenResolver> resolver) {
        /** The same tools without add_dependency: for code that cannot live in a class loader of its own. */
        public Settings withoutDependencies() {
            return new Settings(DependencyGrant.NONE, maxToolCalls, resolver);
        }
    }

    private final Class<?> anchor;
    private final String notPublic;
    private final ClassLoader base;
    private final Function<Libraries, BytecodeVerifier.Context> verifyContext;
    private final Settings settings;
    private final String method;
    private final List<Class<?>> promptTypes;
    private final Map<String, String> failedDependencies = new HashMap<>();
    private final List<String> denied = new ArrayList<>();
    private Libraries libraries;
    private ClassLoader loader;
    private final TypeDescriber describer;
    private int calls;
    private boolean describedInPrompt;

    /**
     * @param anchor        the class generated code is defined beside (the interface)
     * @param verifyContext what the verifier allows, given the libraries added so far
     * @param method        {@code Iface.name(args)}, for logs
     * @param promptTypes   the user's types the method works with, described in the prompt when the model has no tools
     * @param libraries     the libraries the method already uses (an improvement starts with them)
     * @param notPublic     the first of the method's own types that is not public, or null: a method with
     *                      libraries lives in a class loader of its own and can reach public types only
     */
    public Toolbox(Class<?> anchor, Function<Libraries, BytecodeVerifier.Context> verifyContext, Settings settings,
                   String method, List<Class<?>> promptTypes, Libraries libraries, String notPublic) {
        this.anchor = anchor;
        this.notPublic = notPublic;
        this.base = anchor.getClassLoader();
        this.verifyContext = verifyContext;
        this.settings = settings;
        this.method = method;
        this.promptTypes = List.copyOf(promptTypes);
        this.libraries = libraries;
        this.loader = libraries.isEmpty() ? base : libraries.newLoader(base);
        this.describer = new TypeDescriber(anchor.getPackageName());
    }

    public List<ToolSpecification> specifications() {
        List<ToolSpecification> tools = new ArrayList<>();
        tools.add(ToolSpecification.builder().name("describe_type")
                .description("The public API of a class on the class path: declaration, constructors, methods and "
                        + "fields with generic types, and what generated code may not use. Look a type up before "
                        + "using a method you are not sure of.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("name", "the class's binary name, like java.util.HashMap or "
                                + "java.util.Map$Entry (a simple name works when it is unique)")
                        .required("name").build())
                .build());
        tools.add(ToolSpecification.builder().name("search_types")
                .description("Classes on the class path whose simple name contains the keyword (at most "
                        + MAX_SEARCH_RESULTS + "), each marked with whether generated code may use it.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("keyword", "part of a class's simple name, like Duration or Csv")
                        .required("keyword").build())
                .build());
        if (settings.grant().enabled()) {
            tools.add(ToolSpecification.builder().name("add_dependency")
                    .description("Adds a Maven library (and its runtime dependencies) to this method, when the JDK "
                            + "is not enough. Allowed groups: " + settings.grant().describe() + ".")
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty("coordinates", "group:artifact:version with an exact version, like "
                                    + "org.apache.commons:commons-text:1.12.0")
                            .required("coordinates").build())
                    .build());
        }
        return tools;
    }

    /** Runs one tool call; its answer goes back to the model. Problems are answers too, never exceptions. */
    public String execute(ToolExecutionRequest request) {
        calls++;
        String call = request.name() + "(" + request.arguments() + ")";
        if (calls > settings.maxToolCalls()) {
            throw new ToolLimitException(settings.maxToolCalls(), call);
        }
        LOG.info("tool call {}/{} for {}: {}", calls, settings.maxToolCalls(), method, call);
        Map<String, String> arguments;
        try {
            arguments = arguments(request.arguments());
        } catch (IOException | IllegalArgumentException e) {
            return "Error: the arguments must be a JSON object of strings, like {\"name\": \"java.util.List\"}: "
                    + e.getMessage();
        }
        return switch (request.name()) {
            case "describe_type" -> describeType(arguments.getOrDefault("name", ""));
            case "search_types" -> searchTypes(arguments.getOrDefault("keyword", ""));
            case "add_dependency" -> addDependency(arguments.getOrDefault("coordinates", ""));
            default -> "Error: there is no tool named " + request.name() + "; the tools are "
                    + specifications().stream().map(ToolSpecification::name).collect(Collectors.joining(", "));
        };
    }

    /** The libraries the method may use: those it started with and those added. */
    public Libraries libraries() {
        return libraries;
    }

    /** Dependencies refused because of their group, for the user's error message. */
    public List<String> denied() {
        return List.copyOf(denied);
    }

    /**
     * The text that stands in for the tools when the model has none: descriptions of the user's
     * types the method works with.
     */
    public String withoutTools() {
        StringBuilder text = new StringBuilder("\nThis model cannot call tools, so here is what they would have "
                + "told you about the types this method works with:\n");
        for (Class<?> type : promptTypes.subList(0, Math.min(promptTypes.size(), MAX_PROMPT_TYPES))) {
            text.append("\n").append(describer.describe(type, verdicts()));
        }
        return promptTypes.isEmpty() ? "" : text.toString();
    }

    /** True the first time only: the conversation gets the descriptions once. */
    public boolean describeInPromptOnce() {
        boolean first = !describedInPrompt;
        describedInPrompt = true;
        return first;
    }

    private String describeType(String name) {
        String wanted = name.strip();
        if (wanted.isEmpty()) {
            return "Error: give a class name, like java.util.HashMap";
        }
        Class<?> type = load(wanted);
        if (type == null && !wanted.contains(".")) {
            List<String> matches = TypeIndex.names(loader, libraries.jars()).stream()
                    .filter(n -> TypeIndex.simpleName(n).equals(wanted.replace('$', '.'))).distinct().toList();
            if (matches.size() == 1) {
                type = load(matches.get(0));
            } else if (matches.size() > 1) {
                return "Several classes are named " + wanted + "; describe one by its binary name:\n"
                        + matches.stream().limit(MAX_SEARCH_RESULTS).collect(Collectors.joining("\n"));
            }
        }
        if (type == null) {
            return "No class " + wanted + " on the class path. Binary names separate nested classes with $ "
                    + "(java.util.Map$Entry); search_types finds classes by part of their name.";
        }
        if (!accessible(type)) {
            return type.getName() + " is neither public nor in package " + anchor.getPackageName() + "'s: generated code cannot use it.";
        }
        return describer.describe(type, verdicts());
    }

    private String searchTypes(String keyword) {
        String needle = keyword.strip().toLowerCase(Locale.ROOT);
        if (needle.length() < 2) {
            return "Error: give at least two letters of a class name";
        }
        BytecodeVerifier.Context context = verifyContext.apply(libraries);
        record Hit(String name, int rank, boolean usable) {
        }
        List<Hit> hits = new ArrayList<>();
        for (String name : TypeIndex.names(loader, libraries.jars())) {
            String simple = TypeIndex.simpleName(name).toLowerCase(Locale.ROOT);
            int last = simple.lastIndexOf('.') + 1;
            String own = simple.substring(last);
            int rank = own.equals(needle) ? 0 : own.startsWith(needle) ? 1 : simple.contains(needle) ? 2 : -1;
            if (rank >= 0) {
                hits.add(new Hit(name, rank, BytecodeVerifier.typeVerdict(name, context) == null));
            }
        }
        List<String> lines = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        hits.sort(Comparator.comparingInt(Hit::rank).thenComparing(h -> !h.usable())
                .thenComparing(h -> !h.name().startsWith("java.")).thenComparingInt(h -> h.name().length())
                .thenComparing(Hit::name));
        for (Hit hit : hits) {
            if (lines.size() == MAX_SEARCH_RESULTS) {
                break;
            }
            Class<?> type = seen.add(hit.name()) ? load(hit.name()) : null;
            if (type != null && accessible(type)) {
                lines.add(hit.name() + (hit.usable() ? "" : "   [generated code may not use it]"));
            }
        }
        if (lines.isEmpty()) {
            return "No public class on the class path has \"" + keyword.strip() + "\" in its simple name.";
        }
        return String.join("\n", lines) + (lines.size() == MAX_SEARCH_RESULTS ? "\n(more matched: be more precise)" : "");
    }

    private String addDependency(String coordinates) {
        String wanted = coordinates.strip();
        if (!settings.grant().enabled()) {
            denied.add(wanted + " (dependencies are not enabled)");
            return "Error: adding dependencies is not enabled here; write the method with the JDK only.";
        }
        String[] parts = wanted.split(":");
        if (parts.length < 3 || parts.length > 4 || wanted.matches(".*[\\[\\](),].*")
                || List.of("LATEST", "RELEASE").contains(parts[parts.length - 1])) {
            return "Error: give group:artifact:version with one exact version, like "
                    + "org.apache.commons:commons-text:1.12.0 (not \"" + wanted + "\")";
        }
        String group = parts[0];
        if (!settings.grant().allows(group)) {
            denied.add(wanted + " (group " + group + " is not allowed)");
            LOG.warn("the model asked for {} while writing {}; group {} is not allowed (allowed: {}). "
                    + "Allow it with {}", wanted, method, group, settings.grant().describe(), DependencyGrant.howToAllow(group));
            return "Denied: dependencies from group " + group + " are not allowed here (allowed: "
                    + settings.grant().describe() + "). Use an allowed group or the JDK only.";
        }
        if (notPublic != null) {
            denied.add(wanted + " (" + notPublic + " is not public)");
            LOG.warn("the model asked for {} while writing {}; a method with libraries can reach public types only, "
                    + "and {} is not: make it public to let its methods use libraries", wanted, method, notPublic);
            return "Error: this method cannot use libraries, because " + notPublic + " is not public (a method with "
                    + "libraries lives in a class loader of its own). Write it with the JDK only.";
        }
        if (libraries.contains(wanted)) {
            return wanted + " is already added.";
        }
        String failed = failedDependencies.get(wanted);
        if (failed != null) {
            return "Error (already tried, not retried): " + failed;
        }
        List<Artifact> artifacts;
        try {
            artifacts = settings.resolver().get().resolve(wanted, false);
        } catch (ResolutionException e) {
            failedDependencies.put(wanted, e.getMessage());
            LOG.warn("{} for {}", e.getMessage(), method);
            return "Error: " + e.getMessage() + ". Do not ask for it again: check the coordinates, pick another "
                    + "version or library, or use the JDK.";
        }
        libraries = libraries.with(new Libraries.Added(wanted, artifacts));
        loader = libraries.newLoader(base);
        Set<String> packages = Libraries.of(List.of(new Libraries.Added(wanted, artifacts.subList(0, 1))))
                .grantedPackages(settings.grant());
        return "Added " + wanted + " (" + artifacts.size() + (artifacts.size() == 1 ? " jar" : " jars") + ": "
                + artifacts.stream().map(Artifact::coordinates).collect(Collectors.joining(", ")) + ").\n"
                + "Its packages: " + packages.stream().sorted().limit(30).map(p -> p.replace('/', '.'))
                .collect(Collectors.joining(", ")) + "\nUse describe_type on its classes before using them.";
    }

    /** Public, or in the interface's own package, where generated classes are defined. */
    private boolean accessible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            boolean samePackage = c.getPackageName().equals(anchor.getPackageName()) && c.getClassLoader() == base;
            if (!Modifier.isPublic(c.getModifiers()) && (!samePackage || Modifier.isPrivate(c.getModifiers()))) {
                return false;
            }
        }
        return true;
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private TypeDescriber.Verdicts verdicts() {
        BytecodeVerifier.Context context = verifyContext.apply(libraries);
        return new TypeDescriber.Verdicts() {
            @Override
            public Violation type(Class<?> type) {
                return BytecodeVerifier.typeVerdict(type.getName(), context);
            }

            @Override
            public Violation member(Class<?> type, Member member) {
                String owner = type.getName();
                if (member instanceof Method m) {
                    return BytecodeVerifier.memberVerdict(owner, m.getName(), Type.getMethodDescriptor(m), false, context);
                }
                if (member instanceof Constructor<?> c) {
                    return BytecodeVerifier.memberVerdict(owner, "<init>", Type.getConstructorDescriptor(c), false, context);
                }
                Field f = (Field) member;
                return BytecodeVerifier.memberVerdict(owner, f.getName(), Type.getDescriptor(f.getType()), true, context);
            }
        };
    }

    private static Map<String, String> arguments(String json) throws IOException {
        Map<String, String> arguments = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json == null || json.isBlank() ? "{}" : json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not an object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                arguments.put(name, parser.getValueAsString(""));
                parser.skipChildren();
            }
        }
        return arguments;
    }
}
