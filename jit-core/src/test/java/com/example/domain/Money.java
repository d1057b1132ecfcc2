package com.example.domain;

/** A type beside the interfaces of this package, named by none of their signatures. */
public record Money(long cents) {
    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    public Money plus(Money other) {
        return new Money(cents + other.cents);
    }
}
