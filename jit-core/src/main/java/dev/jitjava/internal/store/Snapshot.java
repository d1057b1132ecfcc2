package dev.jitjava.internal.store;

import dev.jitjava.internal.method.ExampleSpec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a start needs to bind one interface's stored methods without reading them, in one file
 * under {@code .cache/}: for each method, the stamps its {@code .java} and {@code .json} files had
 * when it last loaded, the parts of its metadata that decide whether it is still current, and its
 * verified, instrumented classes with the policy they passed under. An entry counts only while
 * both files keep their stamps; anything else is a miss, and the method loads from its files.
 */
public final class Snapshot {
    /** The first entry of the file: a change of layout makes old files misses. */
    private static final String FORMAT = "jit-java snapshot 1";

    /**
     * One method as it last loaded.
     *
     * @param json          the stamp of its {@code .json} file
     * @param java          the stamp of its {@code .java} file
     * @param spec          what it was asked to be (examples aside: they are in {@code checksHash})
     * @param addedExamples examples given to {@code improve}, part of its spec
     * @param checksHash    the fingerprint of the checks it passed, "" for none
     * @param policy        the verifier's policy its classes passed under
     * @param descriptor    the method's descriptor in its class
     * @param mainName      the name of the class holding the method
     * @param classes       its classes as the cache keeps them: renamed, in definition order
     */
    public record Entry(FileStamp json, FileStamp java, SpecRecord spec, List<ExampleSpec> addedExamples,
                        String checksHash, String policy, String descriptor, String mainName,
                        Map<String, byte[]> classes) {
        public Entry {
            addedExamples = List.copyOf(addedExamples);
        }
    }

    private final Map<String, Entry> bySignature;

    private Snapshot(Map<String, Entry> bySignature) {
        this.bySignature = bySignature;
    }

    public static Snapshot empty() {
        return new Snapshot(new HashMap<>());
    }

    /** The entry of a method by its signature, or null. */
    public Entry entry(String signature) {
        return bySignature.get(signature);
    }

    /** This snapshot with {@code entry} for {@code signature}, in place of any earlier one. */
    public Snapshot with(String signature, Entry entry) {
        Map<String, Entry> entries = new HashMap<>(bySignature);
        entries.put(signature, entry);
        return new Snapshot(entries);
    }

    /** Reads a snapshot written by {@link #toBytes}; a damaged or foreign one reads as empty. */
    public static Snapshot fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!readText(in).equals(FORMAT)) {
                return empty();
            }
            Map<String, Entry> entries = new HashMap<>();
            for (int count = in.readInt(); count > 0; count--) {
                String signature = readText(in);
                entries.put(signature, readEntry(in));
            }
            return new Snapshot(entries);
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeText(out, FORMAT);
            out.writeInt(bySignature.size());
            for (Map.Entry<String, Entry> each : bySignature.entrySet()) {
                writeText(out, each.getKey());
                writeEntry(out, each.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static Entry readEntry(DataInputStream in) throws IOException {
        FileStamp json = readStamp(in);
        FileStamp java = readStamp(in);
        SpecRecord spec = new SpecRecord(readText(in), readText(in), List.of(), readText(in), readText(in));
        List<ExampleSpec> added = new ArrayList<>();
        for (int count = in.readInt(); count > 0; count--) {
            added.add(new ExampleSpec(readText(in), readText(in), readText(in)));
        }
        String checksHash = readText(in);
        String policy = readText(in);
        String descriptor = readText(in);
        String mainName = readText(in);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int count = in.readInt(); count > 0; count--) {
            String name = readText(in);
            byte[] classBytes = new byte[checkedLength(in)];
            in.readFully(classBytes);
            classes.put(name, classBytes);
        }
        return new Entry(json, java, spec, added, checksHash, policy, descriptor, mainName, classes);
    }

    private static void writeEntry(DataOutputStream out, Entry entry) throws IOException {
        writeStamp(out, entry.json());
        writeStamp(out, entry.java());
        SpecRecord spec = entry.spec();
        writeText(out, spec.signature());
        writeText(out, spec.description());
        writeText(out, spec.context());
        writeText(out, spec.prompt());
        out.writeInt(entry.addedExamples().size());
        for (ExampleSpec example : entry.addedExamples()) {
            writeText(out, example.call());
            writeText(out, example.returns());
            writeText(out, example.thrown());
        }
        writeText(out, entry.checksHash());
        writeText(out, entry.policy());
        writeText(out, entry.descriptor());
        writeText(out, entry.mainName());
        out.writeInt(entry.classes().size());
        for (Map.Entry<String, byte[]> each : entry.classes().entrySet()) {
            writeText(out, each.getKey());
            out.writeInt(each.getValue().length);
            out.write(each.getValue());
        }
    }

    private static FileStamp readStamp(DataInputStream in) throws IOException {
        return new FileStamp(in.readLong(), in.readLong(), readText(in));
    }

    private static void writeStamp(DataOutputStream out, FileStamp stamp) throws IOException {
        out.writeLong(stamp.size());
        out.writeLong(stamp.modifiedNanos());
        writeText(out, stamp.fileKey());
    }

    /** Length and UTF-8 bytes: {@code writeUTF} stops at 64 KB, and a description may not. */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[checkedLength(in)];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** A length that fits in what is left: a damaged file must not ask for gigabytes. */
    private static int checkedLength(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("damaged snapshot");
        }
        return length;
    }
}
