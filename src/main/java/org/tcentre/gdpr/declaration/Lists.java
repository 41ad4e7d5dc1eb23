package org.tcentre.gdpr.declaration;

import java.util.List;

/** Absent lists in a declaration read as empty, immutable lists. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> of(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
