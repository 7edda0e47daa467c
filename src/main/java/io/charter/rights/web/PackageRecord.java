package io.charter.rights.web;

import java.time.Instant;

/**
 * A response package as the request page shows it: the proof of what was delivered stays after the
 * content is deleted.
 *
 * @param inventory per module, the datasets and their number of records
 * @param available whether the content can still be downloaded
 */
public record PackageRecord(Instant createdAt, Instant expiresAt, long size, String sha256, String inventory,
		int downloads, Instant firstDownloadedAt, boolean available) {
}
