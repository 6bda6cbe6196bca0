package se.samsyn.audit;

import java.util.List;

/**
 * One page of audit entries, newest first, with the number of matching entries. Counting stops a
 * fixed number of entries past the page ({@code samsyn.audit.count-ahead}, 10,000 by default), so
 * a view never counts the whole trail: when it stops, {@code totalCapped} is true and
 * {@code total} is a lower bound ("more than").
 *
 * @param entries the page's entries, newest first
 * @param total the number of matching entries, or a lower bound when {@code totalCapped}
 * @param page the page number, from 0
 * @param size entries per page
 * @param totalCapped whether counting stopped before the end, so that more entries may match
 */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size, boolean totalCapped) {

    /** A page whose total is exact. */
    public AuditPage(List<AuditEntry> entries, long total, int page, int size) {
        this(entries, total, page, size, false);
    }

    /** The number of pages, at least 1; a lower bound when {@code totalCapped}. */
    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** Whether a page comes before this one. */
    public boolean hasPrevious() {
        return page > 0;
    }
}
