package dev.jitjava.internal.verify;

import dev.jitjava.Capability;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule files read as the README beside them says. */
class AllowlistTest {
    private final Allowlist allowlist = Allowlist.standard();

    @Test
    void aDenialWithItsReason() {
        assertThat(allowlist.rules("java.lang.System#exit")).singleElement().satisfies(rule -> {
            assertThat(rule.deny()).isTrue();
            assertThat(rule.capability()).isNull();
            assertThat(rule.reason()).isNotBlank().doesNotStartWith("#");
            assertThat(rule.origin()).startsWith("java.lang.txt:");
        });
    }

    @Test
    void aCapabilityRule_andAPackageRule() {
        assertThat(allowlist.rules("java.net.*")).anySatisfy(rule ->
                assertThat(rule.capability()).isEqualTo(Capability.NETWORK));
        assertThat(allowlist.rules("java.lang.String")).singleElement().satisfies(rule -> {
            assertThat(rule.deny()).isFalse();
            assertThat(rule.capability()).isNull();
            assertThat(rule.reason()).isEmpty();
        });
    }

    @Test
    void everyKeyIsAClassAMemberOrAPackage() {
        assertThat(allowlist.keys()).isNotEmpty().allSatisfy(key ->
                assertThat(key).matches("[\\w.$]+(\\.\\*|#[\\w<>$]+)?"));
        assertThat(allowlist.isBootstrap("java.lang.invoke.LambdaMetafactory", "metafactory")).isTrue();
    }
}
