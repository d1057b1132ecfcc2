package dev.jitjava;

/** When jit-java may call the model. Set with {@link Jit.Builder#mode} or the environment variable {@code JIT_MODE}. */
public enum Mode {
    /** Generate what is missing or stale, store it, run it. The default. */
    AUTO,
    /** Like {@link #AUTO}, but a new or improved method runs only after a {@link Reviewer} approves it. */
    REVIEW,
    /** Production: never call the model. A missing or stale method fails with {@link MissingMethodException}. */
    LOCKED
}
