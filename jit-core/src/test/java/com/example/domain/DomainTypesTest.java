package com.example.domain;

import com.example.rates.TaxTable;
import dev.jitjava.Allow;
import dev.jitjava.Jit;
import dev.jitjava.VerificationException;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's own types in generated code: those of the interface's package need no grant, others
 * are granted by {@code @Allow(types, packages)} or the builder, and a refusal or {@code describe_type}
 * names the grant. In a package of its own, as users' interfaces are.
 */
class DomainTypesTest {
    @TempDir
    Path store;

    /** Signatures of primitives and lists only: Money and TaxTable are reached by the code alone. */
    public interface Billing {
        long totalCents(List<Long> amounts);
    }

    public interface Taxes {
        long taxed(long cents);
    }

    @Allow(types = TaxTable.class)
    public interface TaxesWithType {
        long taxed(long cents);
    }

    @Allow(packages = "com.example.rates")
    public interface TaxesWithPackage {
        long taxed(long cents);
    }

    @Allow(packages = "java.io")
    public interface WidensTheJdk {
        long taxed(long cents);
    }

    private static final String TOTAL_WITH_MONEY = """
            ```java
            long totalCents(List<Long> amounts) {
                Money sum = Money.ofCents(0);
                for (long amount : amounts) sum = sum.plus(new Money(amount));
                return sum.cents();
            }
            ```""";

    private static final String TAXED = """
            ```java
            long taxed(long cents) { return com.example.rates.TaxTable.withTax(cents); }
            ```""";

    @Test
    void aTypeOfTheInterfacesOwnPackage_isUsable_withoutAGrant() {
        ScriptedChatModel model = ScriptedChatModel.answering(TOTAL_WITH_MONEY);
        Jit jit = Jit.builder().store(store).model(model).build();

        assertThat(jit.implement(Billing.class).totalCents(List.of(150L, 250L))).isEqualTo(400L);
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void aTypeOfAnotherPackage_isRefused_namingTheGrantThatWouldAllowIt_andNothingIsStored() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering(TAXED);
        Jit jit = Jit.builder().store(store).model(model).maxAttempts(1).build();

        assertThatThrownBy(() -> jit.implement(Taxes.class).taxed(100))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("`com.example.rates.TaxTable.withTax(long)` at line 12 is not allowed: it is the "
                        + "application's type")
                .hasMessageContaining("@Allow(types = TaxTable.class) on the interface or Jit.builder().allowTypes("
                        + "TaxTable.class), or its package with allowPackages(\"com.example.rates\")");
        try (var files = Files.walk(store)) {
            assertThat(files.filter(f -> f.toString().endsWith(".java"))).isEmpty();
        }
    }

    @Test
    void aTypeOfAnotherPackage_grantedOnTheInterfaceByTypeOrPackage_isUsable() {
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering(TAXED, TAXED)).build();

        assertThat(jit.implement(TaxesWithType.class).taxed(100)).isEqualTo(120L);
        assertThat(jit.implement(TaxesWithPackage.class).taxed(100)).isEqualTo(120L);
    }

    @Test
    void aTypeOfAnotherPackage_grantedOnTheBuilderByTypeOrPackage_isUsable() {
        Jit byType = Jit.builder().store(store.resolve("a")).model(ScriptedChatModel.answering(TAXED))
                .allowTypes(TaxTable.class).build();
        Jit byPackage = Jit.builder().store(store.resolve("b")).model(ScriptedChatModel.answering(TAXED))
                .allowPackages("com.example.rates").build();

        assertThat(byType.implement(Taxes.class).taxed(10)).isEqualTo(12L);
        assertThat(byPackage.implement(Taxes.class).taxed(10)).isEqualTo(12L);
    }

    @Test
    void describeType_marksAnApplicationTypeThatMayNotBeUsed_withTheGrant_andOneOfTheOwnPackageAsUsable() {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("describe_type", "{\"name\": \"com.example.rates.TaxTable\"}")
                .thenCallTool("describe_type", "{\"name\": \"com.example.domain.Money\"}")
                .thenAnswer(TOTAL_WITH_MONEY);
        Jit jit = Jit.builder().store(store).model(model).build();

        jit.implement(Billing.class).totalCents(List.of(1L));

        List<String> results = model.toolResults();
        assertThat(results.get(0)).contains("Generated code may NOT use this type")
                .contains("@Allow(types = TaxTable.class)").contains("allowPackages(\"com.example.rates\")");
        assertThat(results.get(1)).contains("Generated code may use this type.").contains("plus(");
    }

    @Test
    void grantsThatWouldOpenTheJdk_orAreNotTheApplicationsTypes_areRefusedUpFront() {
        Jit.Builder builder = Jit.builder().store(store);

        assertThatThrownBy(() -> builder.allowTypes(String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String is not the "
                        + "application's type");
        assertThatThrownBy(() -> builder.allowTypes(Jit.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.allowPackages("java.io")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"java.io\" is not a package of the application");
        assertThatThrownBy(() -> builder.allowPackages("jdk.internal.misc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.allowPackages("dev.jitjava.runtime")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.allowPackages("not a package")).isInstanceOf(IllegalArgumentException.class);
        Jit jit = builder.model(ScriptedChatModel.answering()).build();
        assertThatThrownBy(() -> jit.implement(WidensTheJdk.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("@Allow on com.example.domain.DomainTypesTest$WidensTheJdk: \"java.io\" is not");
    }
}
