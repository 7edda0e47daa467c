/**
 * @fileoverview Names the closure compiler must not rename or report as undeclared: the site's boot
 * data, bound by Charter around the minified script when it serves /c/{site}/banner.js.
 * @externs
 */

/** @type {!Object} */
var __CHARTER_BOOT__;

/**
 * Set by banner.js while it loads settings.js, which calls it with its drawing functions.
 * @type {?function(function(!Object): !Object)}
 */
var __charterSettings;
