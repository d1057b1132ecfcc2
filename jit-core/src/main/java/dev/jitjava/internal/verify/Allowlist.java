package dev.jitjava.internal.verify;

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

/**
 * The rules of {@code dev/jitjava/verify/*.txt}: which JDK classes and members generated code may
 * touch, with or without a {@link Capability}. See the README.txt beside the files.
 */
public final class Allowlist {
    private static final String FOLDER = "/dev/jitjava/verify/";
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
            Rule rule = parse(line, file + ":" + (i + 1));
            String key = ruleKey(line);
            if (into == null) {
                bootstraps.put(key, rule);
            } else {
                List<Rule> existing = into.get(key);
                if (existing == null) {
                    existing = new ArrayList<>();
                    into.put(key, existing);
                }
                existing.add(rule);
            }
        }
    }

    /**
     * {@code [-]name[#member] [[CAPABILITY]] [# reason]}, read by hand rather than with a regular
     * expression: java.util.regex costs more than the rest of start-up's rule reading together.
     */
    private static Rule parse(String line, String origin) {
        int hash = reasonStart(line);
        String rule = (hash < 0 ? line : line.substring(0, hash)).strip();
        String reason = hash < 0 ? "" : line.substring(hash + 1).strip();
        Capability capability = null;
        int bracket = rule.indexOf('[');
        if (bracket >= 0) {
            if (!rule.endsWith("]")) {
                throw new IllegalStateException("Cannot read rule at " + origin + ": " + line);
            }
            try {
                capability = Capability.valueOf(rule.substring(bracket + 1, rule.length() - 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Unknown capability at " + origin + ": " + line, e);
            }
            rule = rule.substring(0, bracket).strip();
        }
        boolean deny = rule.startsWith("-");
        String name = deny ? rule.substring(1) : rule;
        if (name.isEmpty() || !validName(name)) {
            throw new IllegalStateException("Cannot read rule at " + origin + ": " + line);
        }
        return new Rule(deny, capability, reason, origin);
    }

    /** The class, member or package a rule line names: {@code java.lang.System#exit}. */
    private static String ruleKey(String line) {
        int hash = reasonStart(line);
        String rule = (hash < 0 ? line : line.substring(0, hash)).strip();
        int bracket = rule.indexOf('[');
        if (bracket >= 0) {
            rule = rule.substring(0, bracket).strip();
        }
        return rule.startsWith("-") ? rule.substring(1) : rule;
    }

    /** Where the reason's {@code #} is: the first {@code #} after whitespace (a member's {@code #} has none before it). */
    private static int reasonStart(String line) {
        for (int i = 1; i < line.length(); i++) {
            if (line.charAt(i) == '#' && Character.isWhitespace(line.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean validName(String name) {
        int hash = name.indexOf('#');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '*'
                    || i == hash || i > hash && hash >= 0 && (c == '<' || c == '>');
            if (!ok) {
                return false;
            }
        }
        return hash != name.length() - 1;
    }

    /** Rules for {@code key}: {@code pkg.Class#member}, {@code pkg.Class} or {@code pkg.*}. */
    public List<Rule> rules(String key) {
        return rules.getOrDefault(key, List.of());
    }

    public boolean isBootstrap(String owner, String name) {
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
