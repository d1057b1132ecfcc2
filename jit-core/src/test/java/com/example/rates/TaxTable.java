package com.example.rates;

/** The application's type in another package than the interfaces using it. */
public final class TaxTable {
    private TaxTable() {
    }

    public static long withTax(long cents) {
        return cents + cents / 5;
    }
}
