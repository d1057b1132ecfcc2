package dev.jitjava.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.jitjava.Jit;
import dev.jitjava.Preparation;
import dev.jitjava.test.ScriptedChatModel;

import javax.tools.JavaFileObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sources compiled with and without the processor, a store written by the run-time engine, and the results loaded. */
final class Fixture {
    private Fixture() {
    }

    static JavaFileObject source(String qualifiedName, String text) {
        return JavaFileObjects.forSourceString(qualifiedName, text);
    }

    /** Compiles with the processor, reading {@code store}; options are {@code jit.x=y} pairs. */
    static Compilation withProcessor(Path store, List<JavaFileObject> sources, String... options) {
        List<String> all = new ArrayList<>();
        all.add("-Ajit.store=" + store);
        for (String option : options) {
            all.add("-A" + option);
        }
        all.add("-parameters");
        return Compiler.javac().withProcessors(new JitProcessor()).withOptions(all).compile(sources);
    }

    /** Compiles without any processor. */
    static Compilation plain(List<JavaFileObject> sources) {
        return Compiler.javac().withOptions("-proc:none", "-parameters").compile(sources);
    }

    /** A fresh class loader over what a compilation wrote (interfaces and generated classes alike). */
    static ClassLoader load(Compilation compilation, Path folder) {
        try {
            for (JavaFileObject file : compilation.generatedFiles()) {
                if (file.getKind() != JavaFileObject.Kind.CLASS) {
                    continue;
                }
                String path = file.toUri().getPath();
                String relative = path.substring(path.indexOf("/", path.indexOf("CLASS_OUTPUT")) + 1);
                Path target = folder.resolve(relative);
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
            }
            return new URLClassLoader(new URL[]{folder.toUri().toURL()}, Fixture.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the store as the run-time engine does: the sources compiled without the processor, each
     * interface prepared with a scripted model that answers each method from {@code answers} (by name).
     */
    static void prepareStore(Path store, Path classes, List<JavaFileObject> sources, Map<String, String> answers,
                             String... interfaces) throws Exception {
        Compilation compiled = plain(sources);
        assertThat(compiled.errors()).isEmpty();
        ClassLoader loader = load(compiled, classes);
        ScriptedChatModel model = ScriptedChatModel.replying(request -> answer(request, answers));
        Jit jit = Jit.builder().store(store).model(model).build();
        for (String name : interfaces) {
            Preparation prepared = jit.prepare(loader.loadClass(name));
            assertThat(prepared.failed()).as("generation failures").isEmpty();
        }
    }

    private static String answer(dev.langchain4j.model.chat.request.ChatRequest request, Map<String, String> answers) {
        String text = ScriptedChatModel.allText(request);
        int at = text.indexOf("Write this method of ");
        String signature = text.substring(at).lines().skip(2).findFirst().orElseThrow().strip();
        String name = signature.substring(0, signature.indexOf('('));
        name = name.substring(name.lastIndexOf(' ') + 1);
        String code = answers.get(name);
        if (code == null) {
            throw new IllegalStateException("no scripted answer for " + name + " in " + signature);
        }
        return "```java\n" + code + "\n```";
    }
}
