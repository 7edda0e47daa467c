package io.charter.rights.fulfilment;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

import io.charter.platform.BaseUrl;
import io.charter.rights.web.SystemTask;
import io.charter.shared.Actors;
import io.charter.shared.WebhookSignature;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import tools.jackson.databind.json.JsonMapper;

import io.charter.rights.DataSubjectRequest;
import io.charter.rights.RequestChangeRefused;
import io.charter.rights.RequestChanges;
import io.charter.rights.RequestType;
import io.charter.rights.StepNotAllowed;

/**
 * Other systems that hold personal data: each connected for some request types gets a signed
 * webhook when staff notify it, retried with exponential backoff until it answers 2xx, and reports
 * back through a signed callback. Delivery is at least once: a system must treat a repeated
 * delivery id as the same task.
 */
@Component
public class ConnectedSystems {

	private static final Logger log = LoggerFactory.getLogger(ConnectedSystems.class);

	private final SystemTasks tasks;
	private final SystemDatasets datasets;
	private final RequestChanges changes;
	private final FulfilmentRecords fulfilmentRecords;
	private final WebhookSettings settings;
	private final JsonMapper json;
	private final TransactionTemplate tx;
	private final BaseUrl baseUrl;
	/** Built at the first delivery: the first HTTP client of a JVM loads its TLS set-up (the trust store), a cost at every start otherwise. */
	private final Supplier<HttpClient> http;

	ConnectedSystems(SystemTasks tasks, SystemDatasets datasets, RequestChanges changes, FulfilmentRecords fulfilmentRecords,
			WebhookSettings settings, JsonMapper json, PlatformTransactionManager transactions,
			BaseUrl baseUrl) {
		this.tasks = tasks;
		this.datasets = datasets;
		this.changes = changes;
		this.fulfilmentRecords = fulfilmentRecords;
		this.settings = settings;
		this.json = json;
		this.tx = new TransactionTemplate(transactions);
		this.baseUrl = baseUrl;
		this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(settings.timeout())
				.followRedirects(HttpClient.Redirect.NEVER).build());
	}

	public List<String> systemsFor(RequestType type) {
		return settings.systemsFor(type).stream().map(WebhookSettings.ConnectedSystem::name).toList();
	}

	/** Queues a delivery to every system connected for the request's type that has none yet (caller's transaction). */
	List<String> notifyAll(DataSubjectRequest r, String actor) {
		List<String> queued = new ArrayList<>();
		for (WebhookSettings.ConnectedSystem system : settings.systemsFor(r.type())) {
			if (tasks.insert(r.id(), system.name(), changes.now())) {
				queued.add(system.name());
			}
		}
		if (!queued.isEmpty()) {
			changes.log(r.id(), actor, "systems-notified", "webhook queued for " + String.join(", ", queued), null);
		}
		return queued;
	}

	/** Systems connected for the request's type that have not reported done and were not overridden. */
	List<String> unsettled(DataSubjectRequest r) {
		List<SystemTask> known = tasks.of(r.id());
		return systemsFor(r.type()).stream().filter(name -> known.stream()
				.noneMatch(t -> t.system().equals(name) && t.settled())).toList();
	}

	/**
	 * Refuses to close or package a request while a system connected for its type has not reported
	 * done and staff did not override it with a reason.
	 */
	public DataSubjectRequest requireReported(DataSubjectRequest r) {
		List<String> waiting = unsettled(r);
		if (!waiting.isEmpty()) {
			throw new StepNotAllowed("rights.refused.systems-not-reported", String.join(", ", waiting));
		}
		return r;
	}

	/** Whether a system connected for the request's type has not been told of it yet. */
	public boolean anyToNotify(DataSubjectRequest r) {
		List<SystemTask> known = tasks.of(r.id());
		return systemsFor(r.type()).stream().anyMatch(name -> known.stream().noneMatch(t -> t.system().equals(name)));
	}

	/** Delivers what is due; safe on several instances at once (each task is claimed before it is sent). */
	public int deliverDue() {
		int delivered = 0;
		Instant now = changes.now();
		for (SystemTasks.Due due : tasks.due(now, 50)) {
			Instant lease = now.plus(settings.timeout().multipliedBy(2)).plusSeconds(60);
			if (!tasks.claim(due.id(), now, lease)) {
				continue;
			}
			if (deliver(due)) {
				delivered++;
			}
		}
		return delivered;
	}

	private boolean deliver(SystemTasks.Due due) {
		int attempt = due.attempts() + 1;
		var system = settings.system(due.system());
		if (system.isEmpty()) {
			tx.executeWithoutResult(s -> {
				tasks.failedAttempt(due.id(), attempt, "the system is no longer configured", null);
				changes.log(due.requestId(), Actors.SYSTEM, "system-failed", due.system() + ": no longer configured", null);
			});
			return false;
		}
		byte[] body = tx.execute(s -> payload(changes.load(due.requestId()), due.id()));
		String error;
		try {
			long timestamp = changes.now().getEpochSecond();
			HttpResponse<String> response = http.get().send(HttpRequest.newBuilder(system.get().url())
					.timeout(settings.timeout())
					.header("Content-Type", "application/json")
					.header("X-Charter-Delivery", due.id().toString())
					.header(WebhookSignature.TIMESTAMP, String.valueOf(timestamp))
					.header(WebhookSignature.SIGNATURE, WebhookSignature.sign(system.get().secret(), timestamp, body))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				tx.executeWithoutResult(s -> {
					tasks.delivered(due.id(), attempt, changes.now());
					changes.log(due.requestId(), Actors.SYSTEM, "system-delivered", due.system() + ": webhook delivered (attempt "
							+ attempt + ")", null);
				});
				return true;
			}
			error = "HTTP " + response.statusCode();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Exception e) {
			error = e.getClass().getSimpleName();
		}
		Instant next = attempt >= settings.maxAttempts() ? null : changes.now().plus(backoff(attempt));
		String why = error;
		tx.executeWithoutResult(s -> {
			tasks.failedAttempt(due.id(), attempt, why, next);
			changes.log(due.requestId(), Actors.SYSTEM, next == null ? "system-failed" : "system-retry", due.system()
					+ ": delivery failed (" + why + ", attempt " + attempt + ")"
					+ (next == null ? "; gave up" : "; next attempt at " + next), null);
		});
		log.warn("Webhook to {} failed ({}, attempt {})", due.system(), why, attempt);
		return false;
	}

	/** 1, 2, 4, 8 … times the first retry, at most the longest wait. */
	Duration backoff(int attempt) {
		Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 20));
		return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
	}

	private byte[] payload(DataSubjectRequest r, UUID taskId) {
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("email", r.email());
		subject.put("visitorId", r.visitorId());
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", taskId.toString());
		p.put("event", "data-subject-request." + r.type().name().toLowerCase(java.util.Locale.ROOT));
		p.put("requestId", r.id().toString());
		p.put("reference", r.reference());
		p.put("type", r.type().name());
		p.put("subject", subject);
		p.put("language", r.language());
		p.put("receivedOn", r.receivedOn().toString());
		p.put("dueOn", r.dueOn().toString());
		p.put("callback", baseUrl.to("/api/v1/rights/callbacks/" + taskId));
		return json.writeValueAsBytes(p);
	}

	/**
	 * A system reports on its task (see {@link SystemReport}), signed like the delivery. The body is
	 * read up to {@code max-report-size} and no further.
	 */
	CallbackResult report(UUID taskId, String timestamp, String signature, InputStream in) {
		var system = tasks.systemOf(taskId).flatMap(settings::system);
		if (system.isEmpty()) {
			return CallbackResult.UNKNOWN;
		}
		long limit = settings.maxReportSize().toBytes();
		byte[] body;
		try {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		}
		catch (IOException e) {
			return CallbackResult.BAD_BODY;
		}
		if (body.length > limit) {
			return CallbackResult.TOO_LARGE;
		}
		if (!WebhookSignature.valid(system.get().secret(), timestamp, signature, body, changes.now(),
				settings.callbackTolerance())) {
			return CallbackResult.BAD_SIGNATURE;
		}
		UUID requestId = tasks.requestOf(taskId).orElseThrow();
		RequestType type = tx.execute(s -> changes.load(requestId).type());
		Optional<SystemReport> parsed;
		try {
			parsed = SystemReport.parse(json.readTree(body), type, json);
		}
		catch (RuntimeException e) {
			return CallbackResult.BAD_BODY;
		}
		if (parsed.isEmpty()) {
			return CallbackResult.BAD_BODY;
		}
		SystemReport report = parsed.get();
		String name = system.get().name();
		return Boolean.TRUE.equals(tx.execute(s -> record(taskId, requestId, name, report))) ? CallbackResult.ACCEPTED
				: CallbackResult.NOT_WAITING;
	}

	private boolean record(UUID taskId, UUID requestId, String name, SystemReport report) {
		Instant now = changes.now();
		String detail = report.detail();
		if (!tasks.reported(taskId, report.done(), report.status() + (detail.isBlank() ? "" : ": " + detail), now)) {
			return false;
		}
		for (Dataset d : report.datasets()) {
			datasets.insert(taskId, requestId, name, d.name(), d.rows().size(), json.writeValueAsBytes(d.rows()), now);
		}
		if (!report.datasets().isEmpty()) {
			Holding h = report.information();
			Map<String, String> info = new LinkedHashMap<>();
			info.put("purposes", h.purposes());
			info.put("categories", h.categories());
			info.put("recipients", h.recipients());
			info.put("retention", h.retention());
			info.put("source", h.source());
			tasks.information(taskId, json.writeValueAsString(info));
		}
		fulfilmentRecords.insert(requestId, name, "REPORT", report.status(), report.records(),
				detail.isBlank() ? null : detail, now, "system:" + name);
		changes.log(requestId, "system:" + name, "system-reported", name + " reported " + report.status() + " "
				+ report.records() + (report.datasets().isEmpty() ? "" : " with " + report.datasets().size() + " dataset(s)"),
				null);
		return true;
	}

	/**
	 * What each system connected for an access or portability request contributes to its package:
	 * the datasets it reported, or nothing when staff closed its task without a report.
	 */
	List<PackageWriter.SystemPart> contributions(DataSubjectRequest r) {
		List<SystemDatasets.Stored> stored = datasets.of(r.id());
		Map<String, String> information = tasks.informationOf(r.id());
		List<PackageWriter.SystemPart> parts = new ArrayList<>();
		for (SystemTask task : tasks.of(r.id())) {
			if (!systemsFor(r.type()).contains(task.system())) {
				continue;
			}
			@SuppressWarnings("unchecked")
			List<Dataset> sets = stored.stream().filter(d -> d.system().equals(task.system()))
					.map(d -> new Dataset(d.dataset(), (List<Map<String, Object>>) json.readValue(d.content(), List.class)))
					.toList();
			int rows = sets.stream().mapToInt(d -> d.rows().size()).sum();
			@SuppressWarnings("unchecked")
			Map<String, String> info = information.containsKey(task.system())
					? json.readValue(information.get(task.system()), Map.class) : Map.of();
			Holding holding = new Holding(rows, info.get("purposes"), info.get("categories"), info.get("recipients"),
					info.get("retention"), info.get("source"));
			parts.add(new PackageWriter.SystemPart(task.system(), "DONE".equals(task.status()), holding, sets));
		}
		return parts;
	}

	void retry(DataSubjectRequest r, String system, String actor) {
		tasks.retry(r.id(), requireSystem(r, system), changes.now());
		changes.log(r.id(), actor, "system-retry", system + ": delivery retried by staff", null);
	}

	void override(DataSubjectRequest r, String system, String reason, String actor) {
		String name = requireSystem(r, system);
		// A system that reported DONE has answered; overriding it would drop or contradict its report.
		if (!tasks.override(r.id(), name, reason, changes.now())) {
			throw new StepNotAllowed("rights.refused.system-already-done", name);
		}
		fulfilmentRecords.insert(r.id(), name, "OVERRIDE", "RECORDED", 0, reason, changes.now(), actor);
		changes.log(r.id(), actor, "system-overridden", name + ": closed by staff without its report", reason);
	}

	private String requireSystem(DataSubjectRequest r, String system) {
		if (system == null || !systemsFor(r.type()).contains(system)) {
			throw new RequestChangeRefused("rights.refused.system-not-connected", system, r.type().resolvable());
		}
		return system;
	}

	public List<SystemTask> tasksOf(UUID requestId) {
		return tasks.of(requestId);
	}
}
