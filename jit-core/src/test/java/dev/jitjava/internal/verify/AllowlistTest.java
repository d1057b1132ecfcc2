package dev.jitjava.internal.verify;

import dev.jitjava.Capability;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule files read as the README beside them says. */
class AllowlistTest {
    private final Allowlist allowlist = Allowlist.standard();

    @Test
    void aDeniedMember_carriesItsReasonAndWhereItIsWritten() {
        Allowlist.Rule exit = allowlist.memberRule("java/lang/System", "exit(I)");

        assertThat(exit.deny()).isTrue();
        assertThat(exit.capability()).isNull();
        assertThat(exit.reason()).isEqualTo("ends the JVM: return a value or throw an exception instead");
        assertThat(exit.origin()).startsWith("java.lang.txt:");
    }

    @Test
    void overloads_areToldApartByTheirParameters() {
        Allowlist.Rule onFile = allowlist.memberRule("java/util/Formatter", "<init>(Ljava/lang/String;)");
        Allowlist.Rule onBuilder = allowlist.memberRule("java/util/Formatter", "<init>(Ljava/lang/Appendable;)");

        assertThat(onFile.capability()).isEqualTo(Capability.FILES_WRITE);
        assertThat(onBuilder.capability()).isNull();
        assertThat(onBuilder.guard()).hasToString("@check=Guards.notSystemStream(0)");
    }

    @Test
    void aClassRule_andAPackageDenial() {
        assertThat(allowlist.classRule("java/net/Socket").capability()).isEqualTo(Capability.NETWORK);
        assertThat(allowlist.classRule("java/lang/String").allows(java.util.Set.of())).isTrue();
        assertThat(allowlist.packageRule("java/lang/reflect/Method").reason()).startsWith("reflection is not allowed");
        assertThat(allowlist.classRule("java/lang/reflect/Method")).isNull();
    }

    @Test
    void aGuard_namesItsMethodAndOperands() {
        Allowlist.Rule copyOf = allowlist.memberRule("java/util/Arrays", "copyOf([II)");

        assertThat(copyOf.guard().kind()).isEqualTo(Allowlist.GuardKind.CHECK);
        assertThat(copyOf.guard().owner()).isEqualTo("dev/jitjava/runtime/Guards");
        assertThat(copyOf.guard().operands()).containsExactly(0, 1);
        assertThat(allowlist.isBootstrap("java.lang.invoke.LambdaMetafactory", "metafactory")).isTrue();
    }
}
