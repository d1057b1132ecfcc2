package dev.jitjava.internal.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.jitjava.internal.method.ExampleSpec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link Metadata} with Jackson's streaming generator (keys in a fixed order, two-space
 * indentation, one array element per line, a trailing newline) and reads it with {@link JsonText},
 * because reading happens at every start and Jackson's first parse costs tens of milliseconds there.
 */
public final class MetadataJson {
    /** Loaded on the first write only: start-up reads metadata and never needs Jackson. */
    private static final class Jackson {
        static final JsonFactory FACTORY = new JsonFactory();
        static final DefaultIndenter LINES = new DefaultIndenter("  ", "\n");
    }

    private MetadataJson() {
    }

    public static String write(Metadata metadata) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Jackson.FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(Jackson.LINES).withArrayIndenter(Jackson.LINES));
            json.writeStartObject();
            json.writeStringField("owner", metadata.owner());
            json.writeStringField("signature", metadata.signature());
            json.writeStringField("status", metadata.status().text());
            json.writeStringField("specHash", metadata.specHash());
            json.writeFieldName("spec");
            json.writeStartObject();
            SpecRecord spec = metadata.spec();
            json.writeStringField("signature", spec.signature());
            json.writeStringField("description", spec.description());
            writeStrings(json, "examples", spec.examples());
            json.writeStringField("context", spec.context());
            json.writeStringField("prompt", spec.prompt());
            json.writeEndObject();
            json.writeStringField("model", metadata.model());
            json.writeStringField("created", metadata.created());
            json.writeNumberField("attempts", metadata.attempts());
            writeTokens(json, metadata.tokens());
            if (metadata.totalCost() != null) {
                json.writeNumberField("totalCost", metadata.totalCost());
            }
            json.writeStringField("sourceHash", metadata.sourceHash());
            if (metadata.regenerated() != null) {
                json.writeStringField("regenerated", metadata.regenerated());
            }
            if (metadata.checks() != null) {
                json.writeFieldName("checks");
                json.writeStartObject();
                json.writeStringField("hash", metadata.checks().hash());
                writeStrings(json, "passed", metadata.checks().passed());
                json.writeEndObject();
            }
            if (!metadata.addedExamples().isEmpty()) {
                json.writeFieldName("addedExamples");
                json.writeStartArray();
                for (ExampleSpec example : metadata.addedExamples()) {
                    json.writeStartObject();
                    json.writeStringField("call", example.call());
                    json.writeStringField("returns", example.returns());
                    json.writeStringField("thrown", example.thrown());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (!metadata.dependencies().isEmpty()) {
                json.writeFieldName("dependencies");
                json.writeStartArray();
                for (Metadata.Dependency dependency : metadata.dependencies()) {
                    json.writeStartObject();
                    json.writeStringField("coordinates", dependency.coordinates());
                    json.writeFieldName("jars");
                    json.writeStartArray();
                    for (Metadata.Jar jar : dependency.jars()) {
                        json.writeStartObject();
                        json.writeStringField("coordinates", jar.coordinates());
                        json.writeStringField("sha256", jar.sha256());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeFieldName("versions");
            json.writeStartArray();
            for (Metadata.VersionRecord version : metadata.versions()) {
                json.writeStartObject();
                json.writeNumberField("number", version.number());
                json.writeStringField("model", version.model());
                json.writeStringField("created", version.created());
                json.writeNumberField("attempts", version.attempts());
                writeTokens(json, version.tokens());
                if (!version.requests().isEmpty()) { // on one line: [[input, output], ...], a pair per request
                    json.writeFieldName("requests");
                    StringBuilder pairs = new StringBuilder("[");
                    for (Metadata.Tokens request : version.requests()) {
                        pairs.append(pairs.length() > 1 ? ", [" : "[").append(request.input()).append(", ")
                                .append(request.output()).append(']');
                    }
                    json.writeRawValue(pairs.append(']').toString());
                }
                if (version.cost() != null) {
                    json.writeNumberField("cost", version.cost());
                }
                if (version.feedback() != null) {
                    json.writeStringField("feedback", version.feedback());
                }
                if (version.reason() != null) {
                    json.writeStringField("reason", version.reason());
                }
                writeStrings(json, "source", version.source());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /**
     * @throws IllegalArgumentException when the text is not JSON (with line and column), or a field
     *                                  is missing or of the wrong kind
     */
    public static Metadata read(String text) {
        Map<String, Object> root = object(JsonText.parse(text), "the file");
        Map<String, Object> spec = object(root.get("spec"), "spec");
        List<Metadata.VersionRecord> versions = new ArrayList<>();
        for (Object item : list(root.get("versions"), "versions")) {
            Map<String, Object> version = object(item, "a version");
            versions.add(new Metadata.VersionRecord(number(version, "number"), text(version, "model"),
                    text(version, "created"), number(version, "attempts"), tokens(version.get("tokens")),
                    optionalText(version, "feedback"), optionalText(version, "reason"), strings(version.get("source"), "source"),
                    requests(version.get("requests")), optionalNumber(version, "cost")));
        }
        return new Metadata(text(root, "owner"), text(root, "signature"), Metadata.Status.of(text(root, "status")), text(root, "specHash"),
                new SpecRecord(text(spec, "signature"), text(spec, "description"), strings(spec.get("examples"), "examples"),
                        text(spec, "context"), text(spec, "prompt")),
                text(root, "model"), text(root, "created"), number(root, "attempts"), tokens(root.get("tokens")),
                text(root, "sourceHash"), optionalText(root, "regenerated"), versions, checks(root.get("checks")),
                addedExamples(root.get("addedExamples")), dependencies(root.get("dependencies")));
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeFieldName(name);
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void writeTokens(JsonGenerator json, Metadata.Tokens tokens) throws IOException {
        if (tokens != null) {
            json.writeFieldName("tokens");
            json.writeStartObject();
            json.writeNumberField("input", tokens.input());
            json.writeNumberField("output", tokens.output());
            json.writeEndObject();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(what + " must be an object");
    }

    private static List<?> list(Object value, String what) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("\"" + what + "\" must be an array");
    }

    private static List<String> strings(Object value, String what) {
        List<String> strings = new ArrayList<>();
        for (Object item : list(value, what)) {
            if (!(item instanceof String string)) {
                throw new IllegalArgumentException("\"" + what + "\" must hold strings");
            }
            strings.add(string);
        }
        return strings;
    }

    private static String text(Map<String, Object> object, String name) {
        if (object.get(name) instanceof String string) {
            return string;
        }
        throw new IllegalArgumentException("\"" + name + "\" is missing or not a string");
    }

    private static String optionalText(Map<String, Object> object, String name) {
        return object.get(name) == null ? null : text(object, name);
    }

    private static int number(Map<String, Object> object, String name) {
        if (object.get(name) instanceof Long number) {
            return number.intValue();
        }
        throw new IllegalArgumentException("\"" + name + "\" is missing or not a whole number");
    }

    private static Double optionalNumber(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException("\"" + name + "\" is not a number");
    }

    /** {@code [[input, output], ...]}, one pair per request. */
    private static List<Metadata.Tokens> requests(Object value) {
        List<Metadata.Tokens> requests = new ArrayList<>();
        if (value != null) {
            for (Object item : list(value, "requests")) {
                List<?> pair = list(item, "a request's tokens");
                if (pair.size() != 2 || !(pair.get(0) instanceof Long input) || !(pair.get(1) instanceof Long output)) {
                    throw new IllegalArgumentException("\"requests\" must hold [input, output] pairs of whole numbers");
                }
                requests.add(new Metadata.Tokens(input, output));
            }
        }
        return requests;
    }

    private static Metadata.Checks checks(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> checks = object(value, "checks");
        return new Metadata.Checks(text(checks, "hash"), strings(checks.get("passed"), "passed"));
    }

    private static List<ExampleSpec> addedExamples(Object value) {
        List<ExampleSpec> examples = new ArrayList<>();
        if (value != null) {
            for (Object item : list(value, "addedExamples")) {
                Map<String, Object> example = object(item, "an example");
                examples.add(new ExampleSpec(text(example, "call"), text(example, "returns"), text(example, "thrown")));
            }
        }
        return examples;
    }

    private static List<Metadata.Dependency> dependencies(Object value) {
        List<Metadata.Dependency> dependencies = new ArrayList<>();
        if (value != null) {
            for (Object item : list(value, "dependencies")) {
                Map<String, Object> dependency = object(item, "a dependency");
                List<Metadata.Jar> jars = new ArrayList<>();
                for (Object jar : list(dependency.get("jars"), "jars")) {
                    Map<String, Object> fields = object(jar, "a jar");
                    jars.add(new Metadata.Jar(text(fields, "coordinates"), text(fields, "sha256")));
                }
                dependencies.add(new Metadata.Dependency(text(dependency, "coordinates"), jars));
            }
        }
        return dependencies;
    }

    private static Metadata.Tokens tokens(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> tokens = object(value, "tokens");
        return new Metadata.Tokens(number(tokens, "input"), number(tokens, "output"));
    }
}
