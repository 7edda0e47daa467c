package io.charter.rights;

/** A module could not export, so no (incomplete) package was sent; trying later may work (a 503). */
public class ExportFailed extends RequestChangeRefused {

	public ExportFailed(String key, Object... arguments) {
		super(key, arguments);
	}
}
