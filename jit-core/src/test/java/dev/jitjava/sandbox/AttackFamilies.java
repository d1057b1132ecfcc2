package dev.jitjava.sandbox;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

/**
 * The families of attacks, one test each, that a corpus fills: a subclass declares a static
 * {@code Stream<Arguments>} per family ({@code files()}, {@code network()}, ...), each case stopped
 * with no side effect (see {@link Sandbox}).
 */
abstract class AttackFamilies {
    @TempDir
    static Path dir;

    @ParameterizedTest(name = "files: {0}")
    @MethodSource("files")
    void files_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "network: {0}")
    @MethodSource("network")
    void network_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "processes: {0}")
    @MethodSource("processes")
    void processes_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "threads: {0}")
    @MethodSource("threads")
    void threads_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "blocking: {0}")
    @MethodSource("blocking")
    void blocking_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "CPU inside JDK calls: {0}")
    @MethodSource("cpuInsideJdkCalls")
    void cpuInsideJdkCalls_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "memory inside JDK calls: {0}")
    @MethodSource("memoryInsideJdkCalls")
    void memoryInsideJdkCalls_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "global JVM state: {0}")
    @MethodSource("globalJvmState")
    void globalJvmState_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "information leaks: {0}")
    @MethodSource("informationLeaks")
    void informationLeaks_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "reflection and class loading: {0}")
    @MethodSource("reflectionAndClassLoading")
    void reflectionAndClassLoading_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "JDK-internal packages: {0}")
    @MethodSource("jdkInternalPackages")
    void jdkInternalPackages_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "code shapes that hide references: {0}")
    @MethodSource("codeShapesThatHideReferences")
    void codeShapesThatHideReferences_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }

    @ParameterizedTest(name = "state between calls: {0}")
    @MethodSource("stateBetweenCalls")
    void stateBetweenCalls_attack_isStoppedWithoutSideEffects(Sandbox.Case attack) throws Exception {
        Sandbox.attack(dir, attack);
    }
}
