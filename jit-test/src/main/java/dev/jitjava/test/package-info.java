/**
 * Test support for code that uses jit-java: {@link dev.jitjava.test.ScriptedChatModel} answers as a
 * model would, from a script, with no network and no key.
 */
package dev.jitjava.test;
