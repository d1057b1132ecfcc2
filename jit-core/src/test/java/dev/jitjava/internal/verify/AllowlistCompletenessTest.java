package dev.jitjava.internal.verify;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allowlist against the running JDK: every public or protected member of every allowed class
 * has a line (so a new JDK's members stay denied until someone decides), every guard names a method
 * that exists with the operands it is given, and every member whose cost grows with its arguments
 * is guarded or denied.
 */
class AllowlistCompletenessTest {
    private final Allowlist allowlist = Allowlist.standard();

    @Test
    void everyMemberOfEveryAllowedClass_onTheRunningJdk_isClassified() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String section : allowlist.classes()) {
            Allowlist.Rule rule = allowlist.classRule(section);
            Class<?> type = load(section);
            if (rule.deny() || type == null) {
                continue; // denied whole, or a class of another JDK
            }
            for (Member member : AllowlistGenerator.members(type, Set.copyOf(names()))) {
                String key = section + "#" + Signatures.memberKey(AllowlistGenerator.written(member));
                checked++;
                if (allowlist.rule(key) == null) {
                    missing.add(key);
                }
            }
        }
        assertThat(checked).as("members checked").isGreaterThan(8000);
        assertThat(missing).as("members with no line; run AllowlistGenerator on JDK " + Runtime.version().feature()
                + " and review what it adds").isEmpty();
    }

    @Test
    void everyAllowedClass_existsOnSomeJdk_andEveryMemberLineParses() {
        long present = allowlist.classes().stream().filter(name -> load(name) != null).count();

        assertThat(present).isGreaterThan(allowlist.classes().size() - 10L); // a few are JDK 21+ only
        assertThat(allowlist.members("java/lang/String")).contains("java/lang/String#repeat(I)");
    }

    @Test
    void everyGuard_namesAMethodThatTakesItsOperands() {
        CallGuards guards = new CallGuards(new MemberResolver(allowlist, Map.of(), name -> false,
                getClass().getClassLoader()), new Instrumenter.Limits(1, 1, "m", "m", "()V"));
        int found = 0;
        for (String section : allowlist.classes()) {
            Class<?> type = load(section);
            if (type == null) {
                continue;
            }
            for (Member member : AllowlistGenerator.members(type, Set.copyOf(names()))) {
                Allowlist.Rule rule = allowlist.rule(section + "#" + Signatures.memberKey(AllowlistGenerator.written(member)));
                if (rule == null || rule.guard() == null) {
                    continue;
                }
                org.objectweb.asm.Type[] operands = operands(type, member);
                org.objectweb.asm.Type returned = member instanceof Method m ? org.objectweb.asm.Type.getType(m.getReturnType())
                        : org.objectweb.asm.Type.VOID_TYPE;
                org.objectweb.asm.Type[] given = switch (rule.guard().kind()) {
                    case CHECK -> java.util.Arrays.stream(rule.guard().operands()).mapToObj(i -> operands[i])
                            .toArray(org.objectweb.asm.Type[]::new);
                    case STAND_IN -> operands;
                    case RESULT -> new org.objectweb.asm.Type[]{returned};
                };
                assertThat(guards.descriptor(rule.guard(), given, returned)).as(rule.origin()).isNotEmpty();
                found++;
            }
        }
        assertThat(found).isGreaterThan(200);
    }

    /**
     * The members the issue names as growing with their arguments, and their families: each must be
     * guarded or denied. A member listed here that is neither fails, whatever the files say.
     */
    @Test
    void everyMemberWhoseCostGrowsWithItsArguments_isGuardedOrDenied() {
        List<String> growing = List.of(
                "java/util/Arrays#copyOf([II)", "java/util/Arrays#copyOf([Ljava/lang/Object;I)",
                "java/util/Arrays#copyOfRange([JII)", "java/lang/StringBuilder#append(Ljava/lang/CharSequence;)",
                "java/lang/StringBuilder#setLength(I)", "java/lang/StringBuilder#ensureCapacity(I)",
                "java/lang/StringBuilder#<init>(I)", "java/lang/StringBuffer#append(Ljava/lang/CharSequence;)",
                "java/lang/String#format(Ljava/lang/String;[Ljava/lang/Object;)", "java/lang/String#formatted([Ljava/lang/Object;)",
                "java/lang/String#repeat(I)", "java/lang/String#join(Ljava/lang/CharSequence;Ljava/lang/Iterable;)",
                "java/util/BitSet#set(I)", "java/util/BitSet#set(II)", "java/util/ArrayList#addAll(Ljava/util/Collection;)",
                "java/util/ArrayList#ensureCapacity(I)", "java/util/ArrayList#<init>(I)", "java/util/HashMap#<init>(I)",
                "java/util/Collections#nCopies(ILjava/lang/Object;)", "java/math/BigInteger#pow(I)",
                "java/math/BigInteger#shiftLeft(I)", "java/math/BigInteger#modPow(Ljava/math/BigInteger;Ljava/math/BigInteger;)",
                "java/math/BigInteger#setBit(I)", "java/math/BigDecimal#setScale(I)", "java/math/BigDecimal#toPlainString()",
                "java/math/BigDecimal#pow(I)", "java/math/BigDecimal#add(Ljava/math/BigDecimal;)",
                "java/util/stream/LongStream#rangeClosed(JJ)", "java/util/stream/IntStream#range(II)",
                "java/util/stream/Stream#iterate(Ljava/lang/Object;Ljava/util/function/UnaryOperator;)",
                "java/util/stream/Stream#generate(Ljava/util/function/Supplier;)", "java/util/Random#ints()",
                "java/util/regex/Pattern#matcher(Ljava/lang/CharSequence;)", "java/util/regex/Pattern#asPredicate()",
                "java/util/regex/Pattern#asMatchPredicate()", "java/util/regex/Pattern#splitAsStream(Ljava/lang/CharSequence;)",
                "java/util/regex/Pattern#split(Ljava/lang/CharSequence;)",
                "java/util/regex/Pattern#matches(Ljava/lang/String;Ljava/lang/CharSequence;)",
                "java/lang/String#matches(Ljava/lang/String;)", "java/lang/String#replaceAll(Ljava/lang/String;Ljava/lang/String;)",
                "java/lang/String#split(Ljava/lang/String;)", "java/util/regex/Matcher#reset(Ljava/lang/CharSequence;)",
                "java/util/Arrays#sort([I)", "java/util/Collections#sort(Ljava/util/List;)", "java/nio/ByteBuffer#allocate(I)",
                "java/nio/ByteBuffer#allocateDirect(I)", "java/io/PrintStream#printf(Ljava/lang/String;[Ljava/lang/Object;)",
                "java/util/Formatter#format(Ljava/lang/String;[Ljava/lang/Object;)");
        for (String key : growing) {
            Allowlist.Rule rule = allowlist.rule(key);
            assertThat(rule).as(key).isNotNull();
            assertThat(rule.deny() || rule.guard() != null).as(key + " (" + rule.origin() + ") is guarded or denied").isTrue();
        }
    }

    private static org.objectweb.asm.Type[] operands(Class<?> type, Member member) {
        Class<?>[] parameters = ((java.lang.reflect.Executable) member).getParameterTypes();
        boolean receiver = member instanceof Method && !Modifier.isStatic(member.getModifiers());
        org.objectweb.asm.Type[] all = new org.objectweb.asm.Type[parameters.length + (receiver ? 1 : 0)];
        if (receiver) {
            all[0] = org.objectweb.asm.Type.getType(type);
        }
        for (int i = 0; i < parameters.length; i++) {
            all[i + (receiver ? 1 : 0)] = org.objectweb.asm.Type.getType(parameters[i]);
        }
        return all;
    }

    private List<String> names() {
        return allowlist.classes().stream().map(name -> name.replace('/', '.')).toList();
    }

    private static Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
