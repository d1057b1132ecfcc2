package dev.jitjava.internal.verify;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the member-level allowlist ({@code jit-core/src/main/resources/dev/jitjava/verify/*.txt})
 * from the running JDK: every public or protected constructor, method and field of every class with
 * a {@code class} section gets a line. Lines already there are kept as they are (they were reviewed
 * by hand); a member missing from its section (a new JDK's) is added with a proposed rule from
 * {@link AllowlistProposals} and a {@code # review:} note, so that a reviewer sees it.
 *
 * <pre>
 * mvn -B -q -o test-compile -pl jit-core
 * java -cp jit-core/target/classes:jit-core/target/test-classes:$(cat cp.txt) \
 *     dev.jitjava.internal.verify.AllowlistGenerator jit-core/src/main/resources/dev/jitjava/verify [--add java.util.*|java.lang.String ...]
 * </pre>
 * Run it once on each JDK the project supports (17 and the newest), then review the {@code # review:}
 * lines and remove the note. {@code AllowlistCompletenessTest} fails while a member of the running
 * JDK has no line, so a new JDK's members stay denied until someone decides.
 */
public final class AllowlistGenerator {
    private AllowlistGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        List<String> additions = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].equals("--add")) {
                additions.add(args[i]);
            }
        }
        Map<String, ListFile> files = new LinkedHashMap<>();
        for (String name : Files.readAllLines(folder.resolve("index.txt"))) {
            if (!name.isBlank() && !name.startsWith("#")) {
                files.put(name.strip(), ListFile.read(folder.resolve(name.strip())));
            }
        }
        Set<String> sections = new TreeSet<>();
        files.values().forEach(file -> sections.addAll(file.sections.keySet()));
        for (String addition : additions) {
            for (Class<?> type : classes(addition)) {
                String fileName = type.getPackageName() + ".txt";
                ListFile file = files.computeIfAbsent(fileName, name -> new ListFile(new ArrayList<>(List.of(
                        "# " + type.getPackageName() + ": reviewed member by member; see README.txt"))));
                if (!sections.contains(type.getName()) && !file.denied(type.getName())) {
                    file.sections.put(type.getName(), new Section("class " + type.getName()
                            + AllowlistProposals.classSuffix(type)));
                    sections.add(type.getName());
                }
            }
        }
        int added = 0;
        for (ListFile file : files.values()) {
            for (Map.Entry<String, Section> entry : file.sections.entrySet()) {
                Section section = entry.getValue();
                if (section.header.startsWith("-")) {
                    continue;
                }
                Class<?> type = load(entry.getKey());
                if (type == null) {
                    continue; // a class of another JDK: its lines stay for that JDK
                }
                List<Member> found = members(type, sections);
                found.sort(java.util.Comparator.comparing(AllowlistGenerator::written));
                for (Member member : found) {
                    String written = written(member);
                    if (!section.has(written)) {
                        section.lines.add("  " + AllowlistProposals.propose(type, member, written) + " # review: new in "
                                + Runtime.version().feature());
                        added++;
                    }
                }
            }
        }
        List<String> index = new ArrayList<>(List.of("# The allowlist files, read in this order. Each holds the rules for one package."));
        for (Map.Entry<String, ListFile> entry : files.entrySet()) {
            entry.getValue().write(folder.resolve(entry.getKey()));
            index.add(entry.getKey());
        }
        Files.write(folder.resolve("index.txt"), index);
        System.out.println("Added " + added + " members for review, in " + files.size() + " files");
    }

    /**
     * The members generated code could name through this class that its own section must classify:
     * public and protected ones, declared by the class itself or inherited from a class without a
     * section of its own (a package-private superclass such as AbstractStringBuilder).
     */
    static List<Member> members(Class<?> type, Set<String> sections) {
        List<Member> members = new ArrayList<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor) && !constructor.isSynthetic()) {
                members.add(constructor);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c != type && sections.contains(c.getName())) {
                break;
            }
            for (Method method : c.getDeclaredMethods()) {
                if (visible(method) && !method.isBridge() && !method.isSynthetic() && seen.add(written(method))) {
                    members.add(method);
                }
            }
            for (Field field : c.getDeclaredFields()) {
                if (visible(field) && !field.isSynthetic() && seen.add(field.getName())) {
                    members.add(field);
                }
            }
            if (type.isInterface()) {
                break;
            }
        }
        return members;
    }

    static boolean visible(Member member) {
        int modifiers = member.getModifiers();
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    static String written(Member member) {
        if (member instanceof Field) {
            return member.getName();
        }
        String name = member instanceof Constructor<?> ? "<init>" : member.getName();
        return Signatures.written(name, ((Executable) member).getParameterTypes());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** {@code java.util.*}: the package's public classes (nested ones too) in the JDK's modules; else one class. */
    private static List<Class<?>> classes(String name) throws IOException {
        if (!name.endsWith(".*")) {
            Class<?> type = load(name);
            if (type == null) {
                throw new IllegalArgumentException("No such class on this JDK: " + name);
            }
            return List.of(type);
        }
        String pkg = name.substring(0, name.length() - 2);
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
            for (Path module : (Iterable<Path>) modules::iterator) {
                Path dir = module.resolve(pkg.replace('.', '/'));
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> entries = Files.list(dir)) {
                    for (Path file : (Iterable<Path>) entries.sorted()::iterator) {
                        String fileName = file.getFileName().toString();
                        if (!fileName.endsWith(".class") || fileName.equals("package-info.class")) {
                            continue;
                        }
                        Class<?> type = load(pkg + "." + fileName.substring(0, fileName.length() - 6));
                        if (type != null && exported(type)) {
                            found.add(type);
                        }
                    }
                } catch (NoSuchFileException e) {
                    // not in this module
                }
            }
        }
        return found;
    }

    private static boolean exported(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    /** One {@code class} section: its header line and the lines under it, comments included. */
    private static final class Section {
        final String header;
        final List<String> lines = new ArrayList<>();

        Section(String header) {
            this.header = header;
        }

        boolean has(String written) {
            for (String line : lines) {
                String text = line.strip();
                if (text.startsWith("-")) {
                    text = text.substring(1);
                }
                int end = 0;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                if (text.substring(0, end).equals(written)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A file: lines before the first section, then the sections by class name. */
    private static final class ListFile {
        final List<String> preamble;
        final Map<String, Section> sections = new LinkedHashMap<>();

        ListFile(List<String> preamble) {
            this.preamble = preamble;
        }

        static ListFile read(Path path) throws IOException {
            ListFile file = new ListFile(new ArrayList<>());
            Section current = null;
            for (String line : Files.readAllLines(path)) {
                String text = line.strip();
                String body = text.startsWith("-") ? text.substring(1) : text;
                if (body.startsWith("class ")) {
                    String name = Signatures.words(body.substring(6)).get(0);
                    current = new Section(text);
                    file.sections.put(name, current);
                } else if (current == null || body.startsWith("package ")) {
                    file.preamble.add(line);
                } else {
                    current.lines.add(line);
                }
            }
            return file;
        }

        boolean denied(String className) {
            for (String line : preamble) {
                String text = line.strip();
                if (text.startsWith("-package ")) {
                    String pkg = Signatures.words(text.substring(9)).get(0);
                    if (className.startsWith(pkg + ".") && className.indexOf('.', pkg.length() + 1) < 0) {
                        return true;
                    }
                }
            }
            return false;
        }

        void write(Path path) throws IOException {
            List<String> out = new ArrayList<>(preamble);
            while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
                out.remove(out.size() - 1);
            }
            for (Section section : sections.values()) {
                out.add("");
                out.add(section.header);
                List<String> lines = new ArrayList<>(section.lines);
                while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                    lines.remove(lines.size() - 1);
                }
                out.addAll(lines);
            }
            Files.write(path, out);
        }
    }
}
