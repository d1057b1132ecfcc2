package dev.jitjava;

import java.util.List;

/**
 * Generated (or stored) code uses something the allowlist does not allow. The message names the
 * member, the source line and, where a capability would allow it, how to grant it.
 */
public class VerificationException extends JitException {
    /** Every violation found. */
    private final List<String> violations;

    /**
     * Creates the exception.
     *
     * @param message    what was used, where, and the grant that would allow it, ending with the method
     * @param violations every violation found, one line each
     */
    public VerificationException(String message, List<String> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** {@return every violation found, one line each} */
    public List<String> violations() {
        return violations;
    }
}
