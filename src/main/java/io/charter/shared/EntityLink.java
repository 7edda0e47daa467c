package io.charter.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the staff console shows an entity of one type, contributed as a bean by the module that
 * owns its page, so that the audit trail links each entry to what it is about without knowing the
 * modules.
 *
 * @param entityType the type as the module's events name it ({@code data-subject-request})
 * @param path the page, starting with {@code /}; {@code {id}} in it stands for the entity's id
 *        (URL-encoded), a path without it is the one page of every entity of the type
 */
public record EntityLink(String entityType, String path) {

	public EntityLink {
		if (entityType == null || entityType.isBlank()) {
			throw new IllegalArgumentException("An entity link names its entity type");
		}
		if (path == null || !path.startsWith("/") || path.startsWith("//")) {
			throw new IllegalArgumentException("An entity link leads to a path of Charter, starting with one /");
		}
	}

	/** The page of this entity; an id that would change the path's shape ({@code /}, {@code ..}) is encoded. */
	public String pathTo(String entityId) {
		return path.replace("{id}", URLEncoder.encode(entityId == null ? "" : entityId, StandardCharsets.UTF_8));
	}
}
