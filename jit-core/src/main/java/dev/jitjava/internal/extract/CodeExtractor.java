package dev.jitjava.internal.extract;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.jitjava.Diagnostic;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Parameter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the method asked for in a model's answer, however it is wrapped: fenced or not, several
 * blocks, prose around them, a whole class implementing the interface, other modifiers, imports
 * on top. Parsing uses javac's own parser, so what counts as Java here is what javac accepts.
 *
 * <p>The method comes with what it uses, found by name: the helpers, fields and types of the
 * classes around it (innermost first), then of the answer's other blocks (a helper shown in a fence
 * of its own). What nothing uses (a {@code main}, a usage example, a test class) stays behind.
 * Each member keeps its comments and layout; see {@link MemberText} for the few edits made.
 */
public final class CodeExtractor {
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;\\s*$");
    private static final Pattern GENERICS = Pattern.compile("<[^<>]*>");

    private CodeExtractor() {
    }

    public static Extraction extract(String answer, MethodSpec spec) {
        String text = answer == null ? "" : answer.replace("\r\n", "\n");
        Map<ParsedBlock, List<String>> imports = new LinkedHashMap<>();
        Set<String> packages = new HashSet<>();
        List<ParsedBlock> parsed = new ArrayList<>();
        Candidate best = null;
        ParsedBlock broken = null;
        for (String block : Blocks.of(text, spec.name())) {
            StringBuilder body = new StringBuilder();
            List<String> imported = new ArrayList<>();
            for (String line : block.split("\n", -1)) {
                Matcher importing = IMPORT.matcher(line);
                Matcher declared = PACKAGE.matcher(line);
                if (importing.matches()) {
                    if (!guessesOwnType(importing, spec)) {
                        imported.add(line.strip());
                    }
                    body.append('\n'); // keeps line numbers aligned with the block
                } else if (declared.matches()) {
                    packages.add(declared.group(1));
                    body.append('\n');
                } else {
                    body.append(line).append('\n');
                }
            }
            ParsedBlock one = ParsedBlock.parse(body.toString());
            imports.put(one, imported);
            if (!one.errors.isEmpty()) {
                if (block.contains(spec.name() + "(")) {
                    broken = one;
                }
                continue;
            }
            parsed.add(one);
            if (one.wrapper != null) {
                Candidate found = Candidate.best(one, one.wrapper, List.of(), spec, null);
                if (found != null && (best == null || found.rank() >= best.rank())) {
                    best = found;
                }
            }
        }
        if (best != null) {
            return found(best, parsed, imports, packages, spec);
        }
        if (broken != null) {
            return new Extraction.Missing(broken.errors);
        }
        return new Extraction.Missing(List.of(new Diagnostic("jit.extract.missing", 0,
                "The answer holds no complete method `" + spec.signature()
                        + "` (with a body) in a ```java block.", "")));
    }

    /**
     * Whether the code kept uses what an import names: a single-type or single-member import that
     * nothing uses is left out (a test class's {@code org.junit} imports, say, which would not
     * compile); an on-demand import is kept.
     */
    private static boolean isNeeded(String line, Set<String> named) {
        Matcher imported = IMPORT.matcher(line);
        if (!imported.matches() || imported.group(3) != null) {
            return true;
        }
        String name = imported.group(2);
        return named.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    /**
     * Whether an on-demand import's package exists: in the JDK, or where the owner's class loader finds
     * classes. Models copy the imports of benchmark prompts ({@code import org.javatuples.*;}), which
     * would not compile where the library is missing, and use nothing from them.
     */
    private static boolean exists(String line, MethodSpec spec) {
        Matcher imported = IMPORT.matcher(line);
        if (!imported.matches() || imported.group(1) != null || imported.group(3) == null) {
            return true;
        }
        String name = imported.group(2);
        if (JDK_PACKAGES.contains(name)) {
            return true;
        }
        for (Class<?> type : spec.signatureTypes()) {
            if (type.getPackageName().equals(name)) {
                return true;
            }
        }
        ClassLoader loader = spec.owner().anchor() != null ? spec.owner().anchor().getClassLoader()
                : Thread.currentThread().getContextClassLoader();
        return loader == null || spec.owner().packageName().equals(name)
                || loader.getResource(name.replace('.', '/') + "/") != null || isClass(name, loader);
    }

    /** {@code import a.b.Outer.*;} imports the member types of a class. */
    private static boolean isClass(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static final Set<String> JDK_PACKAGES = jdkPackages();

    private static Set<String> jdkPackages() {
        Set<String> packages = new HashSet<>();
        for (Module module : ModuleLayer.boot().modules()) {
            packages.addAll(module.getPackages());
        }
        return packages;
    }

    /**
     * An import of one of the interface's own types from a package the model guessed
     * ({@code import com.example.Numbers;}): the generated source imports the real ones itself.
     */
    private static boolean guessesOwnType(Matcher imported, MethodSpec spec) {
        if (imported.group(1) != null || imported.group(3) != null) {
            return false;
        }
        String name = imported.group(2);
        String simple = name.substring(name.lastIndexOf('.') + 1);
        Set<Class<?>> own = new HashSet<>(spec.signatureTypes());
        for (Class<?> c = spec.owner().selfType(); c != null; c = c.getEnclosingClass()) {
            own.add(c);
        }
        for (Class<?> type : own) {
            if (type.getSimpleName().equals(simple)) {
                return !name.equals(type.getCanonicalName());
            }
        }
        return false;
    }

    /** A method with the right name and a body, the classes around it (outermost first) and how well it fits. */
    private record Candidate(ParsedBlock block, MethodTree method, List<ClassTree> path, int rank, boolean hasSelf) {

        /** The best candidate among a class's methods and its nested classes', the later one on a tie. */
        static Candidate best(ParsedBlock block, ClassTree owner, List<ClassTree> outer, MethodSpec spec,
                              Candidate found) {
            List<ClassTree> path = new ArrayList<>(outer);
            path.add(owner);
            Candidate best = found;
            for (Tree member : owner.getMembers()) {
                if (member instanceof MethodTree method && method.getBody() != null
                        && method.getName().contentEquals(spec.name())) {
                    Candidate candidate = rank(block, method, path, spec);
                    if (best == null || candidate.rank >= best.rank) {
                        best = candidate;
                    }
                } else if (member instanceof ClassTree nested) {
                    best = best(block, nested, path, spec, best);
                }
            }
            return best;
        }

        /** 3: the parameter types match; 2: the count matches; 1: only the name does. */
        private static Candidate rank(ParsedBlock block, MethodTree method, List<ClassTree> path, MethodSpec spec) {
            List<? extends VariableTree> declared = method.getParameters();
            List<Parameter> wanted = spec.parameters();
            boolean hasSelf = declared.size() == wanted.size() + 1 && declared.get(0).getName().contentEquals("self");
            List<? extends VariableTree> own = hasSelf ? declared.subList(1, declared.size()) : declared;
            int rank = 1;
            if (own.size() == wanted.size()) {
                rank = 2;
                boolean same = true;
                for (int i = 0; i < own.size(); i++) {
                    same &= simpleErasure(own.get(i).getType().toString()).equals(wanted.get(i).simpleTypeName());
                }
                if (same) {
                    rank = 3;
                }
            }
            return new Candidate(block, method, List.copyOf(path), rank, hasSelf);
        }
    }

    /** A class whose members the method may use: one of the classes around it, or one of another block's. */
    private record Scope(ParsedBlock block, ClassTree owner, List<MemberText.Member> members) {
        static Scope of(ParsedBlock block, ClassTree owner) {
            return new Scope(block, owner, MemberText.members(block, owner));
        }
    }

    /**
     * The method and what it uses, each member's text ready for a class body, with the imports of the
     * blocks they come from and of blocks that hold imports only (a test class's stay behind with it).
     * The package the answer declared is made up: so are the classes it imports from there.
     */
    private static Extraction.Found found(Candidate best, List<ParsedBlock> blocks,
                                          Map<ParsedBlock, List<String>> importsByBlock, Set<String> packages,
                                          MethodSpec spec) {
        Set<String> classNames = new LinkedHashSet<>();
        best.path().stream().skip(1).filter(c -> !isOwnType(c, spec))
                .forEach(c -> classNames.add(c.getSimpleName().toString()));
        List<Scope> scopes = new ArrayList<>();
        for (int level = best.path().size() - 1; level >= 0; level--) {
            scopes.add(Scope.of(best.block(), best.path().get(level)));
        }
        for (int i = blocks.size() - 1; i >= 0; i--) {
            ParsedBlock other = blocks.get(i);
            if (other != best.block() && other.wrapper != null) {
                scopes.add(Scope.of(other, other.wrapper));
                for (Tree member : other.wrapper.getMembers()) {
                    if (member instanceof ClassTree type && !isOwnType(type, spec)) {
                        scopes.add(Scope.of(other, type));
                    }
                }
            }
        }
        Scope home = scopes.get(0);
        ClassTree around = best.path().get(best.path().size() - 1);
        boolean keep = best.path().size() > 1 && !best.hasSelf() && KeptClass.fits(around, best.method(), spec);
        List<MemberText.Member> seeds = new ArrayList<>();
        if (keep) { // made for each call: what runs when it is made comes along
            classNames.remove(around.getSimpleName().toString());
            home.members().stream().filter(m -> !(m.first() instanceof MethodTree method)
                    || method.getName().contentEquals("<init>")).forEach(seeds::add);
        }
        Set<MemberText.Member> included = include(best, scopes, classNames, spec, seeds);
        List<String> members = new ArrayList<>();
        MemberText.Member target = home.members().stream().filter(m -> m.first() == best.method()).findFirst()
                .orElseThrow();
        if (keep) {
            Scope outer = scopes.get(1);
            MemberText.Member type = outer.members().stream().filter(m -> m.first() == around).findFirst().orElseThrow();
            Set<MemberText.Member> kept = new HashSet<>(included);
            kept.add(target);
            members.add(KeptClass.entry(best.block(), around, best.method(), spec));
            members.add(KeptClass.type(best.block(), outer.members(), type, home.members(), kept, spec));
        } else {
            members.add(MemberText.target(best.block(), home.members(), target,
                    best.hasSelf() ? null : spec.owner().selfSource()));
        }
        for (Scope scope : scopes) {
            for (MemberText.Member member : scope.members()) {
                if (included.contains(member) && !(keep && scope == home)) {
                    members.add(MemberText.helper(scope.block(), scope.members(), member));
                }
            }
        }
        Set<ParsedBlock> used = new HashSet<>();
        used.add(best.block());
        for (Scope scope : scopes) {
            if (scope.members().stream().anyMatch(included::contains)) {
                used.add(scope.block());
            }
        }
        Set<String> named = new HashSet<>(References.of(best.method(), classNames));
        included.forEach(member -> member.trees().forEach(tree -> named.addAll(References.of(tree, classNames))));
        Set<String> imports = new LinkedHashSet<>();
        importsByBlock.forEach((block, lines) -> {
            if (used.contains(block) || block.wrapper == null || block.wrapper.getMembers().isEmpty()) {
                lines.stream().filter(line -> isNeeded(line, named) && exists(line, spec)).forEach(imports::add);
            }
        });
        imports.removeIf(line -> packages.stream().anyMatch(p -> line.matches("import\\s+(static\\s+)?"
                + Pattern.quote(p) + "\\.[\\w*]+(\\.[\\w*]+)?\\s*;")));
        return new Extraction.Found(List.copyOf(imports), members, List.copyOf(classNames));
    }

    /**
     * The members the method uses, directly or through others: for each name it uses, every member
     * of that name in the first scope that has one (overloads come together).
     */
    private static Set<MemberText.Member> include(Candidate best, List<Scope> scopes, Set<String> classNames,
                                                  MethodSpec spec, List<MemberText.Member> seeds) {
        Set<MemberText.Member> included = new LinkedHashSet<>(seeds);
        Deque<String> names = new ArrayDeque<>(References.of(best.method(), classNames));
        seeds.forEach(seed -> seed.trees().forEach(tree -> names.addAll(References.of(tree, classNames))));
        Set<String> seen = new HashSet<>();
        boolean more = true;
        while (more) {
            while (!names.isEmpty()) {
                String name = names.pop();
                if (!seen.add(name)) {
                    continue;
                }
                for (Scope scope : scopes) {
                    List<MemberText.Member> named = scope.members().stream()
                            .filter(m -> usable(m, scope, best, spec) && names(m).contains(name)).toList();
                    if (!named.isEmpty()) {
                        for (MemberText.Member member : named) {
                            if (included.add(member)) {
                                member.trees().forEach(tree -> names.addAll(References.of(tree, classNames)));
                            }
                        }
                        break;
                    }
                }
            }
            more = false;
            for (Scope scope : scopes) { // initializers come with the fields they may set
                boolean hasField = scope.members().stream()
                        .anyMatch(m -> included.contains(m) && m.first() instanceof VariableTree);
                for (MemberText.Member member : scope.members()) {
                    if (hasField && member.first() instanceof BlockTree && included.add(member)) {
                        names.addAll(References.of(member.first(), classNames));
                        more = true;
                    }
                }
            }
        }
        return included;
    }

    /** Whether a member may come along: not the method itself, a constructor, a main, a sketch or an alternative. */
    private static boolean usable(MemberText.Member member, Scope scope, Candidate best, MethodSpec spec) {
        Tree tree = member.first();
        if (tree == best.method() || best.path().contains(tree)) {
            return false; // the method itself, or a class around it, whose members come one by one
        }
        if (tree instanceof MethodTree method) {
            String name = method.getName().toString();
            boolean isMain = name.equals("main") && method.getParameters().size() == 1;
            boolean alternative = scope.block() != best.block() && name.equals(spec.name());
            return method.getBody() != null && !name.equals("<init>") && !isMain && !alternative;
        }
        if (tree instanceof ClassTree type) {
            return !isOwnType(type, spec);
        }
        return true;
    }

    /**
     * A redeclaration of the interface (or its enclosing class), or of a type of the signature, that the
     * answer repeats (LeetCode's {@code class ListNode}, copied above {@code class Solution}): the real
     * one is used, as the signature names it.
     */
    private static boolean isOwnType(ClassTree type, MethodSpec spec) {
        String name = type.getSimpleName().toString();
        if (name.equals(spec.owner().label())) {
            return true;
        }
        for (Class<?> signatureType : spec.signatureTypes()) {
            if (signatureType.getSimpleName().equals(name) && !signatureType.isArray()) {
                return true;
            }
        }
        for (Class<?> c = spec.owner().selfType(); c != null; c = c.getEnclosingClass()) {
            if (c.getSimpleName().equals(name) && spec.owner().selfSource() != null) {
                return true;
            }
        }
        return false;
    }

    /** The names a member declares. */
    private static Set<String> names(MemberText.Member member) {
        Set<String> names = new HashSet<>();
        for (Tree tree : member.trees()) {
            if (tree instanceof MethodTree method) {
                names.add(method.getName().toString());
            } else if (tree instanceof ClassTree type) {
                names.add(type.getSimpleName().toString());
            } else if (tree instanceof VariableTree variable) {
                names.add(variable.getName().toString());
            }
        }
        return names;
    }

    /** {@code java.util.List<java.lang.Integer>} → {@code List}; {@code int...} → {@code int[]}. */
    public static String simpleErasure(String type) {
        String erased = type;
        for (Matcher m = GENERICS.matcher(erased); m.find(); m = GENERICS.matcher(erased)) {
            erased = m.replaceAll("");
        }
        erased = erased.replaceAll("@[\\w.]+(\\([^)]*\\))?\\s*", "").replace("...", "[]").replace(" ", "");
        int dot = erased.lastIndexOf('.', erased.indexOf('[') < 0 ? erased.length() : erased.indexOf('['));
        return dot < 0 ? erased : erased.substring(dot + 1);
    }
}
