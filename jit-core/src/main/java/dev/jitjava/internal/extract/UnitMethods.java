package dev.jitjava.internal.extract;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.OwnerMethod;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a name, called with so many arguments, reaches from the unit's own code: one of the unit's
 * methods (a helper, or the method asked for, whose {@code self} a call leaves out), or one of the
 * owner's. Overloads are told apart by the number of arguments, as far as that goes.
 */
final class UnitMethods {
    private final ParsedBlock unit;
    private final MethodTree target;
    private final MethodSpec spec;
    private final boolean dynamic;
    /** The unit's own methods (the helpers and the method asked for), by name. */
    private final Map<String, List<MethodTree>> byName = new LinkedHashMap<>();
    private final Set<String> fields = new HashSet<>();

    UnitMethods(ParsedBlock unit, ClassTree top, MethodTree target, MethodSpec spec, boolean dynamic) {
        this.unit = unit;
        this.target = target;
        this.spec = spec;
        this.dynamic = dynamic;
        for (Tree member : top.getMembers()) {
            if (member instanceof MethodTree method) {
                byName.computeIfAbsent(method.getName().toString(), n -> new ArrayList<>()).add(method);
            } else if (member instanceof VariableTree field) {
                fields.add(field.getName().toString());
            }
        }
    }

    boolean isField(String name) {
        return fields.contains(name);
    }

    /** The unit's one method of that name, or null when it has none or several. */
    MethodTree onlyOneNamed(String name) {
        List<MethodTree> named = byName.getOrDefault(name, List.of());
        return named.size() == 1 ? named.get(0) : null;
    }

    /**
     * The unit's own method of that name that a call with {@code arity} arguments reaches, if one does:
     * a helper before the method asked for.
     */
    MethodTree helperFor(String name, int arity) {
        List<MethodTree> taking = taking(name, arity);
        for (MethodTree method : taking) {
            if (method != target) {
                return method;
            }
        }
        return taking.isEmpty() ? null : target;
    }

    /** Whether a call with {@code arity} arguments of that name may be the method asked for. */
    boolean targetTakes(String name, int arity) {
        return taking(name, arity).contains(target);
    }

    /** The helpers of that name that a call with {@code arity} arguments may reach. */
    List<MethodTree> helpersTaking(String name, int arity) {
        List<MethodTree> helpers = new ArrayList<>(taking(name, arity));
        helpers.remove(target);
        return helpers;
    }

    private List<MethodTree> taking(String name, int arity) {
        List<MethodTree> taking = new ArrayList<>();
        for (MethodTree method : byName.getOrDefault(name, List.of())) {
            int count = method.getParameters().size();
            boolean varArgs = count > 0 && unit.text(method.getParameters().get(count - 1)).contains("...");
            if (method == target || hasSelfParameter(method)) {
                count--; // a call leaves out self (one that passes it is the model's own, and left as it is)
            }
            if (arity == count || varArgs && arity >= count - 1) {
                taking.add(method);
            }
        }
        return taking;
    }

    /** An owner's method of that name taking {@code arity} arguments (any, for -1). */
    OwnerMethod ownerMethod(String name, int arity) {
        for (OwnerMethod method : spec.ownerMethods()) {
            if (method.name().equals(name) && (arity < 0 || method.takes(arity))) {
                return method;
            }
        }
        return null;
    }

    /**
     * A call of the method's own name that another of the interface's methods of that name could take
     * as well: it goes through {@code self}, where javac picks by the argument types.
     */
    boolean ambiguousRecursion(String name, int arity) {
        if (dynamic) {
            return false;
        }
        for (OwnerMethod method : spec.ownerMethods()) {
            if (method.name().equals(name) && method.takes(arity) && !method.isMethodOf(spec)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasSelfParameter(MethodTree method) {
        return !method.getParameters().isEmpty() && method.getParameters().get(0).getName().contentEquals("self");
    }

    /** Whether the unit has a method of the bridge's name taking {@code self} and the method's parameters. */
    boolean hasBridge(OwnerMethod method) {
        for (MethodTree helper : byName.getOrDefault(method.name(), List.of())) {
            if (helper != target && hasSelfParameter(helper)
                    && helper.getParameters().size() == method.parameters().size() + 1) {
                return true;
            }
        }
        return false;
    }
}
