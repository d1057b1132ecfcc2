package dev.jitjava.internal.verify;

import dev.jitjava.Capability;
import dev.jitjava.internal.method.Owner;

import java.util.function.Function;

/**
 * One use of something generated code may not use.
 *
 * @param member     what was used: {@code java.lang.System.exit(int)}, {@code type java.lang.Thread}, ...
 * @param line       the source line, or 0 if unknown
 * @param reason     why it is denied, from the allowlist ("" if the list gives none)
 * @param capability the capability that would allow it, or null if none would
 * @param className  the generated class it was found in
 * @param grantable  whether the user can grant it otherwise than by a capability (an application type:
 *                   the reason says how)
 */
public record Violation(String member, int line, String reason, Capability capability, String className,
                        boolean grantable) {

    public Violation(String member, int line, String reason, Capability capability, String className) {
        this(member, line, reason, capability, className, false);
    }

    /** For the model: what is wrong and what to do instead (the line travels beside it). */
    public String forModel() {
        if (capability != null) {
            return "`" + member + "` is not allowed here: it needs the " + capability
                    + " capability, which this method does not have" + (reason.isEmpty() ? "" : " (" + reason + ")");
        }
        return "`" + member + "` is not allowed here" + (reason.isEmpty() ? "" : ": " + reason);
    }

    /** For the user: what is wrong and how to grant it, where a grant would help. */
    public String forUser(Owner owner) {
        return forUser(owner::howToGrant);
    }

    /** For the user, with the words that grant a capability where the user is ({@code @Allow(...) on X}). */
    public String forUser(Function<Capability, String> howToGrant) {
        String where = line > 0 ? " at line " + line : "";
        if (capability != null) {
            return "`" + member + "`" + where + " needs the " + capability + " capability: grant it with "
                    + howToGrant.apply(capability);
        }
        return "`" + member + "`" + where + (grantable ? " is not allowed" : " is never allowed")
                + (reason.isEmpty() ? "" : ": " + reason);
    }
}
