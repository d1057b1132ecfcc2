package dev.jitjava.internal.store;

import dev.jitjava.internal.method.ExampleSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metadata written by Jackson's generator reads back the same through JsonText. */
class MetadataJsonTest {

    @Test
    void writeThenRead_givesTheSameMetadata_escapesIncluded() {
        String tricky = "line \"one\"\n\ttab \\ back-slash, unicode é ☃ \u0001 </script>";
        Metadata metadata = new Metadata("dev.example.Numbers", "f(java.lang.String)", Metadata.Status.EDITED, "abc",
                new SpecRecord("int f(String s)", tricky, List.of("f(\"a\") returns 1"), "", "1"), "m",
                "2026-11-25T10:00:00Z", 2, new Metadata.Tokens(10, 20), "def", "regenerated: x",
                List.of(new Metadata.VersionRecord(1, "m", "2026-11-25T10:00:00Z", 2, null, "faster", null,
                        List.of("int f(String s) {", "  return \"\\n\".length();", "}"))),
                new Metadata.Checks("h", List.of("f(\"a\") returns 1")),
                List.of(new ExampleSpec("f(\"b\")", "2", "")),
                List.of(new Metadata.Dependency("org.example:x:1.0",
                        List.of(new Metadata.Jar("org.example:x:1.0", "0123")))));

        assertThat(MetadataJson.read(MetadataJson.write(metadata))).isEqualTo(metadata);
    }

    @Test
    void jsonText_readsNumbersLiteralsAndNesting() {
        assertThat(JsonText.parse(" {\"a\": [1, -2, 3.5e2, true, false, null, {}], \"b\": \"\\u0041\\/\"} "))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -2L, 350.0, true, false, null, Map.of()), "b", "A/"));
    }

    @Test
    void jsonText_saysWhereTheTextIsWrong() {
        assertThatThrownBy(() -> JsonText.parse("{\n  \"owner\" : "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not valid JSON at line 2, column 13: the text ends where a value should be");
        assertThatThrownBy(() -> JsonText.parse("{\"a\": 1} x")).hasMessageContaining("more text after the JSON value");
        assertThatThrownBy(() -> JsonText.parse("{\"a\" 1}")).hasMessageContaining("expected ':'");
        assertThatThrownBy(() -> JsonText.parse("")).hasMessage("the file is empty");
    }
}
