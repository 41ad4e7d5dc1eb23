package org.tcentre.gdpr.report;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders article citations as a lawyer reads them: "Art. 5(1)(a)" before "Art. 6(1)" before "Art. 12(1)",
 * recitals after articles, other laws after the GDPR.
 */
enum ArticleOrder implements Comparator<String> {
    INSTANCE;

    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    @Override
    public int compare(String a, String b) {
        int byGroup = Integer.compare(group(a), group(b));
        if (byGroup != 0) {
            return byGroup;
        }
        int byNumber = Integer.compare(firstNumber(a), firstNumber(b));
        return byNumber != 0 ? byNumber : a.compareTo(b);
    }

    private static int group(String citation) {
        if (citation.startsWith("Art.")) {
            return 0;
        }
        return citation.startsWith("Recital") ? 1 : 2;
    }

    private static int firstNumber(String citation) {
        Matcher m = NUMBER.matcher(citation);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
