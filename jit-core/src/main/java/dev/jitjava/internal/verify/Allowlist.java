package dev.jitjava.internal.verify;

import dev.jitjava.Capability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of {@code dev/jitjava/verify/*.txt}: which JDK classes generated code may name and,
 * member by member, which constructors, methods and fields it may use, with or without a
 * {@link Capability}, behind which guard, or why not. The README.txt beside the files gives the
 * format. Read only when something is verified (never on the {@code .cache} start-up path), by
 * hand rather than with regular expressions, once per process.
 */
public final class Allowlist {
    private static final String FOLDER = "/dev/jitjava/verify/";
    private static volatile Allowlist standard;

    /**
     * How generated code may use a class or a member.
     *
     * @param deny       never allowed (whatever the grants)
     * @param capability the capability it needs, or null
     * @param reason     what the model and the user are told, or ""
     * @param guard      what charges its cost before the call, or null
     * @param origin     {@code java.lang.txt:12}
     */
    public record Rule(boolean deny, Capability capability, String reason, Guard guard, String origin) {
        /** Whether these grants allow it. */
        public boolean allows(Set<Capability> grants) {
            return !deny && (capability == null || grants.contains(capability));
        }
    }

    /** How a guard meets the call it guards. */
    public enum GuardKind {
        /** {@code @check=Guards.name(0,1)}: before the call, given some of its operands; throws when the cost is past the budget. */
        CHECK,
        /** {@code @guard=Regex.name}: instead of the call, given all its operands; does the work under a meter. */
        STAND_IN,
        /** {@code @result=Streams.name}: after the call, given its result, which it returns metered. */
        RESULT
    }

    /**
     * What charges the cost of a member whose work or allocation grows with its arguments.
     *
     * @param owner    the guard's class, internal name ({@code dev/jitjava/runtime/Guards})
     * @param name     the guard method
     * @param operands for a check, which operands of the call it is given (the receiver is 0 for an
     *                 instance method, then the arguments in order); empty otherwise
     */
    public record Guard(GuardKind kind, String owner, String name, int[] operands) {
        /** As in the files: {@code @check=Guards.elements(0)}, {@code @guard=Regex.matcher}, {@code @result=Streams.metered}. */
        @Override
        public String toString() {
            String simple = owner.substring(owner.lastIndexOf('/') + 1);
            String prefix = switch (kind) {
                case CHECK -> "@check=";
                case STAND_IN -> "@guard=";
                case RESULT -> "@result=";
            };
            StringBuilder text = new StringBuilder(prefix).append(simple).append('.').append(name);
            if (kind == GuardKind.CHECK) {
                text.append('(');
                for (int i = 0; i < operands.length; i++) {
                    text.append(i == 0 ? "" : ",").append(operands[i]);
                }
                text.append(')');
            }
            return text.toString();
        }
    }

    private static final String GUARD_PACKAGE = "dev/jitjava/runtime/";

    /** Classes by internal name ({@code java/util/ArrayList}). */
    private final Map<String, Rule> classes = new HashMap<>();
    /** Denied packages by internal name ({@code java/lang/reflect}). */
    private final Map<String, Rule> packages = new HashMap<>();
    /** Members: {@code java/util/ArrayList#add(Ljava/lang/Object;)} (a method: its parameters' descriptors), {@code java/lang/System#out} (a field). */
    private final Map<String, Rule> members = new HashMap<>();
    /** The members listed under each class, in file order, as keys of {@link #members}. */
    private final Map<String, List<String>> membersOf = new HashMap<>();
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
                list.read(file);
            }
        }
        List<String> bootstraps = lines("bootstraps.txt");
        for (int i = 0; i < bootstraps.size(); i++) {
            if (!bootstraps.get(i).isEmpty()) {
                list.bootstraps.put(bootstraps.get(i), new Rule(false, null, "", null, "bootstraps.txt:" + (i + 1)));
            }
        }
        return list;
    }

    private void read(String file) {
        List<String> lines = lines(file);
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            String origin = file + ":" + (i + 1);
            boolean deny = line.startsWith("-");
            String body = deny ? line.substring(1) : line;
            if (body.startsWith("class ") || body.startsWith("package ")) {
                boolean isClass = body.startsWith("class ");
                String rest = body.substring(isClass ? 6 : 8).strip();
                int end = nameEnd(rest);
                String name = rest.substring(0, end).replace('.', '/');
                Rule rule = rule(deny, rest.substring(end), origin, line);
                (isClass ? classes : packages).put(name, rule);
                section = isClass ? name : null;
                if (isClass) {
                    membersOf.putIfAbsent(name, new ArrayList<>());
                }
                continue;
            }
            if (section == null) {
                throw new IllegalStateException("A member outside a class at " + origin + ": " + line);
            }
            int end = nameEnd(body); // a signature has no spaces: format(String,Object[])
            if (end <= 0) {
                throw new IllegalStateException("Cannot read member at " + origin + ": " + line);
            }
            String key = section + "#" + Signatures.memberKey(body.substring(0, end));
            Rule rule = rule(deny, body.substring(end), origin, line);
            if (members.put(key, rule) != null) {
                throw new IllegalStateException("Member listed twice at " + origin + ": " + line);
            }
            membersOf.get(section).add(key);
        }
    }

    private static int nameEnd(String text) {
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** What follows a name: {@code [CAPABILITY]}, {@code @check=Guards.name(0,1)} or {@code @guard=Guards.name}, {@code # reason}. */
    private static Rule rule(boolean deny, String rest, String origin, String line) {
        String reason = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            reason = rest.substring(hash + 1).strip();
            rest = rest.substring(0, hash);
        }
        Capability capability = null;
        Guard guard = null;
        for (String token : Signatures.words(rest)) {
            if (token.startsWith("[") && token.endsWith("]")) {
                try {
                    capability = Capability.valueOf(token.substring(1, token.length() - 1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("Unknown capability at " + origin + ": " + line, e);
                }
            } else if (token.startsWith("@check=") || token.startsWith("@guard=") || token.startsWith("@result=")) {
                guard = guard(token, origin, line);
            } else {
                throw new IllegalStateException("Cannot read rule at " + origin + ": " + line);
            }
        }
        return new Rule(deny, capability, reason, guard, origin);
    }

    private static Guard guard(String token, String origin, String line) {
        int equals = token.indexOf('=');
        GuardKind kind = switch (token.substring(0, equals)) {
            case "@check" -> GuardKind.CHECK;
            case "@guard" -> GuardKind.STAND_IN;
            default -> GuardKind.RESULT;
        };
        String target = token.substring(equals + 1);
        int[] operands = new int[0];
        if (kind == GuardKind.CHECK) {
            int open = target.indexOf('(');
            if (open < 0 || !target.endsWith(")")) {
                throw new IllegalStateException("A check names the operands it takes, (0,1), at " + origin + ": " + line);
            }
            String list = target.substring(open + 1, target.length() - 1);
            target = target.substring(0, open);
            int start = 0;
            List<Integer> indexes = new ArrayList<>();
            while (start < list.length()) {
                int comma = list.indexOf(',', start);
                int end = comma < 0 ? list.length() : comma;
                indexes.add(Integer.parseInt(list.substring(start, end).strip()));
                start = end + 1;
            }
            operands = indexes.stream().mapToInt(Integer::intValue).toArray();
        }
        int dot = target.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalStateException("Cannot read guard at " + origin + ": " + line);
        }
        return new Guard(kind, GUARD_PACKAGE + target.substring(0, dot), target.substring(dot + 1), operands);
    }

    /** The rule for a class (internal name), or null when it is not listed. */
    public Rule classRule(String internalName) {
        return classes.get(internalName);
    }

    /** The denial of a class's package, or null. */
    public Rule packageRule(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? null : packages.get(internalName.substring(0, slash));
    }

    /**
     * The rule for a member listed under a class, or null.
     *
     * @param key {@code name(paramDescriptors)} for a method or constructor, {@code name} for a field
     */
    public Rule memberRule(String internalName, String key) {
        return members.get(internalName + "#" + key);
    }

    /** Whether the class has a section of its own (listed, allowed or not). */
    public boolean listed(String internalName) {
        return classes.containsKey(internalName);
    }

    public boolean isBootstrap(String owner, String name) {
        return bootstraps.containsKey(owner + "#" + name);
    }

    /** Every class with a section, for tests of the lists themselves. */
    public Set<String> classes() {
        return Collections.unmodifiableSet(classes.keySet());
    }

    /** The member keys ({@code java/util/ArrayList#add(Ljava/lang/Object;)}) listed under a class. */
    public List<String> members(String internalName) {
        return membersOf.getOrDefault(internalName, List.of());
    }

    /** The rule of a member key as {@link #members} gives it. */
    public Rule rule(String memberKey) {
        return members.get(memberKey);
    }

    private static List<String> lines(String file) {
        try (InputStream in = Allowlist.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("jit-java's allowlist file " + file + " is missing from the class path");
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
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
