package io.charter.identity.web;

/** A "Sign in with ..." button on the sign-in page. */
public record LoginProvider(String name, String href) {
}
