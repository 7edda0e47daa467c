/**
 * The control-report plug-in: every module that runs a control of the policy implements
 * {@link io.charter.shared.control.ControlReport}, and the compliance module collects the reports
 * into the clause table, so no module depends on another to take part.
 */
package io.charter.shared.control;
