package dev.jitjava;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@link Reviewer#approvingFrom(Path)}: approves the methods a file lists, read again at each review. */
record FileReviewer(Path file) implements Reviewer {

    @Override
    public Decision review(Review review) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Decision.reject("there is no " + file + " to approve it: create it with the line " + review.method());
        } catch (IOException e) {
            return Decision.reject("cannot read " + file + " to approve it: " + e);
        }
        String method = review.method();
        String name = method.substring(0, method.indexOf('('));
        for (String line : lines) {
            String entry = line.strip();
            if (entry.equals(method) || entry.equals(name)) {
                return Decision.approve();
            }
        }
        return Decision.reject("not approved in " + file + ": add the line " + method + " (or " + name
                + " for every overload) to approve it");
    }
}
