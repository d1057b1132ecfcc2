package dev.jitjava.internal.dependency;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the model may add Maven dependencies, and from which group ids. The same groups are the
 * verifier's grant for the packages of an added library: code from a group the user allowed is
 * trusted as the user's own.
 *
 * @param enabled whether {@code add_dependency} is offered at all
 * @param groups  the allowed group ids; empty means any group
 */
public record DependencyGrant(boolean enabled, Set<String> groups) {
    public static final DependencyGrant NONE = new DependencyGrant(false, Set.of());

    public DependencyGrant {
        groups = Set.copyOf(groups);
    }

    /** Any group id. */
    public static DependencyGrant anyGroup() {
        return new DependencyGrant(true, Set.of());
    }

    /** These group ids only; none given means any group. */
    public static DependencyGrant groups(String... groupIds) {
        Set<String> groups = new TreeSet<>();
        for (String group : groupIds) {
            String id = group.strip();
            if (!id.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("\"" + group + "\" is not a Maven group id (like org.apache.commons)");
            }
            groups.add(id);
        }
        return new DependencyGrant(true, groups);
    }

    /**
     * {@code JIT_DEPENDENCIES}: unset or blank for none, {@code allow} for any group, or a
     * comma-separated list of group ids.
     */
    public static DependencyGrant parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        if (value.strip().equalsIgnoreCase("allow")) {
            return anyGroup();
        }
        try {
            return groups(Arrays.stream(value.split(",")).filter(s -> !s.isBlank()).toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("JIT_DEPENDENCIES is \"" + value + "\"; it must be allow (any group) or a "
                    + "comma-separated list of group ids: " + e.getMessage());
        }
    }

    public boolean allows(String groupId) {
        return enabled && (groups.isEmpty() || groups.contains(groupId));
    }

    /** For messages: {@code any group} or {@code org.a, org.b}. */
    public String describe() {
        return !enabled ? "none" : groups.isEmpty() ? "any group" : String.join(", ", new TreeSet<>(groups));
    }

    /** How a user allows this group: for error messages. */
    public static String howToAllow(String groupId) {
        return "Jit.builder().dependencies(\"" + groupId + "\") or JIT_DEPENDENCIES=" + groupId;
    }
}
