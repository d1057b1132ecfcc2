package dev.jitjava;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The model that writes this method (or every method of this interface), instead of the
 * {@code Jit}'s own: {@code @Model("ollama:qwen2.5-coder:7b")}. The provider's key and server come
 * from the environment or {@code jit.properties}, as for {@link Jit#create()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Model {
    /** {@return {@code provider:model}; the provider ends at the first colon} */
    String value();
}
