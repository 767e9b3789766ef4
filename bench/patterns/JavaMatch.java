/*
 * Ground truth for the @pattern translator: asks java.util.regex what Java's engine says.
 *
 * Run with the single-file launcher (no build step):  java bench/patterns/JavaMatch.java < in.jsonl
 *
 * Input: one JSON object per line, {"p": "<java regex>", "s": ["candidate", ...]}.
 * Output: one JSON object per input line, in the same order:
 *   {"ok": true, "v": [true, false, ...]}   -- Pattern.compile(p).matcher(s).find() per candidate
 *   {"ok": false, "error": "<first line of the PatternSyntaxException message>"}
 * A find() that overflows the stack is reported as the string "overflow" in place of its boolean,
 * and one that runs past a deadline (2 s; catastrophic backtracking) as "timeout".
 *
 * Only the JSON this pipe needs is understood: objects, arrays, strings (with every escape,
 * lone surrogates included), numbers, true/false/null.
 */
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public class JavaMatch {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            Object parsed = new Json(line).value();
            if (!(parsed instanceof Map<?, ?> request)) throw new IllegalArgumentException("expected an object per line");
            String p = (String) request.get("p");
            List<?> candidates = (List<?>) request.get("s");
            StringBuilder sb = new StringBuilder();
            Pattern compiled;
            try {
                compiled = Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                String msg = e.getDescription() + " near index " + e.getIndex();
                out.println("{\"ok\":false,\"error\":" + quote(msg) + "}");
                continue;
            }
            sb.append("{\"ok\":true,\"v\":[");
            for (int i = 0; i < candidates.size(); i++) {
                if (i > 0) sb.append(',');
                String s = (String) candidates.get(i);
                try {
                    sb.append(compiled.matcher(new Deadline(s, System.nanoTime() + 2_000_000_000L)).find());
                } catch (StackOverflowError e) {
                    sb.append("\"overflow\"");
                } catch (TimedOut e) {
                    sb.append("\"timeout\"");
                }
            }
            sb.append("]}");
            out.println(sb);
        }
        out.flush();
    }

    /** Thrown from inside the matcher when a find() runs too long. */
    static final class TimedOut extends RuntimeException {
        TimedOut() { super(null, null, false, false); }
    }

    /** The candidate string, checking the clock now and then as the matcher reads it. */
    static final class Deadline implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        Deadline(String text, long deadline) { this.text = text; this.deadline = deadline; }

        public char charAt(int index) {
            if ((++reads & 0xFFFF) == 0 && System.nanoTime() > deadline) throw new TimedOut();
            return text.charAt(index);
        }
        public int length() { return text.length(); }
        public CharSequence subSequence(int start, int end) { return text.subSequence(start, end); }
        public String toString() { return text; }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** A minimal JSON reader over one line of text. */
    static final class Json {
        private final String text;
        private int pos;

        Json(String text) { this.text = text; }

        Object value() {
            skipSpace();
            char c = text.charAt(pos);
            switch (c) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                case 't': pos += 4; return Boolean.TRUE;
                case 'f': pos += 5; return Boolean.FALSE;
                case 'n': pos += 4; return null;
                default: return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (text.charAt(pos) == '}') { pos++; return map; }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (text.charAt(pos) == ',') { pos++; continue; }
                expect('}');
                return map;
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipSpace();
            if (text.charAt(pos) == ']') { pos++; return list; }
            while (true) {
                list.add(value());
                skipSpace();
                if (text.charAt(pos) == ',') { pos++; continue; }
                expect(']');
                return list;
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = text.charAt(pos++);
                if (c == '"') return sb.toString();
                if (c != '\\') { sb.append(c); continue; }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'u': sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16)); pos += 4; break;
                    default: sb.append(e);
                }
            }
        }

        private Double number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
            return Double.parseDouble(text.substring(start, pos));
        }

        private void expect(char c) {
            if (text.charAt(pos) != c) throw new IllegalArgumentException("expected '" + c + "' at " + pos);
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        }
    }
}
