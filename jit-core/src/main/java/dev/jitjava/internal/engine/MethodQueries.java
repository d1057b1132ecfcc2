package dev.jitjava.internal.engine;

import dev.jitjava.JitException;
import dev.jitjava.internal.method.MethodKey;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the method a user means by a name ({@code countVowels}) or a signature ({@code countVowels(String)}). */
public final class MethodQueries {
    private MethodQueries() {
    }

    public static MethodKey resolve(Collection<MethodKey> keys, String query, String ownerLabel) {
        String wanted = query.replace(" ", "");
        List<MethodKey> matches = keys.stream().filter(key -> key.name().equals(wanted)
                || key.signature().equals(wanted)
                || key.display().equals(ownerLabel + "." + wanted)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String known = keys.stream().map(MethodKey::display).sorted().collect(Collectors.joining(", "));
        if (matches.isEmpty()) {
            throw new JitException(ownerLabel + " has no generated method " + query + "; it has: "
                    + (known.isEmpty() ? "none yet" : known));
        }
        throw new JitException(query + " is overloaded in " + ownerLabel + ": name one by its signature, one of "
                + matches.stream().map(MethodKey::signature).sorted().collect(Collectors.joining(", ")));
    }
}
