package dev.jitjava.internal.extract;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;

import java.util.HashSet;
import java.util.Set;

/**
 * The simple names a piece of code may use from the class around it: plain identifiers (calls,
 * fields, types), and members reached through {@code this}, {@code Outer.this} or the name of a
 * class the answer wrapped its code in. What it names is what the generated class must bring along.
 */
final class References extends TreeScanner<Void, Void> {
    private final Set<String> classNames;
    private final Set<String> names = new HashSet<>();

    private References(Set<String> classNames) {
        this.classNames = classNames;
    }

    /** The names {@code tree} uses; {@code classNames} are the answer's own classes around the method. */
    static Set<String> of(Tree tree, Set<String> classNames) {
        References references = new References(classNames);
        tree.accept(references, null);
        return references.names;
    }

    @Override
    public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        names.add(identifier.getName().toString());
        return null;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree select, Void unused) {
        if (isOwnInstanceOrClass(select.getExpression())) {
            names.add(select.getIdentifier().toString());
        }
        return super.visitMemberSelect(select, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        if (isOwnInstanceOrClass(reference.getQualifierExpression())) {
            names.add(reference.getName().toString());
        }
        return super.visitMemberReference(reference, unused);
    }

    /** {@code this}, {@code Outer.this}, or one of the answer's classes around the method. */
    private boolean isOwnInstanceOrClass(ExpressionTree expression) {
        if (expression instanceof IdentifierTree identifier) {
            String name = identifier.getName().toString();
            return name.equals("this") || classNames.contains(name);
        }
        return expression instanceof MemberSelectTree select && select.getIdentifier().contentEquals("this");
    }
}
