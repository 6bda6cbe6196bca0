package se.samsyn.identity;

/** A token just created: {@code secret} is shown this once and never stored. */
public record CreatedToken(ApiToken token, String secret) {
}
