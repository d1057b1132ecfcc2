package dev.jitjava;

/** Run by {@link CreateFromEnvironmentTest} in a fresh JVM: the real {@link Jit#create()}, configured by its environment. */
public final class CreateChild {
    public static void main(String[] args) {
        Jit jit = Jit.create();
        System.out.println("vowels " + jit.implement(ProvidersTest.Numbers.class).countVowels("education"));
        System.out.println("usage " + jit.usage());
    }
}
