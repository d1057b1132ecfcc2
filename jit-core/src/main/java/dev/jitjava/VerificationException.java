package dev.jitjava;

import java.util.List;

/**
 * Generated (or stored) code uses something the allowlist does not allow. The message names the
 * member, the source line and, where a capability would allow it, how to grant it.
 */
public class VerificationException extends JitException {
    private final List<String> violations;

    public VerificationException(String message, List<String> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** Every violation found, one line each. */
    public List<String> violations() {
        return violations;
    }
}
