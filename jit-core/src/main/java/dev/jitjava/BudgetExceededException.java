package dev.jitjava;

/**
 * A call of generated code ran past its CPU or memory budget, or recursed too deep. Generated code
 * cannot swallow it: once thrown, every later budget check in the call throws again, and the call
 * fails with it even if the code returned normally.
 */
public class BudgetExceededException extends JitException {
    /**
     * Creates the exception.
     *
     * @param message what ran past which budget, and how to allow more
     */
    public BudgetExceededException(String message) {
        super(message);
    }
}
