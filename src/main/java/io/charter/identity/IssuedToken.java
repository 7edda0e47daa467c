package io.charter.identity;

/** A freshly issued API token with its secret, returned exactly once. */
public record IssuedToken(ApiToken token, String secret) {
}
