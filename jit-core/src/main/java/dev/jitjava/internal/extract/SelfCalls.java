package dev.jitjava.internal.extract;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.OwnerMethod;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the calls an answer writes as code in a class of the owner's would, without a receiver or
 * with {@code this}, work in the generated class, where the method is static and the object is the
 * parameter {@code self}. The unit's source is rewritten at javac's positions:
 * <ul>
 * <li>the method calling itself (same name, as many arguments) calls the unit's method directly:
 *     {@code fib(n - 1)} becomes {@code fib(self, n - 1)};</li>
 * <li>a call of another method of the owner becomes a call on {@code self}: {@code self.area(r)} for an
 *     interface, a typed bridge ({@code area(self, r)}, calling {@code self.call(Double.class, "area", r)})
 *     for a {@code JitObject}, whose own {@code self.area(r)} is rewritten the same way;</li>
 * <li>a helper the answer defines wins over an owner's method of the same name taking as many arguments,
 *     as Java's scoping would have it; a helper that needs {@code self}, directly or through other
 *     helpers, gets it as its first parameter, passed on by its callers;</li>
 * <li>{@code this} in the method and its helpers means {@code self}, the answer's class names mean the
 *     generated class, and method references to the method, the owner's methods and helpers become
 *     lambdas or references that work there.</li>
 * </ul>
 * Calls inside the answer's own nested, local and anonymous classes are left to those classes when
 * they declare a method of that name; lambdas and local or anonymous classes capture {@code self}.
 */
public final class SelfCalls {
    private static final String SELF = "self";

    private final ParsedBlock unit;
    private final ClassTree top;
    private final MethodTree target;
    private final MethodSpec spec;
    private final String className;
    private final Set<String> wrapperNames;
    private final boolean dynamic;
    private final SourceEdits edits = new SourceEdits();
    private final UnitMethods methods;
    private final Map<MethodTree, Boolean> usesSelf = new LinkedHashMap<>();
    private final List<HelperCall> helperCalls = new ArrayList<>();
    private final Set<OwnerMethod> bridged = new LinkedHashSet<>();

    /** A call of one of the unit's helpers, which gets {@code self} if that helper needs it. */
    private record HelperCall(MethodTree caller, MethodTree helper, Tree call, long openParenthesis, boolean noArguments,
                              int arity) {
    }

    private SelfCalls(ParsedBlock unit, ClassTree top, MethodTree target, MethodSpec spec, String className,
                      Set<String> wrapperNames) {
        this.unit = unit;
        this.top = top;
        this.target = target;
        this.spec = spec;
        this.className = className;
        this.wrapperNames = wrapperNames;
        this.dynamic = spec.owner() instanceof dev.jitjava.internal.method.Owner.DynamicObject;
        this.methods = new UnitMethods(unit, top, target, spec, dynamic);
    }

    /**
     * The unit's source with the calls rewritten, or as it is when nothing needs it.
     *
     * @param classNames the answer's classes whose members are now the unit's (see {@code Extraction.Found})
     */
    public static String rewrite(String source, String className, MethodSpec spec, List<String> classNames) {
        if (spec.owner().selfSource() == null || !CallText.mayCall(source, spec, classNames)) {
            return source; // most answers call nothing of the owner's: no second parse for them
        }
        ParsedBlock unit = ParsedBlock.parseSource(source, source.split("\n", -1), 0);
        if (!unit.errors.isEmpty() || unit.wrapper == null) {
            return source; // javac reports it, with its own words
        }
        ClassTree top = null;
        for (Tree type : unit.unit.getTypeDecls()) {
            if (type instanceof ClassTree c && c.getSimpleName().contentEquals(className)) {
                top = c;
            }
        }
        MethodTree target = null;
        for (Tree member : top == null ? List.<Tree>of() : top.getMembers()) {
            if (member instanceof MethodTree method && method.getName().contentEquals(spec.name())
                    && method.getParameters().size() == spec.parameters().size() + 1
                    && method.getParameters().get(0).getName().contentEquals(SELF)) {
                target = method;
                break;
            }
        }
        if (target == null) {
            return source;
        }
        Set<String> wrappers = new HashSet<>(classNames);
        SelfCalls calls = new SelfCalls(unit, top, target, spec, className, wrappers);
        return calls.run();
    }

    private String run() {
        for (Tree member : top.getMembers()) {
            if (member instanceof MethodTree method) {
                usesSelf.put(method, false);
            } else if (member instanceof ClassTree nested) {
                wrapperNames.remove(nested.getSimpleName().toString()); // the unit's own class of that name
            }
        }
        for (Tree member : top.getMembers()) {
            MethodTree method = member instanceof MethodTree m ? m : null;
            member.accept(new Scanner(method), null);
        }
        threadSelf();
        if (edits.isEmpty() && bridged.isEmpty()) {
            return unit.source;
        }
        bridged.removeIf(methods::hasBridge); // an improved version keeps what the version it improves showed
        if (!bridged.isEmpty()) {
            edits.insert(unit.end(top) - 1, Bridges.source(bridged, spec.owner().selfSource()));
        }
        return edits.apply(unit.source);
    }

    /** Walks one member of the unit's class, knowing which classes of the answer's own it is inside. */
    private final class Scanner extends TreeScanner<Void, Void> {
        private final MethodTree method;
        /** The answer's classes around the code being scanned, innermost last, with whether each is static. */
        private final Deque<ClassTree> classes = new ArrayDeque<>();
        private final Deque<Boolean> staticClass = new ArrayDeque<>();

        Scanner(MethodTree method) {
            this.method = method;
        }

        /**
         * Whether {@code self} can be reached here: inside a method of the unit's, and not in a class
         * that cannot capture it (a member class of the unit's, a local record, enum or interface).
         */
        private boolean selfReachable() {
            return method != null && !staticClass.contains(true);
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            boolean isStatic = classes.isEmpty() && method == null || type.getKind() != Tree.Kind.CLASS
                    || type.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.STATIC);
            classes.addLast(type);
            staticClass.addLast(isStatic);
            super.visitClass(type, unused);
            classes.removeLast();
            staticClass.removeLast();
            return null;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            ExpressionTree select = call.getMethodSelect();
            int arity = call.getArguments().size();
            if (select instanceof IdentifierTree identifier) {
                String name = identifier.getName().toString();
                if (!declaredInside(name) && selfReachable()) {
                    resolve(call, select, name, arity);
                }
            } else if (select instanceof MemberSelectTree member) {
                String name = member.getIdentifier().toString();
                ExpressionTree receiver = member.getExpression();
                if (isOuterThis(receiver) || (isThis(receiver) || isWrapper(receiver)) && classes.isEmpty()) {
                    if (selfReachable()) {
                        resolve(call, select, name, arity);
                    }
                    scan(call.getTypeArguments(), null);
                    scan(call.getArguments(), null);
                    return null;
                }
                if (dynamic && isSelf(receiver) && selfReachable() && methods.ownerMethod(name, arity) != null) {
                    onSelf(call, select, name, arity);
                    scan(call.getArguments(), null);
                    return null;
                }
            }
            return super.visitMethodInvocation(call, unused);
        }

        /**
         * A call the answer meant for its own class: to a helper (left, or given {@code self}), to the
         * method itself (direct, with {@code self}), or to another of the owner's methods (on {@code self}).
         */
        private void resolve(MethodInvocationTree call, ExpressionTree select, String name, int arity) {
            long open = Lexing.openParenthesis(unit.source, (int) unit.end(select));
            boolean noArguments = call.getArguments().isEmpty();
            MethodTree helper = methods.helperFor(name, arity);
            if (helper != null && helper != target) {
                replaceSelect(select, name);
                helperCalls.add(new HelperCall(method, helper, call, open, noArguments, arity));
                if (methods.targetTakes(name, arity)) {
                    // The method and helpers share a name and an arity: all take self, and javac picks by type.
                    methods.helpersTaking(name, arity).forEach(shared -> usesSelf.put(shared, true));
                }
                return;
            }
            OwnerMethod owned = methods.ownerMethod(name, arity);
            boolean recursion = helper == target && !methods.ambiguousRecursion(name, arity);
            if (recursion || dynamic && owned != null) {
                replaceSelect(select, name);
                edits.insert(open + 1, noArguments ? SELF : SELF + ", ");
                if (!recursion) {
                    bridged.add(owned);
                }
                usesSelf.put(method, true);
            } else if (helper == target || owned != null) {
                replaceSelect(select, SELF + "." + name);
                usesSelf.put(method, true);
            }
        }

        /** {@code self.name(...)} on a {@code JitObject}, which has no such method: the method itself or a bridge. */
        private void onSelf(MethodInvocationTree call, ExpressionTree select, String name, int arity) {
            long open = Lexing.openParenthesis(unit.source, (int) unit.end(select));
            OwnerMethod owned = methods.ownerMethod(name, arity);
            replaceSelect(select, name);
            edits.insert(open + 1, call.getArguments().isEmpty() ? SELF : SELF + ", ");
            usesSelf.put(method, true);
            if (!owned.isMethodOf(spec)) {
                bridged.add(owned);
            }
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree select, Void unused) {
            ExpressionTree receiver = select.getExpression();
            String name = select.getIdentifier().toString();
            if ((isThis(receiver) && classes.isEmpty() || isOuterThis(receiver)) && methods.isField(name)) {
                edits.replace(unit.start(receiver), unit.end(receiver), className);
                return null;
            }
            if (isOuterThis(receiver) && selfReachable()) {
                edits.replace(unit.start(receiver), unit.end(receiver), SELF);
                usesSelf.put(method, true);
                return null;
            }
            return super.visitMemberSelect(select, unused);
        }

        @Override
        public Void visitIdentifier(IdentifierTree identifier, Void unused) {
            String name = identifier.getName().toString();
            if (name.equals("this") && classes.isEmpty() && selfReachable()) {
                edits.replace(unit.start(identifier), unit.end(identifier), SELF);
                usesSelf.put(method, true);
            } else if (wrapperNames.contains(name)) {
                edits.replace(unit.start(identifier), unit.end(identifier), className);
            } else if (name.equals(SELF) && method != null && !UnitMethods.hasSelfParameter(method)) {
                usesSelf.put(method, true);
            }
            return null;
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
            ExpressionTree qualifier = reference.getQualifierExpression();
            String name = reference.getName().toString();
            boolean own = isOuterThis(qualifier) || (isThis(qualifier) || isWrapper(qualifier)) && classes.isEmpty()
                    || dynamic && isSelf(qualifier);
            if (!own || !selfReachable() || name.equals("new")) {
                return super.visitMemberReference(reference, unused);
            }
            MethodTree helper = methods.onlyOneNamed(name);
            long from = unit.start(reference);
            long to = unit.end(reference);
            if (helper != null && helper != target) {
                int arity = helper.getParameters().size() - (UnitMethods.hasSelfParameter(helper) ? 1 : 0);
                helperCalls.add(new HelperCall(method, helper, reference, -1, arity == 0, arity));
                edits.replace(from, to, className + "::" + name);
            } else if (helper == target) {
                edits.replace(from, to, lambda(name, target.getParameters().size() - 1));
                usesSelf.put(method, true);
            } else if (methods.ownerMethod(name, -1) != null) {
                OwnerMethod owned = methods.ownerMethod(name, -1);
                if (dynamic) {
                    bridged.add(owned);
                    edits.replace(from, to, lambda(name, owned.parameters().size()));
                } else {
                    edits.replace(from, to, SELF + "::" + name);
                }
                usesSelf.put(method, true);
            }
            return null;
        }

        /** Whether one of the answer's classes around this code declares a method of that name. */
        private boolean declaredInside(String name) {
            for (ClassTree type : classes) {
                for (Tree member : type.getMembers()) {
                    if (member instanceof MethodTree m && m.getName().contentEquals(name)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean isThis(ExpressionTree tree) {
            return tree instanceof IdentifierTree identifier && identifier.getName().contentEquals("this");
        }

        /** {@code Solution.this}, with one of the answer's classes around the method. */
        private boolean isOuterThis(ExpressionTree tree) {
            return tree instanceof MemberSelectTree select && select.getIdentifier().contentEquals("this")
                    && isWrapper(select.getExpression());
        }

        private boolean isWrapper(ExpressionTree tree) {
            return tree instanceof IdentifierTree identifier && (wrapperNames.contains(identifier.getName().toString())
                    || identifier.getName().contentEquals(className));
        }

        private boolean isSelf(ExpressionTree tree) {
            return tree instanceof IdentifierTree identifier && identifier.getName().contentEquals(SELF);
        }

        private void replaceSelect(ExpressionTree select, String text) {
            if (!(select instanceof IdentifierTree identifier && identifier.getName().contentEquals(text))) {
                edits.replace(unit.start(select), unit.end(select), text);
            }
        }
    }

    /** Helpers that need {@code self} (directly or through the helpers they call) take it first; their callers pass it. */
    private void threadSelf() {
        Set<MethodTree> needing = new HashSet<>();
        for (Map.Entry<MethodTree, Boolean> entry : usesSelf.entrySet()) {
            if (entry.getValue() && entry.getKey() != target && !UnitMethods.hasSelfParameter(entry.getKey())) {
                needing.add(entry.getKey());
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (HelperCall call : helperCalls) {
                if (call.caller() != null && call.caller() != target && !UnitMethods.hasSelfParameter(call.caller())
                        && needing.contains(call.helper()) && needing.add(call.caller())) {
                    changed = true;
                }
            }
        }
        for (MethodTree helper : needing) {
            if (helper.getParameters().isEmpty()) {
                long open = Lexing.openParenthesis(unit.source, (int) (helper.getReturnType() == null
                        ? unit.start(helper) : unit.end(helper.getReturnType())));
                edits.insert(open + 1, spec.owner().selfSource() + " " + SELF);
            } else {
                edits.insert(unit.start(helper.getParameters().get(0)), spec.owner().selfSource() + " " + SELF + ", ");
            }
        }
        for (HelperCall call : helperCalls) {
            boolean leftOut = UnitMethods.hasSelfParameter(call.helper()) // the model's own self, not passed on
                    && call.arity() == call.helper().getParameters().size() - 1;
            if (!needing.contains(call.helper()) && !leftOut) {
                continue;
            }
            if (call.openParenthesis() >= 0) {
                edits.insert(call.openParenthesis() + 1, call.noArguments() ? SELF : SELF + ", ");
            } else { // a method reference: a lambda passing self on
                edits.replace(unit.start(call.call()), unit.end(call.call()),
                        lambda(call.helper().getName().toString(), call.arity()));
            }
        }
    }

    /** {@code (a0, a1) -> name(self, a0, a1)}. */
    private static String lambda(String name, int arity) {
        StringBuilder parameters = new StringBuilder();
        for (int i = 0; i < arity; i++) {
            parameters.append(i == 0 ? "" : ", ").append("jit$a").append(i);
        }
        return "(" + parameters + ") -> " + name + "(" + SELF + (arity == 0 ? "" : ", " + parameters) + ")";
    }

}
