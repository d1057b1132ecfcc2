package dev.jitjava.bench;

import dev.jitjava.test.ScriptedChatModel;

/** A scripted model that writes {@code int mK(int x) { return x + N; }} for any method of {@link Apis}. */
final class Answers {
    private Answers() {
    }

    static ScriptedChatModel apis() {
        return ScriptedChatModel.replying(request -> {
            String prompt = ScriptedChatModel.lastUserText(request);
            int at = prompt.indexOf(":\n\n    int m") + 11;
            String method = prompt.substring(at, prompt.indexOf('(', at));
            int api = prompt.charAt(prompt.indexOf("$Api") + 4) - '0';
            int k = api * 10 + Integer.parseInt(method.substring(1));
            return "```java\nint " + method + "(int x) { return x + " + k + "; }\n```";
        });
    }

    /** The method a request was about, as {@code Api3.m7}. */
    static String methodOf(dev.langchain4j.model.chat.request.ChatRequest request) {
        String prompt = ScriptedChatModel.lastUserText(request);
        int at = prompt.indexOf(":\n\n    int m") + 11;
        return "Api" + prompt.charAt(prompt.indexOf("$Api") + 4) + "." + prompt.substring(at, prompt.indexOf('(', at));
    }
}
