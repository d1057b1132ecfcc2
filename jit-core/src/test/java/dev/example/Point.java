package dev.example;

/** A user type from the signature of a generated method. */
public record Point(int x, int y) {
    public double length() {
        return Math.sqrt((double) x * x + (double) y * y);
    }
}
