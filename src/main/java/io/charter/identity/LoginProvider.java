package io.charter.identity;

/** A "Sign in with ..." button on the sign-in page. */
public record LoginProvider(String name, String href) {
}
