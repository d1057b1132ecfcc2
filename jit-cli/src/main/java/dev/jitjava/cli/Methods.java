package dev.jitjava.cli;

import dev.jitjava.internal.store.MethodStore;

import java.util.List;
import java.util.stream.Collectors;

/** Finds the stored method a user names: {@code countVowels}, {@code Numbers.countVowels} or a full signature. */
final class Methods {
    private Methods() {
    }

    static String label(MethodStore.Listed method) {
        return typeName(method.owner()) + "." + method.signature();
    }

    static String typeName(String owner) {
        if (owner.contains("/")) { // object/<namespace>, file/<Class>, shell/session
            return owner.substring(owner.indexOf('/') + 1);
        }
        String simple = owner.substring(owner.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }

    static MethodStore.Listed find(MethodStore store, String query) {
        List<MethodStore.Listed> all = store.list();
        String wanted = query.replace(" ", "");
        List<MethodStore.Listed> matches = all.stream().filter(m -> matches(m, wanted)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new ExitException(ExitCodes.USAGE, "no stored method matches " + query + " in " + store.root(),
                    all.isEmpty() ? "the store is empty" : "jit ls lists the stored methods");
        }
        throw new ExitException(ExitCodes.USAGE, query + " matches " + matches.size() + " methods: "
                + matches.stream().map(Methods::label).collect(Collectors.joining(", ")),
                "name one by its signature, e.g. jit show '" + label(matches.get(0)) + "'");
    }

    private static boolean matches(MethodStore.Listed method, String query) {
        String signature = method.signature();
        String name = signature.substring(0, signature.indexOf('('));
        String type = typeName(method.owner());
        return query.equals(name) || query.equals(signature) || query.equals(type + "." + name)
                || query.equals(type + "." + signature) || query.equals(method.owner() + "." + signature)
                || query.equals(method.owner() + "." + name);
    }
}
