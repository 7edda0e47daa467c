package io.charter.identity.web;

import io.charter.identity.ApiToken;

/** A freshly issued API token with its secret, returned exactly once. */
public record IssuedToken(ApiToken token, String secret) {
}
