package io.charter.identity.web;

import io.charter.identity.ApiToken;

/** A token row of the tokens page, with its owner's name for the administrator's view. */
public record TokenListing(ApiToken token, String owner, String status) {
}
