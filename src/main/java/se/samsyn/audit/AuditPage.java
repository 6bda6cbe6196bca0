package se.samsyn.audit;

import java.util.List;

/** One page of audit entries, newest first, with the number of matching entries. */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size) {

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
