    public static void printOddNumbersInList(List<Integer> numbers) {
        for (int n : numbers) {
            if (n % 2 != 0) {
                System.out.println(n);
            }
        }
    }