    public static String shout(String text) {
        return text.toUpperCase() + "!";
    }