package dev.jitjava.internal.store;

import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.prompt.Prompts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a method was asked to be, as stored beside it: when any of it changes, the stored method is
 * stale. The interface's other methods are not part of it, so adding a method to an interface does
 * not regenerate the ones already written.
 *
 * @param signature   the signature with generic types and without parameter names (for dynamic methods,
 *                    the erased one: their return type is the caller's business)
 * @param description the method's description
 * @param examples    its examples
 * @param context     the interface's description
 * @param prompt      the prompt version
 */
public record SpecRecord(String signature, String description, List<String> examples, String context, String prompt) {

    public SpecRecord {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public static SpecRecord of(MethodSpec spec) {
        // A dynamic or hosted method's return type is its caller's business: it is identified by its parameters.
        boolean typed = spec.owner() instanceof Owner.Interface;
        return new SpecRecord(typed ? spec.typeSignature() : spec.key().signature(), spec.description(),
                describe(spec.examples()),
                spec.owner().description(), Prompts.VERSION);
    }

    private static List<String> describe(List<dev.jitjava.internal.method.ExampleSpec> examples) {
        List<String> described = new ArrayList<>(examples.size());
        for (dev.jitjava.internal.method.ExampleSpec example : examples) {
            described.add(example.describe());
        }
        return described;
    }

    /**
     * A hash of every field but the examples: equal hashes, same spec. Examples are checks, kept in
     * {@link Metadata#checks()}: a stored method whose examples change is checked again, not rewritten.
     */
    public String hash() {
        return sha256(String.join("\u0000", signature, description, context, prompt));
    }

    /**
     * Whether {@code other} asks for the same method: what {@link #hash()} covers, compared field by
     * field, so that loading a stored method hashes nothing.
     */
    public boolean sameAs(SpecRecord other) {
        return Objects.equals(signature, other.signature) && Objects.equals(description, other.description)
                && Objects.equals(context, other.context) && Objects.equals(prompt, other.prompt);
    }

    /** Why {@code newer} differs from this, in words, e.g. "the description changed". */
    public String changesTo(SpecRecord newer) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(signature, newer.signature)) {
            changed.add("the signature");
        }
        if (!Objects.equals(description, newer.description)) {
            changed.add("the description");
        }
        if (!Objects.equals(examples, newer.examples)) {
            changed.add("the examples");
        }
        if (!Objects.equals(context, newer.context)) {
            changed.add("the interface's description");
        }
        if (!Objects.equals(prompt, newer.prompt)) {
            changed.add("jit-java's prompt");
        }
        return changed.isEmpty() ? "nothing changed" : String.join(" and ", changed) + " changed";
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
