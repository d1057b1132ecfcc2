package dev.jitjava.spi;

import dev.jitjava.Version;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One method as the store holds it, found by {@link StoreBrowser}.
 *
 * @param owner        the store's name for its owner: an interface's binary name, {@code object/scratch},
 *                     {@code file/Vowels}, {@code shell/session}
 * @param ownerLabel   how messages name the owner: {@code Numbers}, {@code scratch}, {@code Vowels}
 * @param signature    {@code countVowels(java.lang.String)}
 * @param sourceFile   its {@code .java} file
 * @param metadataFile its {@code .json} file
 * @param status       {@code generated}, {@code approved} or {@code edited}
 * @param model        the model that wrote the current version
 * @param versions     every version, oldest first
 * @param inputTokens  the tokens the current version took in, or -1 when the model did not say
 * @param outputTokens the tokens it took out, or -1
 * @param cost         what every version's model requests cost at the prices configured when they were made,
 *                     empty when none was priced
 */
public record StoredMethod(String owner, String ownerLabel, String signature, Path sourceFile, Path metadataFile,
                           String status, String model, List<Version> versions, long inputTokens, long outputTokens,
                           OptionalDouble cost) {
    /**
     * Copies the versions.
     *
     * @param owner the store's name for its owner: an interface's binary name, {@code object/scratch}, {@code file/Vowels}, {@code shell/session}
     * @param ownerLabel how messages name the owner: {@code Numbers}, {@code scratch}, {@code Vowels}
     * @param signature {@code countVowels(java.lang.String)}
     * @param sourceFile its {@code .java} file
     * @param metadataFile its {@code .json} file
     * @param status {@code generated}, {@code approved} or {@code edited}
     * @param model the model that wrote the current version
     * @param versions every version, oldest first
     * @param inputTokens the tokens the current version took in, or -1 when the model did not say
     * @param outputTokens the tokens it took out, or -1
     * @param cost what every version's requests cost, empty when none was priced
     */
    public StoredMethod {
        versions = List.copyOf(versions);
        Objects.requireNonNull(cost, "cost");
    }

    /**
     * A method without a known cost.
     *
     * @param owner        the store's name for its owner
     * @param ownerLabel   how messages name the owner
     * @param signature    {@code countVowels(java.lang.String)}
     * @param sourceFile   its {@code .java} file
     * @param metadataFile its {@code .json} file
     * @param status       {@code generated}, {@code approved} or {@code edited}
     * @param model        the model that wrote the current version
     * @param versions     every version, oldest first
     * @param inputTokens  the tokens the current version took in, or -1 when the model did not say
     * @param outputTokens the tokens it took out, or -1
     */
    public StoredMethod(String owner, String ownerLabel, String signature, Path sourceFile, Path metadataFile,
                        String status, String model, List<Version> versions, long inputTokens, long outputTokens) {
        this(owner, ownerLabel, signature, sourceFile, metadataFile, status, model, versions, inputTokens, outputTokens,
                OptionalDouble.empty());
    }

    /**
     * How {@code jit ls} names it.
     *
     * @return {@code Numbers.countVowels(java.lang.String)}
     */
    public String label() {
        return ownerLabel + "." + signature;
    }

    /**
     * Its name.
     *
     * @return {@code countVowels}
     */
    public String name() {
        return signature.substring(0, signature.indexOf('('));
    }

    /**
     * The kind of owner.
     *
     * @return {@code interface}, or the first folder of a two-folder owner ({@code object}, {@code file}, {@code shell})
     */
    public String ownerKind() {
        int slash = owner.indexOf('/');
        return slash < 0 ? "interface" : owner.substring(0, slash);
    }
}
