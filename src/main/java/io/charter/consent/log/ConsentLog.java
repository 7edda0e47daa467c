package io.charter.consent.log;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import io.charter.consent.ConsentLogSettings;
import io.charter.consent.DatabaseUnavailable;
import io.charter.consent.Declaration;
import io.charter.consent.DeclarationVersions;
import io.charter.shared.NotFound;

/**
 * The public consent log: checks a visitor's choice against the site and the declaration version
 * that was shown, and hands it to the group commit. Refusals happen before anything is queued, so
 * a refused request stores nothing.
 */
@Service
class ConsentLog {

	/** What a website sends with the body: read from the HTTP request by the controller. */
	record Submission(String siteKey, String origin, String remoteAddress, String userAgent, byte[] body,
			boolean tooLarge) {
	}

	/** The answer to a recorded consent. */
	record Receipt(String consentId, Instant recordedAt, Instant chosenAt, int version, String siteKey) {
	}

	/** What the holder of a consent id may read back: nothing about the source or the browser. */
	record StoredReceipt(String consentId, Instant recordedAt, Instant chosenAt, int version, ConsentMethod method,
			Map<String, Boolean> choices, String language) {
	}

	private final DeclarationVersions versions;
	private final ConsentRecords records;
	private final ConsentWriter writer;
	private final SourceHashes sources;
	private final ConsentRateLimit rateLimit;
	private final ConsentLogSettings settings;
	private final Clock clock;
	private final ObjectReader strictJson;

	ConsentLog(DeclarationVersions versions, ConsentRecords records, ConsentWriter writer, SourceHashes sources,
			ConsentRateLimit rateLimit, ConsentLogSettings settings, Clock clock, JsonMapper json) {
		this.versions = versions;
		this.records = records;
		this.writer = writer;
		this.sources = sources;
		this.rateLimit = rateLimit;
		this.settings = settings;
		this.clock = clock;
		this.strictJson = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * The site's current allowed origins, from memory; 404 when the site is unknown or has no published
	 * declaration, {@link DatabaseUnavailable} when it is not in memory and the database cannot tell.
	 */
	List<String> allowedOrigins(String siteKey) {
		return versions.currentNow(siteKey).map(d -> d.site().origins())
				.orElseThrow(() -> new NotFound("No published cookie declaration for this site."));
	}

	/**
	 * Checks in this order: site (404), origin (403), rate limit per source (429), size (413),
	 * JSON (400), fields against the version shown (400). Then queues the record; the future
	 * completes after the commit. Nothing here waits for the database: the site's declarations come
	 * from memory ({@link DatabaseUnavailable} when they are not there and cannot be read in time).
	 */
	CompletableFuture<Receipt> record(Submission submission) {
		DeclarationVersions.Published site = versions.publishedNow(submission.siteKey())
				.orElseThrow(() -> new NotFound("No published cookie declaration for this site."));
		Declaration current = site.declaration();
		List<String> origins = current.site().origins();
		if (submission.origin() == null || !origins.contains(submission.origin())) {
			throw new ConsentRefused(HttpStatus.FORBIDDEN, "This origin may not record consents for this site.");
		}
		String source = sources.hash(submission.remoteAddress());
		rateLimit.take(source);
		if (submission.tooLarge()) {
			throw new ConsentRefused(HttpStatus.CONTENT_TOO_LARGE,
					"The body is larger than " + settings.maxBodySize().toBytes() + " bytes.");
		}
		JsonNode body;
		try {
			body = strictJson.readTree(submission.body());
		}
		catch (JacksonException malformed) {
			throw ConsentRefused.field("body", "The body is not valid JSON.");
		}
		ConsentSubmission parsed = ConsentSubmission.read(body);
		Declaration shown = parsed.version() == current.version() ? current
				: versions.versionNow(submission.siteKey(), parsed.version())
						.orElseThrow(() -> ConsentRefused.field("version",
								"version " + parsed.version() + " is not a published version of this site."));
		ConsentSubmission.Checked checked = parsed.checkAgainst(shown, origins);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		ConsentRecord record = new ConsentRecord(UUID.randomUUID(), site.siteId(), submission.siteKey(), parsed.visitorId(),
				parsed.version(), parsed.method(), checked.choices(), parsed.language(), checked.pageUrl(), source,
				BrowserFamily.of(submission.userAgent()), now, now.minusSeconds(parsed.age()));
		if (record.choicesText().length() > ConsentRecord.MAX_CHOICES) {
			throw ConsentRefused.field("choices", "choices name too many services.");
		}
		return writer.write(record).thenApply(
				r -> new Receipt(r.id().toString(), r.recordedAt(), r.chosenAt(), r.version(), r.siteKey()));
	}

	/** A receipt for the holder of the consent id; 404 for an unknown id or another site's. */
	StoredReceipt receipt(String siteKey, String consentId, String origin) {
		List<String> origins = allowedOrigins(siteKey);
		if (origin != null && !origins.contains(origin)) {
			throw new ConsentRefused(HttpStatus.FORBIDDEN, "This origin may not read consents of this site.");
		}
		UUID id;
		try {
			id = UUID.fromString(consentId);
		}
		catch (IllegalArgumentException e) {
			throw new NotFound("No such consent.");
		}
		UUID siteId = records.siteId(siteKey).orElseThrow(() -> new NotFound("No such consent."));
		ConsentRecord r = records.find(siteKey, siteId, id).orElseThrow(() -> new NotFound("No such consent."));
		return new StoredReceipt(r.id().toString(), r.recordedAt(), r.chosenAt(), r.version(), r.method(), r.choices(), r.language());
	}
}
