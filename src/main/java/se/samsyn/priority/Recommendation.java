package se.samsyn.priority;

import java.util.Optional;

/**
 * A recommendation: a rank from 1 (highest priority) to 10, FoU (only within research and
 * development) or icke-göra (phase out). {@code rank} is set only for {@link Kind#RANK}.
 */
public record Recommendation(Kind kind, Integer rank) {

    /** The highest priority. */
    public static final int BEST = 1;
    /** The lowest rank. */
    public static final int WORST = 10;

    /** A rank, FoU or icke-göra. */
    public enum Kind {
        RANK, FOU, ICKE_GORA;

        /** The lower-case code in the API: the name with hyphens, for example {@code icke-gora}. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return se.samsyn.shared.Codes.of(this);
        }

        /** Reads a code, or the constant's name as stored before codes were used. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind ofJson(String code) {
            return se.samsyn.shared.Codes.parse(values(), Kind::code, code);
        }
    }

    /** The bands a published list is grouped by. */
    public enum Band {
        BOR("bor"), KAN("kan"), UNDANTAG("undantag"), FOU("fou"), ICKE_GORA("icke-gora");

        private final String code;

        Band(String code) {
            this.code = code;
        }

        /** The band's code in the API and in message keys. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return code;
        }
    }

    /** Refuses a missing kind or a rank outside 1–10 with {@link IllegalArgumentException}; drops a rank for FoU and icke-göra. */
    public Recommendation {
        if (kind == null) {
            throw new IllegalArgumentException("kind");
        }
        if (kind == Kind.RANK && (rank == null || rank < BEST || rank > WORST)) {
            throw new IllegalArgumentException("A rank lies between 1 and 10");
        }
        if (kind != Kind.RANK) {
            rank = null;
        }
    }

    /** Rank 1–10. */
    public static Recommendation rank(int rank) {
        return new Recommendation(Kind.RANK, rank);
    }

    /** Only within research and development (FoU). */
    public static Recommendation fou() {
        return new Recommendation(Kind.FOU, null);
    }

    /** Phase out (icke-göra). */
    public static Recommendation ickeGora() {
        return new Recommendation(Kind.ICKE_GORA, null);
    }

    /** The code used in forms and the API: "1" … "10", "fou" or "icke-gora". */
    public String code() {
        return switch (kind) {
            case RANK -> String.valueOf(rank);
            case FOU -> "fou";
            case ICKE_GORA -> "icke-gora";
        };
    }

    /** The recommendation for a code ({@code 1} … {@code 10}, {@code fou}, {@code icke-gora} or {@code icke-göra}); empty for anything else. */
    public static Optional<Recommendation> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.trim();
        if (c.equalsIgnoreCase("fou")) {
            return Optional.of(fou());
        }
        if (c.equalsIgnoreCase("icke-gora") || c.equalsIgnoreCase("icke-göra")) {
            return Optional.of(ickeGora());
        }
        try {
            int r = Integer.parseInt(c);
            return r >= BEST && r <= WORST ? Optional.of(rank(r)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The band of a published list: bör 1–3, kan 4–7, undantag 8–10, FoU, icke-göra. */
    public Band band() {
        return switch (kind) {
            case FOU -> Band.FOU;
            case ICKE_GORA -> Band.ICKE_GORA;
            case RANK -> rank <= 3 ? Band.BOR : rank <= 7 ? Band.KAN : Band.UNDANTAG;
        };
    }

    /**
     * A total order for the invariants: 1 … 10, then FoU, then icke-göra. A larger number is never
     * better, so "never improves" means "never gets a smaller order".
     */
    public int order() {
        return switch (kind) {
            case RANK -> rank;
            case FOU -> WORST + 1;
            case ICKE_GORA -> WORST + 2;
        };
    }

    /** All recommendations a group can decide, best first. */
    public static java.util.List<Recommendation> all() {
        java.util.List<Recommendation> all = new java.util.ArrayList<>();
        for (int r = BEST; r <= WORST; r++) {
            all.add(rank(r));
        }
        all.add(fou());
        all.add(ickeGora());
        return all;
    }
}
