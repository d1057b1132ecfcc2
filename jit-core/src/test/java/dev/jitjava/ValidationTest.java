package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.function.Supplier;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationTest {
    @TempDir
    Path store;

    private Jit jit;

    @BeforeEach
    void newJit() {
        jit = Jit.builder().store(store).model(ScriptedChatModel.answering()).build();
    }

    interface Generic<T> {
        T get();
    }

    interface ExtendsGeneric extends Supplier<String> {
    }

    interface ExtendsGenericIndirectly extends ExtendsGeneric {
    }

    private interface Hidden {
        int x();
    }

    sealed interface Shape permits Circle {
        double area();
    }

    record Circle(double r) implements Shape {
        public double area() {
            return Math.PI * r * r;
        }
    }

    static class NotAnInterface {
    }

    @Test
    void implement_genericInterface_rejected() {
        assertThatThrownBy(() -> jit.implement(Generic.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Type parameters are unsupported on " + Generic.class.getName());
    }

    @Test
    void implement_genericSuperinterface_rejectedNamingIt() {
        assertThatThrownBy(() -> jit.implement(ExtendsGenericIndirectly.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Type parameters are unsupported on java.util.function.Supplier<java.lang.String> which is "
                        + "an interface of " + ExtendsGenericIndirectly.class.getName());
    }

    @Test
    void implement_class_rejected() {
        assertThatThrownBy(() -> jit.implement(NotAnInterface.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jit.implement needs an interface, and " + NotAnInterface.class.getName() + " is not one");
    }

    @Test
    void implement_privateInterface_rejected() {
        assertThatThrownBy(() -> jit.implement(Hidden.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(Hidden.class.getName() + " is private: make it package-private or public so that generated "
                        + "code can use Hidden");
    }

    @Test
    void implement_sealedInterface_rejected() {
        assertThatThrownBy(() -> jit.implement(Shape.class))
                .hasMessage(Shape.class.getName() + " is sealed, so jit-java cannot implement it");
    }

    @Test
    void implement_localInterface_rejected() {
        interface Local {
            int x();
        }
        assertThatThrownBy(() -> jit.implement(Local.class))
                .hasMessage(Local.class.getName() + " is a local or hidden interface: declare it as a top-level or "
                        + "member interface so that generated code can name it");
    }

    @Test
    void implement_jdkInterface_rejected() {
        assertThatThrownBy(() -> jit.implement(Runnable.class))
                .hasMessage("java.lang.Runnable belongs to the JDK: declare an interface of your own (it may extend Runnable)");
    }

    @Test
    void builder_withoutModel_failsOnlyWhenAMethodMustBeWritten_sayingWhatToDo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path store) {
        Jit noModel = Jit.builder().store(store).mode(Mode.AUTO).build();
        interfaceWithOneMethod one = noModel.implement(interfaceWithOneMethod.class);

        assertThatThrownBy(one::one)
                .isInstanceOf(JitException.class)
                .hasMessage("No model is configured, so jit-java cannot write this method: give one with "
                        + "Jit.builder().model(chatModel), or set JIT_MODEL for Jit.create(), for method "
                        + "interfaceWithOneMethod.one()");
    }

    @Test
    void builder_rejectsBadSettings() {
        assertThatThrownBy(() -> Jit.builder().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be at least 1, not 0");
    }

    @Test
    void implement_sameInterfaceTwice_sharesTheImplementationClass() {
        interfaceWithOneMethod a = jit.implement(interfaceWithOneMethod.class);
        interfaceWithOneMethod b = jit.implement(interfaceWithOneMethod.class);

        assertThat(a.getClass()).isSameAs(b.getClass());
        assertThat(a.getClass()).isNotEqualTo(java.lang.reflect.Proxy.class);
        assertThat(java.lang.reflect.Proxy.isProxyClass(a.getClass())).isFalse();
    }

    interface interfaceWithOneMethod {
        int one();
    }
}
