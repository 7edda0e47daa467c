package io.charter.rights.fulfilment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.platform.Secrets;
import io.charter.rights.DataSubjectRequest;
import io.charter.rights.ExportFailed;
import io.charter.rights.KeptReason;
import io.charter.rights.Letters;
import io.charter.rights.RequestAlreadyClosed;
import io.charter.rights.RequestChangeRefused;
import io.charter.rights.RequestChanges;
import io.charter.rights.RequestStatus;
import io.charter.rights.RequestType;
import io.charter.rights.ResponsePackages;
import io.charter.rights.RightsSettings;
import io.charter.rights.StaffAccess;
import io.charter.rights.StepNotAllowed;
import io.charter.rights.web.FulfilmentRecord;
import io.charter.shared.Actors;
import io.charter.shared.personaldata.Outcome;

/**
 * Carrying a request out: through the modules that hold personal data (a response package,
 * erasure, restriction, withdrawal of consent), through the other systems connected by webhook,
 * and by hand (an exception staff record). The modules are called outside any transaction of this
 * module, each in its own; what each did is recorded. PRIVACY or ADMIN.
 */
@Service
public class RequestFulfilment {

	private final RequestChanges changes;
	private final Fulfilment fulfilment;
	private final FulfilmentRecords fulfilmentRecords;
	private final ResponsePackages packages;
	private final PackageWriter packageWriter;
	private final Letters letters;
	private final RightsSettings settings;
	private final ConnectedSystems systems;
	private final TransactionTemplate tx;

	RequestFulfilment(RequestChanges changes, Fulfilment fulfilment, FulfilmentRecords fulfilmentRecords,
			ResponsePackages packages, PackageWriter packageWriter, Letters letters, RightsSettings settings,
			ConnectedSystems systems, PlatformTransactionManager transactions) {
		this.changes = changes;
		this.fulfilment = fulfilment;
		this.fulfilmentRecords = fulfilmentRecords;
		this.packages = packages;
		this.packageWriter = packageWriter;
		this.letters = letters;
		this.settings = settings;
		this.systems = systems;
		this.tx = new TransactionTemplate(transactions);
	}

	// ---- through the modules ----

	/**
	 * Access and portability: collects everything every module holds on the requester into a
	 * package, stores it until its link expires and e-mails the link. Refused when a module fails,
	 * so a package is always complete.
	 */
	@PreAuthorize(StaffAccess.WRITE)
	public void deliverPackage(UUID id) {
		DataSubjectRequest loaded = tx.execute(s -> systems.requireReported(changes.load(id)
				.requireReadyTo(RequestType.ACCESS, RequestType.PORTABILITY)));
		List<Fulfilment.Exported> exports = fulfilment.export(loaded.subject());
		String actor = Actors.current();
		List<Fulfilment.Exported> failed = exports.stream().filter(e -> e.error() != null).toList();
		tx.executeWithoutResult(s -> {
			DataSubjectRequest r = systems.requireReported(changes.load(id)
					.requireReadyTo(RequestType.ACCESS, RequestType.PORTABILITY));
			for (Fulfilment.Exported e : exports) {
				fulfilmentRecords.insert(r.id(), e.holder(), "EXPORT", e.error() == null ? (e.records() == 0 ? "NOTHING_HELD" : "DONE") : "FAILED",
						e.records(), e.error(), changes.now(), actor);
			}
			if (!failed.isEmpty()) {
				changes.log(r.id(), actor, "export-failed", "export failed in " + failed.stream().map(Fulfilment.Exported::holder).toList(), null);
				return;
			}
			PackageWriter.Written written = packageWriter.write(r, exports, systems.contributions(r), changes.today());
			String secret = Secrets.generate();
			Instant expires = changes.now().plus(settings.downloadValidity());
			packages.insert(UUID.randomUUID(), r.id(), Secrets.hash(secret), changes.now(), expires, written.zip(),
					written.sha256(), written.inventory());
			if (r.status() == RequestStatus.VERIFIED) {
				r.start();
			}
			r.recordFulfilment("package-sent", "response package sent: " + written.inventory() + "; sha256 "
					+ written.sha256(), null);
			changes.save(r, actor);
			letters.toRequester(r, "rights-package", Map.of("expiresOn", Letters.date(LocalDate.ofInstant(expires,
					settings.zone()), r.language())), Map.of("link", letters.oneTimeLink("/privacy/requests/download/", secret, r.language())));
		});
		if (!failed.isEmpty()) {
			throw new ExportFailed("rights.refused.export-failed",
					failed.stream().map(Fulfilment.Exported::holder).collect(java.util.stream.Collectors.joining(", ")));
		}
	}

	/** Erasure: every module erases or anonymises; what each did is recorded. */
	@PreAuthorize(StaffAccess.WRITE)
	public List<FulfilmentRecord> erase(UUID id) {
		return apply(id, Fulfilment.Action.ERASE, "ERASE", RequestType.ERASURE);
	}

	/** Restriction or objection: every module flags the data and stops processing them. */
	@PreAuthorize(StaffAccess.WRITE)
	public List<FulfilmentRecord> restrict(UUID id) {
		return apply(id, Fulfilment.Action.RESTRICT, "RESTRICT", RequestType.RESTRICTION, RequestType.OBJECTION);
	}

	/** Withdrawal of consent: every module that relies on consent records it. */
	@PreAuthorize(StaffAccess.WRITE)
	public List<FulfilmentRecord> withdrawConsent(UUID id) {
		return apply(id, Fulfilment.Action.WITHDRAW, "WITHDRAW", RequestType.WITHDRAWAL);
	}

	private List<FulfilmentRecord> apply(UUID id, Fulfilment.Action action, String code,
			RequestType... types) {
		DataSubjectRequest loaded = tx.execute(s -> changes.load(id).requireReadyTo(types));
		List<Fulfilment.Applied> results = fulfilment.apply(action, loaded.subject());
		String actor = Actors.current();
		return tx.execute(s -> {
			DataSubjectRequest r = changes.load(id).requireReadyTo(types);
			List<String> summary = new ArrayList<>();
			for (Fulfilment.Applied a : results) {
				Outcome o = a.outcome();
				String outcome = a.error() != null || o == null ? "FAILED" : o.result().name();
				int records = o == null ? 0 : o.records();
				String detail = a.error() != null ? a.error() : o == null ? "no outcome" : o.detail();
				fulfilmentRecords.insert(r.id(), a.holder(), code, outcome, records, detail,
						a.error() != null || o == null ? null : o.letter(), changes.now(), actor);
				summary.add(a.holder() + " " + outcome + " " + records);
			}
			if (r.status() == RequestStatus.VERIFIED) {
				r.start();
			}
			r.recordFulfilment(code.toLowerCase(Locale.ROOT), code.toLowerCase(Locale.ROOT) + ": "
					+ String.join(", ", summary), null);
			changes.save(r, actor);
			return fulfilmentRecords.of(r.id());
		});
	}

	// ---- through other systems ----

	/** Sends a signed webhook to every system connected for the request's type (delivered by the job, with retries). */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public List<String> notifySystems(UUID id) {
		DataSubjectRequest r = changes.load(id).requireReadyTo(RequestType.values());
		if (systems.systemsFor(r.type()).isEmpty()) {
			throw new StepNotAllowed("rights.refused.no-system-for-type", r.type().resolvable());
		}
		List<String> queued = systems.notifyAll(r, Actors.current());
		if (queued.isEmpty()) {
			throw new StepNotAllowed("rights.refused.every-connected-system-was");
		}
		return queued;
	}

	/** Delivers again to a system that failed or reported it could not act. */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void retrySystem(UUID id, String system) {
		DataSubjectRequest r = changes.load(id);
		if (!r.open()) {
			throw new RequestAlreadyClosed(r.status());
		}
		systems.retry(r, system, Actors.current());
	}

	/** Closes a system's task without its report, e.g. it holds nothing on the person or cannot be reached. */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void overrideSystem(UUID id, String system, String reason) {
		DataSubjectRequest r = changes.load(id);
		if (!r.open()) {
			throw new RequestAlreadyClosed(r.status());
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 2000) {
			throw new RequestChangeRefused("rights.refused.override-needs-reason-at");
		}
		systems.override(r, system, reason.strip(), Actors.current());
	}

	// ---- by hand ----

	/**
	 * Records why a module's (or another system's) data were not erased or restricted (art. 17(3)),
	 * or what was done by hand in a system Charter does not reach: a legal hold, nothing held, or
	 * another reason in the staff's words. For an erasure or a restriction, such a record stands for
	 * the module until the step is run there again.
	 */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void recordException(UUID id, String system, KeptReason reason, String detail) {
		DataSubjectRequest r = changes.load(id);
		if (!r.open()) {
			throw new RequestAlreadyClosed(r.status());
		}
		if (system == null || system.isBlank() || system.strip().length() > 100) {
			throw new RequestChangeRefused("rights.refused.name-module-system-at");
		}
		KeptReason why = reason == null ? KeptReason.OTHER : reason;
		String text = detail == null || detail.isBlank() ? null : detail.strip();
		if (why == KeptReason.OTHER && text == null || text != null && text.length() > 2000) {
			throw new RequestChangeRefused("rights.refused.say-what-was-kept");
		}
		fulfilmentRecords.insert(r.id(), system.strip(), DataSubjectRequest.EXCEPTION, why.name(), 0, text, changes.now(),
				Actors.current());
		changes.log(r.id(), Actors.current(), "exception-recorded", "recorded for " + system.strip() + ": "
				+ why.name().toLowerCase(Locale.ROOT).replace('_', ' '), text);
	}
}
