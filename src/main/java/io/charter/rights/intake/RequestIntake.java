package io.charter.rights.intake;

import static io.charter.rights.RequesterLinkPurposes.VERIFY;
import static io.charter.rights.RequesterLinkPurposes.WITHDRAW;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.platform.OneTimeLinks;
import io.charter.platform.Secrets;
import io.charter.rights.Channel;
import io.charter.rights.DataSubjectRequest;
import io.charter.rights.Deadlines;
import io.charter.rights.Letters;
import io.charter.rights.NewRequest;
import io.charter.rights.Reminders;
import io.charter.rights.RequestChanges;
import io.charter.rights.RequestStatus;
import io.charter.rights.RequestType;
import io.charter.rights.ResponsePackages;
import io.charter.rights.RightsSettings;
import io.charter.rights.web.PrivacyNotice;
import io.charter.shared.Actors;
import io.charter.shared.ClientKey;
import io.charter.shared.RuleViolation;

/**
 * What requesters do without an account: file a request on the public form, confirm their address
 * with the e-mailed link, withdraw their request, download their response package.
 */
@Service
public class RequestIntake {

	/** What the confirmation page shows before and after the requester confirms. */
	public record Confirmation(String reference, RequestType type, String language, LocalDate dueOn) {

		/** The due date written out in the requester's language. */
		public String dueOnText() {
			return Letters.date(dueOn, language);
		}
	}

	/**
	 * What the withdrawal page shows: the request, whether it can still be withdrawn, and whether
	 * this very step withdrew it.
	 */
	public record Withdrawal(String reference, RequestType type, RequestStatus status, boolean withdrawnNow) {

		public boolean open() {
			return status.open();
		}
	}

	/** What the download page shows. */
	public record Download(String reference, Instant expiresAt, String expiresOn, long size, String sha256) {
	}

	/** The content of a package, for the download itself. */
	public record PackageFile(String reference, byte[] content) {
	}

	private final RequestChanges changes;
	/** The actor of the requester's own steps in the history and the audit trail. */
	static final String REQUESTER = "requester";

	private final OneTimeLinks links;
	private final ResponsePackages packages;
	private final Letters letters;
	private final Deadlines deadlines;
	private final RightsSettings settings;
	private final FormThrottle throttle;
	private final Reminders staff;

	RequestIntake(RequestChanges changes, OneTimeLinks links, ResponsePackages packages, Letters letters,
			Deadlines deadlines, RightsSettings settings, Reminders staff) {
		this.changes = changes;
		this.links = links;
		this.packages = packages;
		this.letters = letters;
		this.deadlines = deadlines;
		this.settings = settings;
		this.throttle = new FormThrottle(settings.formLimit(), settings.formWindow());
		this.staff = staff;
	}

	/**
	 * Counts a submission of the public form from a client; false when the client used up its
	 * allowance ({@code charter.rights.form-limit} per {@code form-window}). No address is stored.
	 */
	public boolean allowSubmission(ClientKey client) {
		return throttle.tryAcquire(client, changes.now());
	}

	/** What the form must tell about the data it collects (art. 13), in a language (en, fr, nl). */
	public PrivacyNotice notice(String language) {
		return letters.notice(language);
	}

	/** How many days the e-mailed confirmation link works ({@code charter.rights.verification-validity}). */
	public long verificationDays() {
		return settings.verificationValidity().toDays();
	}

	/** How to lodge a complaint with a supervisory authority, in a language (en, fr, nl). */
	public String complaint(String language) {
		return letters.complaint(language);
	}

	/**
	 * A request from the public form: received today, waiting for the requester to confirm their
	 * address through the link sent to it. Returns the reference. The form sends an address at most
	 * {@code charter.rights.form-mail-limit} links a day, whoever fills it in: past that, the request
	 * is kept without a link (staff may send one) and the answer is the same, so that the form can
	 * neither flood a mailbox nor tell which addresses were used.
	 */
	@Transactional
	public String submit(NewRequest form) {
		DataSubjectRequest request = receive(form, Channel.FORM, changes.today(), true);
		boolean mail = changes.formLinksSentTo(request.email(), changes.now().minus(Duration.ofDays(1)))
				< settings.formMailLimit();
		if (!mail) {
			request.withholdVerificationLink(settings.formMailLimit());
		}
		changes.insert(request, Actors.current());
		if (mail) {
			sendVerificationLink(request);
		}
		return request.reference();
	}

	/** Checks a new request and makes it, in the given channel. */
	public DataSubjectRequest receive(NewRequest form, Channel channel, LocalDate receivedOn, boolean awaitingVerification) {
		java.util.List<String> invalid = form.invalidFields();
		if (!invalid.isEmpty()) {
			throw new RuleViolation("Missing or invalid: " + String.join(", ", invalid) + ".");
		}
		String language = Letters.language(form.language());
		return DataSubjectRequest.receive(form.type(), channel, form.name(), form.email().strip().toLowerCase(Locale.ROOT),
				language, form.visitorId(), form.details(), receivedOn, changes.now(), deadlines, awaitingVerification);
	}

	/** A new single-use link to the requester's address; earlier links stop working. */
	public void sendVerificationLink(DataSubjectRequest request) {
		links.useUpUnused(VERIFY, request.id());
		String secret = links.issue(VERIFY, request.id(), settings.verificationValidity());
		letters.toRequester(request, "rights-verify", Map.of("days", String.valueOf(settings.verificationValidity().toDays())),
				Map.of("link", letters.oneTimeLink("/privacy/requests/verify/", secret, request.language())));
	}

	/** The request a verification link would confirm, while the link is usable. */
	@Transactional(readOnly = true)
	public Optional<Confirmation> pendingConfirmation(String secret) {
		return links.usableSubject(VERIFY, secret).map(changes::load)
				.map(r -> new Confirmation(r.reference(), r.type(), r.language(), r.dueOn()));
	}

	/**
	 * The requester confirmed their address: the request is verified and they get an
	 * acknowledgement with the due date. Empty when the link is unknown, used, expired, or the
	 * request was closed meanwhile.
	 */
	@Transactional
	public Optional<Confirmation> confirm(String secret) {
		Instant now = changes.now();
		Optional<UUID> requestId = links.usableSubject(VERIFY, secret);
		if (requestId.isEmpty() || !links.consume(VERIFY, secret)) {
			return Optional.empty();
		}
		DataSubjectRequest request = changes.load(requestId.get());
		if (!request.open() || request.verified()) {
			return Optional.empty();
		}
		request.markVerified("e-mail address confirmed through the link sent to it", now);
		changes.save(request, Actors.current());
		letters.toRequester(request, "rights-received", Map.of("receivedOn", Letters.date(request.receivedOn(), request.language()),
				"dueOn", Letters.date(request.dueOn(), request.language())));
		return Optional.of(new Confirmation(request.reference(), request.type(), request.language(), request.dueOn()));
	}

	/**
	 * The request a withdrawal link names, while the link has not expired; closed requests are
	 * shown too, so the page can say that they can no longer be withdrawn.
	 */
	@Transactional(readOnly = true)
	public Optional<Withdrawal> withdrawal(String secret) {
		return links.subject(WITHDRAW, secret).map(changes::load)
				.map(r -> new Withdrawal(r.reference(), r.type(), r.status(), false));
	}

	/**
	 * The requester withdraws their request through the link in a letter: it closes as withdrawn,
	 * its packages stop being downloadable, and the requester gets a confirmation. A closed request
	 * is left as it is (the answer says so); empty when the link is unknown or expired. Of
	 * simultaneous uses of one link, exactly one withdraws; the others answer as for a closed request.
	 */
	@Transactional
	public Optional<Withdrawal> withdraw(String secret) {
		Instant now = changes.now();
		Optional<DataSubjectRequest> found = links.subject(WITHDRAW, secret).map(changes::load);
		if (found.isEmpty() || !found.get().open()) {
			return found.map(r -> new Withdrawal(r.reference(), r.type(), r.status(), false));
		}
		if (!links.consume(WITHDRAW, secret)) {
			// Another use of this link won meanwhile (the claim waited for it to commit): its outcome stands.
			DataSubjectRequest after = changes.load(found.get().id());
			return Optional.of(new Withdrawal(after.reference(), after.type(), after.status(), false));
		}
		DataSubjectRequest request = found.get();
		request.withdraw("withdrawn by the requester with the link in our e-mail", now, changes.today());
		changes.save(request, REQUESTER);
		packages.expireAll(request.id(), now);
		letters.toRequester(request, "rights-withdrawn", Map.of());
		staff.requesterWithdrew(request);
		return Optional.of(new Withdrawal(request.reference(), request.type(), request.status(), true));
	}

	@Transactional(readOnly = true)
	public Optional<Download> download(String secret) {
		if (!Secrets.wellFormed(secret)) {
			return Optional.empty();
		}
		return packages.findUsable(Secrets.hash(secret), changes.now()).map(p -> {
			DataSubjectRequest r = changes.load(p.requestId());
			return new Download(r.reference(), p.expiresAt(),
					Letters.date(LocalDate.ofInstant(p.expiresAt(), settings.zone()), r.language()), p.size(), p.sha256());
		});
	}

	/** The package behind a valid link; each download is recorded in the request's history. */
	@Transactional
	public Optional<PackageFile> downloadFile(String secret) {
		if (!Secrets.wellFormed(secret)) {
			return Optional.empty();
		}
		Instant now = changes.now();
		return packages.findUsable(Secrets.hash(secret), now).map(p -> {
			packages.recordDownload(p.id(), now);
			changes.log(p.requestId(), Actors.current(), "package-downloaded",
					"response package downloaded (" + (p.downloads() + 1) + ")", null);
			return new PackageFile(changes.load(p.requestId()).reference(), packages.content(p.id()));
		});
	}
}
