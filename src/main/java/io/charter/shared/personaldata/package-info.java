/**
 * The personal-data plug-in: every module that holds personal data implements
 * {@link io.charter.shared.personaldata.PersonalDataHolder}, and the rights module collects them to
 * answer data-subject requests, so no module depends on another to take part.
 */
package io.charter.shared.personaldata;
