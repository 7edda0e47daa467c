package io.charter.devices.web;

/** A secret just created, with its value: on the next page only, never stored. */
public record IssuedSecretView(String name, String value) {
}
