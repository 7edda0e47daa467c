package io.charter.consent;

import java.time.Instant;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * A change in the consent module, published after it is made and recorded in the audit trail:
 * catalogue edits, publications, purges, a data-subject request's records. Visitors' consent
 * records are their own proof and are not copied into the audit trail. Listen to the record you
 * need, or to a group ({@link SiteEvent}, {@link CategoryEvent}, ...); each record fixes its
 * action and entity, which are the trail's vocabulary, not something to compare.
 * <p>
 * The records are stored by the event publication registry until every listener has handled them,
 * so renaming one, or changing its components, strands publications still outstanding under the
 * old shape.
 */
public sealed interface ConsentEvent extends AuditableEvent {

	/** A change to a site's settings or texts, or to its records as a whole: entity type {@code consent-site}. */
	sealed interface SiteEvent extends ConsentEvent {

		String ENTITY = "consent-site";

		String siteKey();

		@Override
		default String entityType() {
			return ENTITY;
		}

		@Override
		default String entityId() {
			return siteKey();
		}
	}

	/** A change to a category of a site's catalogue: entity {@code consent-category} {@code <site>/<category>}. */
	sealed interface CategoryEvent extends ConsentEvent {

		String ENTITY = "consent-category";

		String siteKey();

		String categoryKey();

		@Override
		default String entityType() {
			return ENTITY;
		}

		@Override
		default String entityId() {
			return siteKey() + "/" + categoryKey();
		}
	}

	/** A change to a service of a site's catalogue: entity {@code consent-service} {@code <site>/<service>}. */
	sealed interface ServiceEvent extends ConsentEvent {

		String ENTITY = "consent-service";

		String siteKey();

		String serviceKey();

		@Override
		default String entityType() {
			return ENTITY;
		}

		@Override
		default String entityId() {
			return siteKey() + "/" + serviceKey();
		}
	}

	/** A change to a cookie of a service: entity {@code consent-cookie} by the cookie's id. */
	sealed interface CookieEvent extends ConsentEvent {

		String ENTITY = "consent-cookie";

		UUID cookieId();

		String siteKey();

		String serviceKey();

		@Override
		default String entityType() {
			return ENTITY;
		}

		@Override
		default String entityId() {
			return cookieId().toString();
		}
	}

	/** Visitors' records handled for a data-subject request: the trail names the request, never the visitor id. */
	sealed interface SubjectRequestEvent extends ConsentEvent {

		String ENTITY = "data-subject-request";

		UUID requestId();

		@Override
		default String entityType() {
			return ENTITY;
		}

		@Override
		default String entityId() {
			return String.valueOf(requestId());
		}
	}

	record SiteCreated(String siteKey, String summary, String actor, Instant occurredAt) implements SiteEvent {
		@Override
		public String action() {
			return "consent-site.created";
		}
	}

	/** The site's settings saved. */
	record SiteChanged(String siteKey, String summary, String actor, Instant occurredAt) implements SiteEvent {
		@Override
		public String action() {
			return "consent-site.updated";
		}
	}

	/** The banner's texts saved, in one or more languages. */
	record BannerTextsChanged(String siteKey, String summary, String actor, Instant occurredAt) implements SiteEvent {
		@Override
		public String action() {
			return "consent-banner-text.updated";
		}
	}

	/** Consent records past the retention period deleted; the summary gives the count and the cut-off. */
	record ConsentRecordsPurged(String siteKey, String summary, String actor, Instant occurredAt) implements SiteEvent {
		@Override
		public String action() {
			return "consent-record.purged";
		}
	}

	record CategoryCreated(String siteKey, String categoryKey, String summary, String actor, Instant occurredAt)
			implements CategoryEvent {
		@Override
		public String action() {
			return "consent-category.created";
		}
	}

	record CategoryChanged(String siteKey, String categoryKey, String summary, String actor, Instant occurredAt)
			implements CategoryEvent {
		@Override
		public String action() {
			return "consent-category.updated";
		}
	}

	record CategoryDeleted(String siteKey, String categoryKey, String summary, String actor, Instant occurredAt)
			implements CategoryEvent {
		@Override
		public String action() {
			return "consent-category.deleted";
		}
	}

	record ServiceCreated(String siteKey, String serviceKey, String summary, String actor, Instant occurredAt)
			implements ServiceEvent {
		@Override
		public String action() {
			return "consent-service.created";
		}
	}

	record ServiceChanged(String siteKey, String serviceKey, String summary, String actor, Instant occurredAt)
			implements ServiceEvent {
		@Override
		public String action() {
			return "consent-service.updated";
		}
	}

	/** Deleted with its cookies. */
	record ServiceDeleted(String siteKey, String serviceKey, String summary, String actor, Instant occurredAt)
			implements ServiceEvent {
		@Override
		public String action() {
			return "consent-service.deleted";
		}
	}

	record CookieCreated(UUID cookieId, String siteKey, String serviceKey, String summary, String actor,
			Instant occurredAt) implements CookieEvent {
		@Override
		public String action() {
			return "consent-cookie.created";
		}
	}

	record CookieChanged(UUID cookieId, String siteKey, String serviceKey, String summary, String actor,
			Instant occurredAt) implements CookieEvent {
		@Override
		public String action() {
			return "consent-cookie.updated";
		}
	}

	/** A cookie that was to be confirmed was confirmed (by an admin, or later by the scanner). */
	record CookieConfirmed(UUID cookieId, String siteKey, String serviceKey, String summary, String actor,
			Instant occurredAt) implements CookieEvent {
		@Override
		public String action() {
			return "consent-cookie.confirmed";
		}
	}

	record CookieDeleted(UUID cookieId, String siteKey, String serviceKey, String summary, String actor,
			Instant occurredAt) implements CookieEvent {
		@Override
		public String action() {
			return "consent-cookie.deleted";
		}
	}

	record ConsentRecordsErased(UUID requestId, String summary, String actor, Instant occurredAt)
			implements SubjectRequestEvent {
		@Override
		public String action() {
			return "consent-record.erased";
		}
	}

	/** Kept as proof only, excluded from statistics. */
	record ConsentRecordsRestricted(UUID requestId, String summary, String actor, Instant occurredAt)
			implements SubjectRequestEvent {
		@Override
		public String action() {
			return "consent-record.restricted";
		}
	}

	/** Withdrawal of every non-necessary category recorded on the visitor's sites. */
	record ConsentWithdrawn(UUID requestId, String summary, String actor, Instant occurredAt)
			implements SubjectRequestEvent {
		@Override
		public String action() {
			return "consent-record.withdrawn";
		}
	}

	/** A version of a site's declaration published: entity {@code declaration} {@code <site>#<version>}. */
	record DeclarationPublished(String siteKey, int version, String summary, String actor, Instant occurredAt)
			implements ConsentEvent {

		static final String ENTITY = "declaration";

		@Override
		public String action() {
			return ENTITY + ".published";
		}

		@Override
		public String entityType() {
			return ENTITY;
		}

		@Override
		public String entityId() {
			return siteKey + "#" + version;
		}
	}
}
