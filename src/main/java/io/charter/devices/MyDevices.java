package io.charter.devices;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.web.CheckVersionView;
import io.charter.devices.web.OwnDevice;
import io.charter.devices.web.SoftwareRequestView;
import io.charter.people.Directory;

/** What a person sees of their own devices: found by their e-mail address in the directory. */
@Service
class MyDevices {

	private final Devices devices;
	private final Checks checks;
	private final SoftwareSteps software;
	private final SoftwareRequests requests;
	private final Directory directory;
	private final DeviceExemptions exemptions;

	MyDevices(Devices devices, Checks checks, SoftwareSteps software, SoftwareRequests requests, Directory directory,
			DeviceExemptions exemptions) {
		this.exemptions = exemptions;
		this.devices = devices;
		this.checks = checks;
		this.software = software;
		this.requests = requests;
		this.directory = directory;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<OwnDevice> devices(String email) {
		var inForce = exemptions.inForce();
		return directory.byEmail(email).map(p -> devices.ofOwner(p.id()).stream()
				.map(d -> new OwnDevice(d, DeviceExemptions.apply(inForce, d.id(), p.id(), checks.states(d.id())),
						software.installed(d.id()).stream().filter(s -> !s.approved()).toList()))
				.toList()).orElse(List.of());
	}

	/**
	 * How to fix each check in the language, by check id, where SECURITY wrote one: a check absent
	 * here keeps the text shipped in the message bundles.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<String, String> fixes(Locale locale) {
		Map<String, String> fixes = new HashMap<>();
		for (CheckVersionView check : checks.current()) {
			String fix = check.fix(locale.getLanguage());
			if (fix != null) {
				fixes.put(check.checkId(), fix);
			}
		}
		return fixes;
	}

	/** The titles SECURITY gave the checks, in the reader's language, by check (the shipped titles stand for the rest). */
	@Transactional(readOnly = true)
	public Map<String, String> titles(Locale locale) {
		return checks.titles(locale.getLanguage());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<SoftwareRequestView> requests(String email) {
		return directory.byEmail(email).map(p -> requests.of(p.id())).orElse(List.of());
	}
}
