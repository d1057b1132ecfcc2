package dev.jitjava.verify;

import dev.jitjava.Capability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of {@code dev/jitjava/verify/*.txt}: which JDK classes and members generated code may
 * touch, with or without a {@link Capability}. See the README.txt beside the files.
 */
public final class Allowlist {
    private static final String FOLDER = "/dev/jitjava/verify/";
    private static final Pattern RULE = Pattern.compile(
            "^(-?)([\\w.$*]+)(?:#([\\w<>$]+))?\\s*(?:\\[(\\w+)])?\\s*(?:#\\s*(.*))?$");
    private static volatile Allowlist standard;

    /**
     * One rule.
     *
     * @param deny       a denial (else an allowance)
     * @param capability the capability that allows it (or lifts the denial), or null
     * @param reason     what the model and the user are told, or ""
     * @param origin     {@code java.lang.txt:12}
     */
    public record Rule(boolean deny, Capability capability, String reason, String origin) {
    }

    private final Map<String, List<Rule>> rules = new HashMap<>();
    private final Map<String, Rule> bootstraps = new HashMap<>();

    private Allowlist() {
    }

    /** The rules shipped with jit-java, read once. */
    public static Allowlist standard() {
        Allowlist list = standard;
        if (list == null) {
            synchronized (Allowlist.class) {
                if (standard == null) {
                    standard = load();
                }
                list = standard;
            }
        }
        return list;
    }

    private static Allowlist load() {
        Allowlist list = new Allowlist();
        for (String file : lines("index.txt")) {
            if (!file.isEmpty()) {
                list.read(file, list.rules);
            }
        }
        list.read("bootstraps.txt", null);
        return list;
    }

    private void read(String file, Map<String, List<Rule>> into) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = RULE.matcher(line);
            if (!m.matches()) {
                throw new IllegalStateException("Cannot read rule at " + file + ":" + (i + 1) + ": " + line);
            }
            String key = m.group(3) == null ? m.group(2) : m.group(2) + "#" + m.group(3);
            Capability capability = m.group(4) == null ? null : Capability.valueOf(m.group(4));
            Rule rule = new Rule(!m.group(1).isEmpty(), capability, m.group(5) == null ? "" : m.group(5).strip(),
                    file + ":" + (i + 1));
            if (into == null) {
                bootstraps.put(key, rule);
            } else {
                into.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
            }
        }
    }

    /** Rules for {@code key}: {@code pkg.Class#member}, {@code pkg.Class} or {@code pkg.*}. */
    List<Rule> rules(String key) {
        return rules.getOrDefault(key, List.of());
    }

    boolean isBootstrap(String owner, String name) {
        return bootstraps.containsKey(owner + "#" + name);
    }

    /** Every class named by a rule, for tests of the lists themselves. */
    public Set<String> keys() {
        return rules.keySet();
    }

    private static List<String> lines(String file) {
        try (InputStream in = Allowlist.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("jit-java's allowlist file " + file + " is missing from the class path");
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String stripped = line.strip();
                lines.add(stripped.startsWith("#") ? "" : stripped); // blank, so that line numbers stay true
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
