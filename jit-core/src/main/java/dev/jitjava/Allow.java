package dev.jitjava;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Grants the generated methods of an interface (or of a {@code jit run} program's class) more than
 * the {@code Jit}'s own grants: capabilities ({@code @Allow(Capability.FILES_READ)}), and the
 * application's own types beyond those of the interface's package and signature
 * ({@code @Allow(types = Invoice.class, packages = "com.acme.billing")}). Members that are never
 * allowed stay denied; a granted type opens that type's members, not what they use.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Allow {
    /** {@return the capabilities granted, on top of those every generated method has} */
    Capability[] value() default {};

    /** {@return the application's types generated code may use, with their nested types} */
    Class<?>[] types() default {};

    /** {@return the packages (such as {@code com.acme.billing}; not their subpackages) whose types generated code may use} */
    String[] packages() default {};
}
