package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;

import java.nio.file.Path;

/**
 * Measures a process that needs 50 methods: with the store empty (the scripted model answers at
 * once), all stored with compiled classes in .cache/, and all stored without .cache/. Not a test:
 * run {@code main(store)} in a fresh JVM each time.
 */
public final class StartupTiming {
    public interface Fifty {
        int m0(int x);
        int m1(int x);
        int m2(int x);
        int m3(int x);
        int m4(int x);
        int m5(int x);
        int m6(int x);
        int m7(int x);
        int m8(int x);
        int m9(int x);
        int m10(int x);
        int m11(int x);
        int m12(int x);
        int m13(int x);
        int m14(int x);
        int m15(int x);
        int m16(int x);
        int m17(int x);
        int m18(int x);
        int m19(int x);
        int m20(int x);
        int m21(int x);
        int m22(int x);
        int m23(int x);
        int m24(int x);
        int m25(int x);
        int m26(int x);
        int m27(int x);
        int m28(int x);
        int m29(int x);
        int m30(int x);
        int m31(int x);
        int m32(int x);
        int m33(int x);
        int m34(int x);
        int m35(int x);
        int m36(int x);
        int m37(int x);
        int m38(int x);
        int m39(int x);
        int m40(int x);
        int m41(int x);
        int m42(int x);
        int m43(int x);
        int m44(int x);
        int m45(int x);
        int m46(int x);
        int m47(int x);
        int m48(int x);
        int m49(int x);
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        ScriptedChatModel model = ScriptedChatModel.replying(request -> {
            String prompt = ScriptedChatModel.lastUserText(request);
            int from = prompt.indexOf("int m") + 5;
            String number = prompt.substring(from, prompt.indexOf('(', from));
            return "```java\nint m" + number + "(int x) { return x + " + number + "; }\n```";
        });
        Fifty fifty = Jit.builder().store(Path.of(args[0])).model(model).build().implement(Fifty.class);
        long sum = 0;
        for (java.lang.reflect.Method method : Fifty.class.getMethods()) {
            sum += (int) method.invoke(fifty, 1);
        }
        System.out.printf("%d methods, %d model requests, %.0f ms (sum %d)%n", Fifty.class.getMethods().length,
                model.requestCount(), (System.nanoTime() - start) / 1e6, sum);
    }
}
