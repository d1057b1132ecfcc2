/** Two missing methods; the return types come from where they are called. */
public class Vowels {
    public static void main(String[] args) {
        String text = args.length > 0 ? args[0] : "just in time";
        int vowels = countVowels(text);
        String shout = shout(text);
        System.out.println(vowels + " vowels in " + shout);
    }
}
