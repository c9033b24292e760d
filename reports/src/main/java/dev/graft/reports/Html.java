package dev.graft.reports;

/** HTML escaping, and where a cell may break. */
final class Html {
    private Html() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param text e.g. "+0.0962 [-0.1231, +0.1977]", "&lt; 10 [&lt; 10, 13]" or "0.5844 ± 0.0469"
     * @return the text escaped, breakable only before its interval or spread: a cell that must wrap
     *     puts "[…]" or "± …" on one line below its value
     */
    static String breakOnce(String text) {
        String escaped = escape(text);
        int interval = escaped.indexOf(" [");
        int spread = escaped.indexOf(" ±");
        int at = interval < 0 ? spread : spread < 0 ? interval : Math.min(interval, spread);
        return at < 0 ? escaped.replace(" ", "&nbsp;")
                : escaped.substring(0, at).replace(" ", "&nbsp;") + " " + escaped.substring(at + 1).replace(" ", "&nbsp;");
    }
}
