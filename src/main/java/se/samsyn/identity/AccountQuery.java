package se.samsyn.identity;

import se.samsyn.shared.Role;

/**
 * A search in the accounts an administrator may manage, one page at a time, ordered by username.
 *
 * @param search part of the username, any case; blank or null for every account
 * @param role only accounts of this role; null for every role
 * @param page the page, counted from 0 (negative values become 0)
 * @param size accounts per page, 1 to {@value #MAX_SIZE}; 0 or less gives {@value #DEFAULT_SIZE}
 */
public record AccountQuery(String search, Role role, int page, int size) {

    /** Accounts per page when none is asked for. */
    public static final int DEFAULT_SIZE = 50;
    /** The most accounts one page holds. */
    public static final int MAX_SIZE = 500;

    public AccountQuery {
        search = search == null || search.isBlank() ? null : search.strip().toLowerCase(java.util.Locale.ROOT);
        page = Math.max(page, 0);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    /** The first page of every account, {@value #DEFAULT_SIZE} per page. */
    public static AccountQuery firstPage() {
        return new AccountQuery(null, null, 0, DEFAULT_SIZE);
    }
}
