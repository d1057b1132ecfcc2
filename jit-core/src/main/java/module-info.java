/**
 * jit-java: just-in-time methods, written by a language model on their first call, compiled,
 * verified, stored and bound. The module exports its API ({@code dev.jitjava}), what a host of
 * generated methods needs ({@code dev.jitjava.spi}, used by the {@code jit} command) and what
 * generated classes link against ({@code dev.jitjava.runtime}, which is not API); everything under
 * {@code dev.jitjava.internal} stays inside.
 */
module dev.jitjava {
    exports dev.jitjava;
    exports dev.jitjava.spi;
    exports dev.jitjava.runtime;

    // ChatModel is part of the API (Jit.Builder.model)
    requires transitive langchain4j.core;
    // the providers Jit.create() builds from the environment, and the JDK's HTTP client under them
    requires langchain4j.open.ai;
    requires langchain4j.anthropic;
    requires langchain4j.google.ai.gemini;
    requires langchain4j.ollama;
    requires langchain4j.http.client;
    requires langchain4j.http.client.jdk;
    requires java.net.http;
    // class files: implementation classes, renaming, the verifier and the budgets' instrumentation
    requires org.objectweb.asm;
    requires org.objectweb.asm.commons;
    requires org.objectweb.asm.tree;
    requires org.objectweb.asm.tree.analysis;
    // the store's metadata
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
    // add_dependency: Maven Resolver as Maven configures it
    requires eu.maveniverse.maven.mima.context;
    requires org.apache.maven.resolver;
    requires org.apache.maven.resolver.util;
    // javac, in memory; thread CPU time and allocation for the budgets
    requires java.compiler;
    requires jdk.compiler;
    requires java.management;
    requires jdk.management;
    // the JFR events (dev.jitjava.Generation, ...): in every JDK, like jdk.compiler
    requires jdk.jfr;
}
