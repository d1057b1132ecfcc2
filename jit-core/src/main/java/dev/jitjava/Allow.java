package dev.jitjava;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Grants capabilities to the generated methods of an interface, on top of the {@code Jit}'s own
 * grants: {@code @Allow({Capability.FILES_READ})}. Members that are never allowed stay denied.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Allow {
    /** @return the capabilities granted, on top of those every generated method has */
    Capability[] value();
}
