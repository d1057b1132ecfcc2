package dev.jitjava;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose abstract methods jit-java writes. Nothing else about the interface
 * changes: {@link Jit#implement} works on it as on any other interface.
 *
 * <p>With the {@code dev.jitjava:jit-processor} annotation processor on the compiler's processor
 * path, each such interface whose methods are all in the store (and current) is compiled into the
 * application: the processor writes one class, {@code Jit_Numbers} for {@code Numbers} (nested
 * interfaces joined with {@code _}: {@code Jit_Outer_Inner}), in the interface's package, holding
 * the stored source of every method as ordinary code, verified at build time. At run time
 * {@code jit.implement(Numbers.class)} then uses that class in every mode, as long as it was built
 * from the interface's current spec: no store, no javac, no model, no class defined at run time.
 * Code compiled in at build time runs without budgets: it was reviewed and verified when it was built.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JitInterface {
}
