package dev.jitjava.processor;

import dev.jitjava.Allow;

import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.MirroredTypesException;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's own types a method may use freely, worked out from elements as the run-time engine
 * works them out from classes ({@code UserTypes.reachable}, {@code Policies}): the
 * interface, the non-JDK types of the method's signature, and the types their public API reaches
 * from the same place (this compilation, one classes directory or one jar), with their member
 * types; never the JDK's or jit-java's own.
 */
final class ElementTrust {
    /** The walk stops there, as {@code UserTypes.LIMIT}. */
    private static final int LIMIT = 200;
    private static final String COMPILATION = "this compilation";

    private final Elements elements;
    private final Filer filer;
    private final Set<String> compiling;
    private final Map<TypeElement, String> locations = new HashMap<>();
    private final String jitLocation;

    ElementTrust(Elements elements, Filer filer, Set<String> compiling) {
        this.elements = elements;
        this.filer = filer;
        this.compiling = compiling;
        TypeElement jit = elements.getTypeElement("dev.jitjava.Jit");
        this.jitLocation = jit == null ? null : location(jit);
    }

    /** Internal names the verifier trusts for a method of {@code iface} with these signature types. */
    Set<String> trusted(TypeElement iface, Collection<TypeElement> signatureTypes) {
        Set<TypeElement> roots = new LinkedHashSet<>(signatureTypes);
        roots.add(iface);
        Set<String> trusted = new HashSet<>();
        reachable(roots).forEach(type -> addWithMembers(type, trusted));
        return trusted;
    }

    private void addWithMembers(TypeElement type, Set<String> into) {
        into.add(internalName(type));
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof TypeElement nested) {
                into.add(internalName(nested));
            }
        }
    }

    /**
     * The types {@code @Allow(types = ...)} on {@code iface} grants, with their member types, by internal
     * name, as {@code Policies} adds them at run time.
     */
    Set<String> allowedTypes(TypeElement iface) {
        Set<String> allowed = new HashSet<>();
        Allow allow = iface.getAnnotation(Allow.class);
        if (allow == null) {
            return allowed;
        }
        List<? extends TypeMirror> types;
        try {
            allow.types();
            return allowed; // only reached when the types are already classes (never while compiling)
        } catch (MirroredTypesException e) {
            types = e.getTypeMirrors();
        }
        for (TypeMirror type : types) {
            if (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element) {
                addWithMembers(element, allowed);
            }
        }
        return allowed;
    }

    /**
     * The packages, by internal name, whose types generated code of {@code iface} may use: its own (the
     * user's code, unless it is jit-java's) and those {@code @Allow(packages = ...)} names, as at run time.
     */
    Set<String> trustedPackages(TypeElement iface) {
        Set<String> packages = new HashSet<>();
        String own = elements.getPackageOf(iface).getQualifiedName().toString();
        if (!own.isEmpty() && !own.equals("dev.jitjava") && !own.startsWith("dev.jitjava.")) {
            packages.add(own.replace('.', '/'));
        }
        Allow allow = iface.getAnnotation(Allow.class);
        if (allow != null) {
            for (String name : allow.packages()) {
                packages.add(name.replace('.', '/'));
            }
        }
        return packages;
    }

    /** The non-JDK types a signature names, as {@code TypeText.userTypes()} collects them. */
    Set<TypeElement> userTypes(ExecutableElement method) {
        Set<TypeElement> found = new LinkedHashSet<>();
        method.getTypeParameters().forEach(p -> p.getBounds().forEach(b -> collect(b, found)));
        collect(method.getReturnType(), found);
        method.getParameters().forEach(p -> collect(p.asType(), found));
        method.getThrownTypes().forEach(t -> collect(t, found));
        return found;
    }

    private Set<TypeElement> reachable(Set<TypeElement> roots) {
        Set<String> sources = new HashSet<>();
        for (TypeElement root : roots) {
            String location = location(root);
            if (location != null && !location.equals(jitLocation)) {
                sources.add(location);
            }
        }
        Set<TypeElement> found = new LinkedHashSet<>(roots);
        if (sources.isEmpty()) {
            return found;
        }
        Deque<TypeElement> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty() && found.size() < LIMIT) {
            TypeElement type = pending.poll();
            if (!sources.contains(location(type))) {
                continue;
            }
            for (TypeElement next : neighbours(type)) {
                if (sources.contains(location(next)) && found.add(next)) {
                    pending.add(next);
                }
            }
        }
        return found;
    }

    /** What the public API of a type names: record components, public fields, methods, constructors, supertypes, member types. */
    private Set<TypeElement> neighbours(TypeElement type) {
        Set<TypeElement> found = new LinkedHashSet<>();
        type.getRecordComponents().forEach(c -> collect(c.asType(), found));
        for (Element member : elements.getAllMembers(type)) {
            if (!member.getModifiers().contains(Modifier.PUBLIC)) {
                continue;
            }
            switch (member.getKind()) {
                case FIELD -> collect(member.asType(), found);
                case METHOD -> {
                    ExecutableElement method = (ExecutableElement) member;
                    collect(method.getReturnType(), found);
                    method.getParameters().forEach(p -> collect(p.asType(), found));
                }
                case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE -> found.add((TypeElement) member);
                default -> {
                }
            }
        }
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.CONSTRUCTOR && member.getModifiers().contains(Modifier.PUBLIC)) {
                ((ExecutableElement) member).getParameters().forEach(p -> collect(p.asType(), found));
            }
        }
        collect(type.getSuperclass(), found);
        type.getInterfaces().forEach(i -> collect(i, found));
        found.removeIf(this::isJdk);
        return found;
    }

    private void collect(TypeMirror type, Set<TypeElement> into) {
        if (type.getKind() == TypeKind.ARRAY) {
            collect(((ArrayType) type).getComponentType(), into);
        } else if (type.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
            if (!isJdk(element)) {
                into.add(element);
            }
            ((DeclaredType) type).getTypeArguments().forEach(a -> collect(a, into));
        } else if (type.getKind() == TypeKind.WILDCARD) {
            WildcardType wildcard = (WildcardType) type;
            if (wildcard.getExtendsBound() != null) {
                collect(wildcard.getExtendsBound(), into);
            }
            if (wildcard.getSuperBound() != null) {
                collect(wildcard.getSuperBound(), into);
            }
        }
    }

    /** The JDK's: neither compiled here nor on the class path. */
    private boolean isJdk(TypeElement type) {
        return location(type) == null;
    }

    /**
     * Where a type's class comes from: this compilation (its sources, and classes directories: an
     * application's own output), a jar, or null for the JDK.
     */
    private String location(TypeElement type) {
        return locations.computeIfAbsent(type, t -> {
            TypeElement top = t;
            while (top.getEnclosingElement() instanceof TypeElement outer) {
                top = outer;
            }
            if (compiling.contains(top.getQualifiedName().toString())) {
                return COMPILATION;
            }
            String pkg = ElementSpecs.packageOf(top);
            String binary = elements.getBinaryName(t).toString();
            try {
                FileObject file = filer.getResource(StandardLocation.CLASS_PATH, pkg,
                        (pkg.isEmpty() ? binary : binary.substring(pkg.length() + 1)) + ".class");
                String uri = file.toUri().toString();
                int bang = uri.indexOf("!/");
                return bang > 0 ? uri.substring(0, bang) : COMPILATION;
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
        });
    }

    private String internalName(TypeElement type) {
        return elements.getBinaryName(type).toString().replace('.', '/');
    }
}
