/*
 * For each Java regex read from stdin (one per line, each matching a single character), prints
 * the code points it matches as ranges: "lo-hi,lo-hi,..." (hex), one line per input line.
 * Each code point is tried on its own as a one-code-point string (surrogates as lone units)
 * with matcher().matches(). Used by bench/patterns/classes.ts.
 *
 *   java bench/patterns/JavaClassRanges.java < classes.txt
 */
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class JavaClassRanges {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String[] strings = new String[0x110000];
        for (int cp = 0; cp < strings.length; cp++) strings[cp] = new String(Character.toChars(cp));
        String line;
        while ((line = in.readLine()) != null) {
            Matcher m = Pattern.compile(line).matcher("");
            StringBuilder out = new StringBuilder();
            int start = -1;
            for (int cp = 0; cp <= strings.length; cp++) {
                boolean hit = cp < strings.length && m.reset(strings[cp]).matches();
                if (hit && start < 0) start = cp;
                if (!hit && start >= 0) {
                    if (out.length() > 0) out.append(',');
                    out.append(Integer.toHexString(start)).append('-').append(Integer.toHexString(cp - 1));
                    start = -1;
                }
            }
            System.out.println(out);
        }
    }
}
