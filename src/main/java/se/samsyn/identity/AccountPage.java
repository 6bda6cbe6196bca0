package se.samsyn.identity;

import java.util.List;

/**
 * One page of accounts, ordered by username. There is no total: counting every account in the
 * country on each view is what paging avoids, so the page only says whether another follows.
 *
 * @param accounts at most {@code size} accounts
 * @param page the page, counted from 0
 * @param size accounts per page
 * @param hasNext whether at least one more account matches after this page
 */
public record AccountPage(List<UserAccount> accounts, int page, int size, boolean hasNext) {

    /** Whether a page comes before this one. */
    public boolean hasPrevious() {
        return page > 0;
    }
}
