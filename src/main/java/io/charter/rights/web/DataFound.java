package io.charter.rights.web;

import io.charter.shared.personaldata.Holding;

/**
 * What one module holds on the requester, for the request page.
 *
 * @param error why the module could not answer, or null
 */
public record DataFound(String holder, Holding holding, String error) {
}
